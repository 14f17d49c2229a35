import type { Link } from "./types.ts";
import type { Page } from "./page.ts";
import type { ModuleResult } from "./module.ts";
import { rowLinks } from "./list-rows.ts";
import { pagerUrls } from "./pager.ts";
import { MAX_LIST_PAGES, PRIORITY } from "./links.ts";
import { scalarIn } from "./js-lookup.ts";

// Any list page, whatever its CMS: rows (see list-rows.ts) and plain pagers (see pager.ts), and
// how many records the page says the list holds (共N条, a script's recordCount/totalRecord).

export function genericList(page: Page): ModuleResult {
  const found = rowLinks(page, page.$, { family: "generic", reportContext: page.reportContext, skipDocuments: true });
  const links: Link[] = [...found.links];
  const notes: string[] = [];
  let paged = false;
  if (page.kind === "column" || page.kind === "list") {
    const pager = pagerUrls(page);
    for (const url of pager.urls) links.push({ url, kind: "list", family: "generic", why: "pager link", priority: PRIORITY.list });
    paged = pager.urls.length > 0;
    if (pager.capped) notes.push(`pager goes beyond ${MAX_LIST_PAGES} pages: capped`);
  }
  return { links, rows: found.rows, paged, declaredRecords: declaredRecords(page), notes };
}

const RECORD_VARS = ["recordCount", "totalRecord", "totalRecords", "totalCount", "recordTotal", "record_count", "total_count", "allCount"];

/** How many records the page says its list holds, if it says so. */
export function declaredRecords(page: Page): number | undefined {
  const text = /共\s*(\d{1,7})\s*(?:条|篇|项|份|个)(?:记录|信息|数据)?/.exec(page.visibleText()) ?? /总(?:记录|条)数\s*[:：]?\s*(\d{1,7})/.exec(page.visibleText());
  if (text) return Number(text[1]);
  for (const name of RECORD_VARS) {
    const v = scalarIn(page.scriptText, name);
    if (v && /^\d{1,7}$/.test(v)) return Number(v);
  }
  return undefined;
}
