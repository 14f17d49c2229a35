import { isBodyOrPlace, squashName } from "./body-name.ts";

// What a report title states: the name of its body (before the year, or after it), the reported
// year, a covering notice's subject; and the report's own part of a page title.

const CN_DIGITS: Record<string, string> = { 〇: "0", 零: "0", Ｏ: "0", O: "0", "○": "0", 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };
export const YEAR_DIGITS = "(?:(?:19|20)\\d{2}|[〇零Ｏ○一二][〇零Ｏ○一二三四五六七八九]{3})";
/** A year as titles write it (2023年, 二〇二三年, full-width digits folded before matching). */
export const YEAR = new RegExp(`(${YEAR_DIGITS})\\s*年`);
/** The words that end an annual report's title. */
export const REPORT_TITLE = /年度报告|年报/;

function toYear(s: string): number {
  return Number(/^\d+$/.test(s) ? s : [...s].map((c) => CN_DIGITS[c] ?? c).join(""));
}

/** A plausible reported year: from the first year of the national reports to this one. */
export function plausibleYear(y: number): boolean {
  return y >= 2007 && y <= new Date().getFullYear();
}

/** The year a title names, if it names a plausible one. */
export function yearIn(title: string): number | null {
  const m = squashName(title).match(YEAR);
  const y = m ? toYear(m[1]) : null;
  return y !== null && plausibleYear(y) ? y : null;
}

/** A covering notice's subject: 关于印发《东山县2023年…年度报告》的通知 → 东山县2023年…年度报告. */
export function coveringSubject(title: string): string | null {
  const m = squashName(title).match(/关于(?:印发|公布|公开|发布|报送|上报)《?(.+?(?:年度报告|年报))》?的?(?:通知|函|公告)/);
  return m ? m[1] : null;
}

/**
 * The body a title names, as it names it (a place, a zone, a body): the words before the year
 * (青峰经济开发区2023年…), else a body named after it (2019年上海市人民政府办公厅政府信息公开…), else
 * the words before 信息公开 (某县人民政府信息公开年报). A covering notice names its subject's body.
 * Null when nothing there is a name.
 */
export function nameInTitle(title: string): string | null {
  const t = squashName(title)
    .replace(/^.*?关于(?:印发|公布|公开|发布|报送|上报)/, "")
    .replace(/^关于/, "")
    .replace(/^[《“"「【]+/, "");
  const before = t.match(new RegExp(`^(.*?)(?:关于)?[（(《“"]?${YEAR_DIGITS}年`))?.[1].replace(/[《“"（(]+$/, "");
  if (before && isBodyOrPlace(before)) return before;
  const after = t.match(new RegExp(`^[（(]?${YEAR_DIGITS}年度?[）)]?(.+?)(?:关于)?(?:政府信息公开|政务公开|信息公开)`))?.[1];
  if (after && isBodyOrPlace(after)) return after;
  // "某县人民政府信息公开…": the lazy match stops at 人民, before 政府信息公开.
  const lead = t.match(/^(.+?)(?:政府信息公开|政务公开|信息公开)/)?.[1].replace(/人民$/, "人民政府");
  return lead && isBodyOrPlace(lead) ? lead : null;
}

/** A page title often carries the site's name after the report's: "…年度报告_某某县人民政府". */
export function withoutSiteName(title: string): string {
  return title.replace(/(年度报告|年报)\s*[_|｜\-–—]+.*$/, "$1").trim();
}

const SEPARATORS = /\s*(?:[_|｜—–]+|-+|\s{2,})\s*/;

/** The part of an HTML <title> ("报告标题_栏目_某某区人民政府") that names the report, if one does. */
export function reportSegment(pageTitle: string): string | null {
  const parts = pageTitle.split(SEPARATORS).map((p) => p.trim()).filter((p) => p.length >= 6);
  return parts.find((p) => REPORT_TITLE.test(p) && YEAR.test(squashName(p))) ?? parts.find((p) => REPORT_TITLE.test(p)) ?? null;
}
