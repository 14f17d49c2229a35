import { groupRuns } from "./text-lines.ts";
import type { TextRun } from "./types.ts";

// Whether a page's text could belong to a table, decided before its drawing is read: fetching
// a page's operator list (for the ruling lines) costs as much as its text, and most pages of a
// report are prose. A table row, ruled or not, shows as text pieces side by side on one line
// with a gap between them (cell padding on both sides of a border); prose runs abut (WPS and
// Word justify CJK text inside a run; the widest gaps measured in prose are ~0.3 font sizes,
// while every page with a ruled table among 142 pages of WPS, Word, LibreOffice and pdfkit PDFs
// had a gap of 3.8 font sizes or more). The table labels of the national templates are a
// second, independent sign. Erring towards "yes" only costs time.

/** A gap between two runs on one line at least this many font sizes wide may be a cell border. */
const CELL_GAP = 0.4;
/**
 * Header labels of the national tables (formats 2019 and 2021) that prose does not use: a
 * report's 总体情况 retells the numbers ('行政复议 351 件，其中结果维持 72 件'), so those words
 * are no sign.
 */
const LABELS = /信息内容|申请人情况|法人或其他组织|社会公益组织|法律服务机构|本年制发件数|现行有效件数|本年新制作数量|对外公开总数量|未经复议直接起诉|复议后起诉|第二十[一二]?条第/u;

export function mayHoldTable(runs: TextRun[]): boolean {
  if (runs.some((r) => LABELS.test(r.text))) return true;
  for (const line of groupRuns(runs)) {
    let end = -Infinity;
    for (const r of line.sort((a, b) => a.x - b.x)) {
      if (end !== -Infinity && r.x - end >= CELL_GAP * r.size) return true;
      end = Math.max(end, r.x + r.width);
    }
  }
  return false;
}
