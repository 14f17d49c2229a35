import type { Page } from "./page.ts";
import type { ModuleResult } from "./module.ts";

// 新点 / Epoint: iList.jsp?…&cur_page=N lists (plain pager links or a lone next link with 共N页,
// see pager.ts), iDetail.jsp?…infoid= details (url-shapes.ts). Recognised here for Findings.family.

/** 新点 / Epoint: iList.jsp?…&cur_page=N lists, EpointWebBuilder assets. */
export function epoint(page: Page): ModuleResult {
  let n = 0;
  if (/iList\.jsp|iDetail\.jsp/i.test(page.text + page.url)) n += 3;
  if (/EpointWebBuilder|epoint/i.test(page.text)) n += 2;
  return n ? { links: [], family: { name: "epoint", evidence: n } } : { links: [] };
}
