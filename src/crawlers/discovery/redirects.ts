import type { Page } from "./page.ts";

// Redirect shells: a page whose only job is to send the browser elsewhere —
// `<meta http-equiv="refresh" content="0;url=…">`, or on a tiny page a script's
// `location.href = "…"`, `window.location = '…'`, `window.location.replace('…')`,
// `top.location = …`, `location.assign(…)`. A refresh to the very same URL, or a script that
// computes its target (an anti-bot challenge that reloads with a cookie), is not a redirect; a
// bare host sending to its www. twin is one.

const TINY_TEXT = 200;
/** A literal target only: a string not continued by `+` (a computed address is not readable). */
const SCRIPT_TARGETS = [
  /(?:\b(?:window|top|self|parent|document)\s*\.\s*)?location(?:\s*\.\s*href)?\s*=\s*(["'])([^"'\n]+)\1(?!\s*\+)/,
  /location\s*\.\s*(?:replace|assign)\s*\(\s*(["'])([^"'\n]+)\1\s*\)/,
];

export function redirectTarget(page: Page): string | undefined {
  const { $ } = page;
  let target: string | undefined;
  $("meta[http-equiv]").each((_, m) => {
    if (($(m).attr("http-equiv") ?? "").toLowerCase() !== "refresh") return;
    const content = $(m).attr("content") ?? "";
    const r = /^\s*(\d+(?:\.\d+)?)?\s*[;,]?\s*(?:url\s*=\s*)?["']?([^"']*)["']?\s*$/i.exec(content);
    if (!r || !r[2]) return;
    const delay = Number(r[1] ?? 0);
    if (delay > 5 && page.visibleText().length > TINY_TEXT) return; // a page that refreshes itself now and then
    target = page.resolve(r[2].trim());
    if (target) return false;
  });
  if (!target && page.visibleText().length <= TINY_TEXT && $("a[href]").length <= 3) {
    for (const re of SCRIPT_TARGETS) {
      const m = re.exec(page.scriptText);
      if (m && !/[+]|\$\{/.test(m[2])) {
        target = page.resolve(m[2].trim());
        if (target) break;
      }
    }
  }
  if (!target || sameUrl(target, page.url)) return undefined;
  return target;
}

/** The very same address (a page that reloads itself). */
function sameUrl(a: string, b: string): boolean {
  try {
    return new URL(a).href === new URL(b).href;
  } catch {
    return a === b;
  }
}
