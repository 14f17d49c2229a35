import type { Page } from "playwright-core";

// Turning a rendered list's pages in the browser, as a reader would: click its next-page control
// (下一页, 下页, ›, a `next` class …) while there is one that is shown, enabled and handled by a
// script (a real link to a next page is discovery's to follow, not the browser's), wait until the
// page's requests settle, and keep the DOM of each page shown. Stops at the last page (the control
// is gone or disabled), when a click changes nothing or shows a page already seen, at `maxPages`,
// or at the deadline.

/** Requests of the page in flight, and when the last one started or ended. */
export interface Activity {
  pending: number;
  last: number;
}

export interface Snapshot {
  url: string;
  html: string;
}

const MARK = "data-nianbao-next";

/** Run in the page: marks the next-page control to click, if there is one. (A string: the test runner's transforms never touch it.) */
const FIND_NEXT = `(() => {
  const TEXT = /^(?:下一?页|下页|后一?页|下一页[>»›]+|[>›]|next(?:page)?[>»›]*)$/i;
  const CLASS = /(?:^|[\\s_-])(?:next|nextpage|pagenext|btn-next|page-next)(?:$|[\\s_-])/i;
  const DISABLED = /disabled|\\bdisable\\b|unclick|nolink|no-link|forbid/i;
  const label = (el) => (el.innerText || el.value || el.getAttribute("title") || el.getAttribute("aria-label") || "").replace(/\\s+/g, "");
  const cls = (el) => (typeof el.className === "string" ? el.className : "");
  const shown = (el) => { const r = el.getBoundingClientRect(); const st = getComputedStyle(el); return r.width > 0 && r.height > 0 && st.visibility !== "hidden" && st.display !== "none"; };
  const disabled = (el) => { for (let e = el, i = 0; e && i < 3; e = e.parentElement, i++) { if (e.hasAttribute("disabled") || e.getAttribute("aria-disabled") === "true" || DISABLED.test(cls(e))) return true; } return false; };
  const navigates = (el) => { const a = el.closest("a[href]"); if (!a) return false; const h = a.getAttribute("href").trim(); return h !== "" && !/^(?:javascript:|#)/i.test(h); };
  const all = Array.from(document.querySelectorAll("a, button, span, li, input[type=button], input[type=submit], div, em, i, b, font, td"));
  const byText = all.filter((el) => TEXT.test(label(el)) && !Array.from(el.children).some((c) => TEXT.test(label(c))));
  const byClass = all.filter((el) => CLASS.test(cls(el)) && label(el).length <= 4);
  const found = [...byText, ...byClass].find((el) => shown(el) && !disabled(el) && !navigates(el));
  document.querySelectorAll("[${MARK}]").forEach((el) => el.removeAttribute("${MARK}"));
  if (!found) return false;
  found.setAttribute("${MARK}", "1");
  return true;
})()`;

/** What identifies the page of the list shown: every link's target, in order. */
const LINKS = `Array.from(document.links, (a) => a.href).join("\\n")`;

/** Quiet time after the page's last request before it counts as settled (a script may chain a second request on the first's answer). */
const QUIET_MS = 200;

/** Waits until no request of the page has been in flight for QUIET_MS (at most `maxMs`). */
export async function settle(page: Page, activity: Activity, maxMs: number): Promise<void> {
  const end = Date.now() + maxMs;
  await page.waitForTimeout(50);
  while (Date.now() < end) {
    if (activity.pending === 0 && Date.now() - activity.last >= QUIET_MS) return;
    await page.waitForTimeout(25);
  }
}

/** Why the pages stopped turning: the list's end (no next control, or a click changing nothing new), or a limit. */
export type Stopped = "end" | "max-pages" | "time";

/** The rendered DOM of the page as loaded, then of each further page of its list, up to `maxPages`. */
export async function turnPages(page: Page, activity: Activity, maxPages: number, deadline: number): Promise<{ snapshots: Snapshot[]; stopped: Stopped }> {
  const snapshots: Snapshot[] = [{ url: page.url(), html: await page.content() }];
  const seen = new Set([await page.evaluate(LINKS)]);
  for (;;) {
    if (snapshots.length >= maxPages) return { snapshots, stopped: "max-pages" };
    if (Date.now() >= deadline) return { snapshots, stopped: "time" };
    const marked = await page.evaluate(FIND_NEXT).catch(() => false);
    if (!marked) return { snapshots, stopped: "end" };
    try {
      await page.click(`[${MARK}="1"]`, { timeout: 3000 });
    } catch {
      return { snapshots, stopped: "end" };
    }
    await settle(page, activity, Math.max(1000, Math.min(15_000, deadline - Date.now())));
    const links = await page.evaluate(LINKS).catch(() => undefined);
    if (links === undefined || seen.has(links)) return { snapshots, stopped: "end" }; // nothing changed, or a page already shown
    seen.add(links);
    snapshots.push({ url: page.url(), html: await page.content() });
  }
}
