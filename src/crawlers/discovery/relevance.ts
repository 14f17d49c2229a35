import { squash } from "./text.ts";

// What a title or link label says about the page behind it. The extractor's classifier decides
// what a document is; discovery only decides what is worth fetching, and never fetches the
// things that sit next to reports and look like them.

/** Never reports: 政府网站工作年度报表 (website statistics), 解读/图解 of a report, 指南, 工作要点. */
const NOT_A_REPORT = /报表|解读|图解|图说|一图读懂|指南|工作要点|公开要点/;
/** Documents that sit on every page of a portal and are never a report. */
const NOT_A_REPORT_FILE = /申请表|申请书|登记表|申请格式|样表|意见箱/;
const BODY_OF_DISCLOSURE = /政府信息公开|政务公开|信息公开/;
const REPORT_WORD = /年度报告|年报|工作报告/;

/** True when a title or label names something that is never a report (skip it, no link). */
export function isExcluded(label: string | undefined): boolean {
  return !!label && NOT_A_REPORT.test(squash(label));
}

/** True when an attachment's stated name is a form or another portal-wide file, never a report. */
export function isExcludedFile(name: string | undefined): boolean {
  return !!name && (NOT_A_REPORT.test(squash(name)) || NOT_A_REPORT_FILE.test(squash(name)));
}

/** A report-like title: 年度报告/年报/工作报告 together with 政府信息公开/政务公开/信息公开. */
export function isReportTitle(label: string | undefined): boolean {
  if (!label) return false;
  const s = squash(label);
  return BODY_OF_DISCLOSURE.test(s) && REPORT_WORD.test(s) && !NOT_A_REPORT.test(s);
}

/** Weaker: a label that mentions a report at all (年报, 年度报告, 报告). Used inside 年报 columns. */
export function mentionsReport(label: string | undefined): boolean {
  if (!label) return false;
  const s = squash(label);
  return /年报|年度报告|报告/.test(s) && !NOT_A_REPORT.test(s);
}

/** The 年报 column's own label (no year, short): 政府信息公开年报, 信息公开年报, 年度报告, 年报 … */
export function columnLabelScore(label: string): number {
  const s = squash(label).replace(/[>»›→]+$/, "");
  if (!s || s.length > 18 || NOT_A_REPORT.test(s) || /(?:19|20)\d{2}/.test(s)) return 0;
  if (/^(?:政府)?(?:信息公开|政务公开)(?:工作)?(?:年度报告|年报)(?:专栏)?$/.test(s)) return 100;
  if (/(?:政府信息公开|政务公开|信息公开).*(?:年度报告|年报)/.test(s)) return 90;
  if (/^(?:工作)?(?:年度报告|年报)(?:专栏)?$/.test(s)) return 80;
  if (/年度报告$|年报$/.test(s) && s.length <= 10) return 60;
  return 0;
}

/** The 政府信息公开 / 政务公开 / 信息公开目录 area's label (short, not one of its other items). */
export function areaLabelScore(label: string): number {
  const s = squash(label).replace(/[>»›→]+$/, "");
  if (!s || s.length > 14 || NOT_A_REPORT.test(s) || /申请|制度|规定|意见|留言|信箱|咨询|监督|考核|培训|动态|新闻/.test(s)) return 0;
  if (/^(?:政府)?信息公开(?:目录|专栏|平台|专题)?$|^政务公开(?:专栏|专题|平台)?$|^(?:法定主动)?公开目录$/.test(s)) return 40;
  if (/政府信息公开|政务公开|信息公开目录/.test(s)) return 30;
  return 0;
}
