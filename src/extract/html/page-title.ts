import type { El } from "./dom.ts";
import { isChromeText } from "./page-chrome.ts";
import { plainText } from "./text-stats.ts";

// The article title, which portals often put outside the content element: in an <h1> or a
// div.title above it, or only in <title> ("标题_站点名"). Chosen among headings and title-like
// elements by what they say (a report title says 报告 / 年报) and by agreement with <title>.

const TITLE_NAME = /(?:^|[-_\s])(?:title|tit|bt|biaoti|headline|art_title|article-title|news_title|con_title|detail-title)(?:$|[-_\s\d])/i;
const HEADINGS = new Set(["h1", "h2", "h3"]);
const REPORT = /报告|年报/;
const YEAR = /(?:19|20)\d{2}|[〇○零一二][〇○零一二三四五六七八九]{3}年/;
const TITLE_SEPARATORS = /\s*(?:[-_|｜—–]+|\s{2,})\s*/;

/** The article's title: from a heading on the page, or (when none says it) from <title>. */
export function findTitle(body: El, pageTitle: string): { text: string; from: "heading" | "page_title" } | undefined {
  const fromPage = pageTitleSegment(pageTitle);
  const squashedPage = squash(pageTitle);
  let best: { text: string; score: number } | undefined;
  const consider = (el: El) => {
    const text = plainText(el);
    if (text.length < 6 || text.length > 120 || isChromeText(text)) return;
    let score = 0;
    // A report title names its year; a column heading (信息公开年报) does not.
    if (REPORT.test(text)) score += YEAR.test(text) ? 4 : 1;
    if (el.tag === "h1" || el.tag === "h2") score += 2;
    if (TITLE_NAME.test(el.cls) || TITLE_NAME.test(el.id)) score += 1;
    if (squash(text).length >= 6 && squashedPage.includes(squash(text))) score += 2;
    if (score >= 4 && (!best || score > best.score)) best = { text, score };
  };
  const walk = (el: El) => {
    for (const c of el.children) {
      if (typeof c === "string") continue;
      // Links and lists are navigation and related articles, never the page's own title.
      if (c.tag === "a" || c.tag === "ul" || c.tag === "ol") continue;
      if (HEADINGS.has(c.tag) || TITLE_NAME.test(c.cls) || TITLE_NAME.test(c.id)) consider(c);
      else walk(c);
    }
  };
  walk(body);
  if (best) return { text: best.text, from: "heading" };
  return fromPage === undefined ? undefined : { text: fromPage, from: "page_title" };
}

/** The segment of a <title> ("报告标题_某某区人民政府") that names the report, if one does. */
function pageTitleSegment(title: string): string | undefined {
  const parts = title.split(TITLE_SEPARATORS).map((p) => p.trim()).filter((p) => p.length >= 6);
  return parts.find((p) => REPORT.test(p) && YEAR.test(p)) ?? parts.find((p) => REPORT.test(p));
}

/** Text without whitespace, for comparisons. */
export function squash(text: string): string {
  return text.replace(/[\s\u00a0\u3000]+/g, "");
}
