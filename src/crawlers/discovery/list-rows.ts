import type { CheerioAPI } from "cheerio/slim";
import type { Element } from "domhandler";
import type { Link } from "./types.ts";
import type { Page } from "./page.ts";
import { anchorTitle, linkHref } from "./page.ts";
import { PRIORITY } from "./links.ts";
import { ROW_DATE, clean, yearIn, yearLabel } from "./text.ts";
import { columnShape, detailShape, documentShape } from "./url-shapes.ts";
import { isExcluded, isReportTitle, mentionsReport } from "./relevance.ts";
import { attachmentLink, statedName } from "./attachments.ts";
import { isUtilityUrl } from "./nav-shapes.ts";

// List rows → detail (and attachment) links. A row is an anchor with a detail-shaped URL, or an
// anchor in a row (li, tr, dd) that also prints a date. Rows group by their container (ul,
// table); inside a 年报 column the containers holding report-like titles — or the largest one —
// are the list, and every row in them is a candidate; elsewhere (a homepage, a report's page) only
// report-like titles are. Titles come from `title=` when the text is cut (…). 解读/图解/报表/指南/
// 工作要点 rows are skipped with no link.

export interface RowOptions {
  family: string;
  /** Every row of the list is a report candidate (a 年报 column, its pages and list APIs). */
  reportContext: boolean;
  /** The document is one list (a Hanweb record, a list-API fragment): every anchor is a row. */
  wholeFragment?: boolean;
  /** Leave document links to the attachments module (the page's own anchors); their rows still count. */
  skipDocuments?: boolean;
}

const NOT_A_ROW = /^(?:更多|more|更多>+|>+|首页|上一?页|下一?页|尾页|末页|返回|打印|关闭|收藏|分享|顶部|\d+|\[\d+\]|…+|\.{3,})$/i;

interface Row {
  a: Element;
  url: string;
  title: string;
  container: Element | undefined;
}

export function rowLinks(page: Page, $: CheerioAPI, opts: RowOptions): { links: Link[]; rows: number } {
  const rows: Row[] = [];
  const loose: Row[] = [];
  // Whether a row element shows a date and few links: asked once per row (links without a row
  // element of their own share their parent, and reading its text for each was time squared).
  const datedRows = new Map<Element, boolean>();
  const isDated = (row: Element) => {
    let dated = datedRows.get(row);
    if (dated === undefined) datedRows.set(row, (dated = ROW_DATE.test(clean($(row).text())) && $(row).find("a[href]").length <= 3));
    return dated;
  };
  $("a[href]").each((_, a) => {
    const url = page.resolve(linkHref($, a));
    if (!url) return;
    const title = anchorTitle($, a);
    if (!title || NOT_A_ROW.test(title.replace(/\s/g, ""))) return;
    const row = rowElement(a);
    const dated = row !== undefined && isDated(row);
    const entry = { a, url, title, container: row ? (row.parent as Element | undefined) : undefined };
    // A list linking each report's file directly: its rows are rows (counted), their links attachments.
    if (opts.wholeFragment || dated || detailShape(url) || (documentShape(url) && !opts.skipDocuments)) rows.push(entry);
    else if (!documentShape(url)) loose.push(entry);
  });

  const accepted = acceptedContainers(rows, opts);
  if (opts.reportContext && accepted.size === 0) {
    // A 年报 list without dates or known URL shapes (township names linking to their reports):
    // the largest group of list items linking to pages, not to columns.
    const list = undatedList(page, $, loose);
    if (list) {
      accepted.add(list);
      for (const r of loose) if (r.container === list) rows.push(r);
    }
  }
  const links: Link[] = [];
  let shown = 0;
  for (const r of rows) {
    const inList = opts.wholeFragment || (r.container !== undefined && accepted.has(r.container));
    if (inList) shown++;
    if (isExcluded(r.title)) continue;
    if (documentShape(r.url)) {
      if (opts.skipDocuments) continue; // the attachments module links the page's own documents
      const name = statedName($, r.a);
      const link = attachmentLink(r.url, name, { takeAll: opts.reportContext, family: opts.family, itemTitle: r.title }, "document in a list row");
      if (link) links.push(link);
      continue;
    }
    const strict = isReportTitle(r.title);
    if (!strict && !(opts.reportContext && inList)) continue;
    if (yearLabel(r.title) !== undefined && !detailShape(r.url)) continue; // a year sub-column: navigation's
    links.push(detail(r, opts.family, strict ? "report-like title" : "row of a 年报 list"));
  }
  // Anywhere on the page: a report's title with its year, linking to something that is not a list.
  for (const r of loose) {
    if (isReportTitle(r.title) && yearIn(r.title) !== undefined && !columnShape(r.url)) links.push(detail(r, opts.family, "report-like title"));
  }
  return { links, rows: shown };
}

function detail(r: Row, family: string, why: string): Link {
  return {
    url: r.url,
    kind: "detail",
    text: r.title,
    year: yearIn(r.title),
    family,
    why,
    priority: isReportTitle(r.title) ? PRIORITY.reportDetail : PRIORITY.detail,
  };
}

/** The row an anchor sits in: the nearest li/tr/dd/dt (within 4 levels), else its parent. */
function rowElement(a: Element): Element | undefined {
  let el: Element | undefined = a.parent as Element | undefined;
  for (let i = 0; i < 4 && el && el.type === "tag"; i++) {
    if (/^(?:li|tr|dd|dt)$/.test(el.name)) return el;
    el = el.parent as Element | undefined;
  }
  const parent = a.parent as Element | undefined;
  return parent && parent.type === "tag" ? parent : undefined;
}

function undatedList(page: Page, $: CheerioAPI, loose: Row[]): Element | undefined {
  const host = new URL(page.url).host;
  const counts = new Map<Element, number>();
  for (const r of loose) {
    const inItem = $(r.a).closest("li, tr, dd").length > 0;
    if (!r.container || !inItem || columnShape(r.url) || isUtilityUrl(r.url) || new URL(r.url).host !== host) continue;
    counts.set(r.container, (counts.get(r.container) ?? 0) + 1);
  }
  const best = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
  return best && best[1] >= 2 ? best[0] : undefined;
}

/** Containers whose rows are the list: those with a report-like row, else the largest one. */
function acceptedContainers(rows: Row[], opts: RowOptions): Set<Element> {
  const out = new Set<Element>();
  if (!opts.reportContext) return out;
  const counts = new Map<Element, number>();
  for (const r of rows) {
    if (!r.container) continue;
    counts.set(r.container, (counts.get(r.container) ?? 0) + 1);
    if (mentionsReport(r.title)) out.add(r.container);
  }
  if (out.size === 0 && counts.size > 0) {
    const [largest] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0];
    out.add(largest);
  }
  return out;
}
