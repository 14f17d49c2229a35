// The only script (/static/app.js), and optional: every page works without it. It submits a
// filter form when one of its selects changes, and "/" moves the focus to the search box.

export const APP_JS = `
document.addEventListener("change", function (e) {
  var t = e.target;
  if (t && t.matches && t.matches("select[data-autosubmit]") && t.form) t.form.submit();
});
document.addEventListener("keydown", function (e) {
  if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
  var a = document.activeElement;
  if (a && (a.tagName === "INPUT" || a.tagName === "TEXTAREA" || a.tagName === "SELECT")) return;
  var box = document.querySelector("input[type=search]");
  if (box) { e.preventDefault(); box.focus(); }
});
`;
