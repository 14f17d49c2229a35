import type { Page } from "./page.ts";
import type { ModuleResult } from "./module.ts";
import { clean, squash } from "./text.ts";

// UCAP / 开普云 (Jiangsu counties). Details /{dept}/gknb/YYYYMM/{32 hex}.shtml with <ucaptitle> and
// <ucapcontent>; lists page with plain links (pager.ts). Recognised here so Findings.family says
// so; the metadata table's 分类 cell (信息公开年报 on a report's page) goes to the notes.

/** UCAP / 开普云 (Jiangsu counties): <ucaptitle>, <ucapcontent>, #UCAP-CONTENT, /gknb/YYYYMM/{32 hex}.shtml. */
export function ucap(page: Page): ModuleResult {
  let n = 0;
  if (/<ucaptitle\b|<ucapcontent\b|UCAP-CONTENT/i.test(page.text)) n += 4;
  if (/\/gknb\/\d{6}\/[0-9a-f]{32}\.shtml/i.test(page.text + page.url)) n += 2;
  if (/\bucap\b/i.test(page.scriptText)) n += 1;
  if (n === 0) return { links: [] };
  const notes: string[] = [];
  // The metadata table's 分类 cell: 信息公开年报 on a report's page.
  page.$("td, th").each((_, cell) => {
    if (squash(page.$(cell).text()) !== "分类") return;
    const value = clean(page.$(cell).next().text());
    if (value) notes.push(`UCAP 分类: ${value}`);
    return false;
  });
  return { links: [], family: { name: "ucap", evidence: n }, notes };
}
