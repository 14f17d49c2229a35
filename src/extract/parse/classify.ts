import type { DocumentKind } from "../report-record.ts";
import { squashName } from "./body-name.ts";
import { labelKey, type Row } from "./rows.ts";
import { coveringSubject } from "./title-name.ts";

// Is this document an annual report, or something a crawler meets beside them? What the document
// calls itself decides first — a 解读 of the report, a 公开指南, a 工作要点, a notice or 函, a
// 政府网站工作年度报表 (website statistics) are not reports even when they carry tables and
// numbers; then tables; without them, a report-like title and numbered parts.

export interface ClassifyInput {
  /** The report title the metadata settled on. */
  title: string | null;
  /** The title of a notice or 函 the document opens with, if it opens with one. */
  notice: string | null;
  /** The document's first line. */
  firstLine: string | null;
  /** What the page calls the document: its article title, its <title>'s report segment. */
  pageTitles: string[];
  sections: number;
  values: number;
  /** The document carries the pre-2019 statistics table. */
  oldForm: boolean;
  rows: Row[];
  text: string;
}

const NOT_REPORT_TITLE = /通知|公告|通告|通报|意见|办法|方案|函$|目录|列表|索引|格式/;

/** What the document says it is, when that is not an annual report. */
const SELF_NAMED: [RegExp, string][] = [
  [/网站.{0,12}年度报表|网站工作年度报表/, "a 政府网站工作年度报表 (website statistics)"],
  [/(?:解读|图解|一图读懂|图说).*(?:报告|年报)|(?:报告|年报).*(?:解读|图解)/, "a 解读 (reading) of the report"],
  [/公开指南(?:[（(].{0,12}[）)])?$/, "a 政府信息公开指南 (guide)"],
  [/工作要点(?:[（(].{0,12}[）)])?$/, "a 工作要点 (work plan)"],
];

/** Website statistics (政府网站工作年度报表) by its table: 网站名称 beside 首页网址 or visit counts. */
function websiteTable(rows: Row[]): boolean {
  const tables = rows.filter((r) => r.cells.length > 1).map((r) => labelKey(r.cells.join("")));
  return tables.some((l) => /网站名称/.test(l)) && tables.some((l) => /首页网址|独立用户访问总量|网站总访问量|政府网站标识码/.test(l));
}

export function classify(input: ClassifyInput): { kind: DocumentKind; warning?: string } {
  const { title, notice, sections, values, text } = input;
  if (text.trim() === "") return { kind: "unreadable", warning: "no text to read: cannot tell whether this is an annual report" };
  // What the document calls itself: title-like lines only (a first paragraph may cite a 工作要点,
  // a breadcrumb left in the text may end in a column's name).
  const first = input.firstLine === null ? null : squashName(input.firstLine);
  const names = [first, title, ...input.pageTitles].filter((n): n is string => !!n).map(squashName)
    .filter((n) => n.length <= 60 && !/[，。；>＞»]/.test(n));
  for (const [re, what] of SELF_NAMED) {
    const said = names.find((n) => re.test(n));
    if (said) return notReport(`${what}: "${said.slice(0, 40)}"`);
  }
  if (websiteTable(input.rows)) return notReport("a 政府网站工作年度报表 (website statistics): its table has 网站名称 and visit counts");
  if (notice && !coveringSubject(notice)) return notReport(`a notice or 函, not a report: "${squashName(notice).slice(0, 40)}"`);
  if (!title && first && first.length <= 60 && /(?:通知|通报|公告|通告|函)$/.test(first) && !coveringSubject(first)) {
    return notReport(`a notice or 函, not a report: "${first.slice(0, 40)}"`);
  }
  if (values > 0) return { kind: "annual_report" };
  const reportTitle = title !== null && /政府信息公开|政务公开|信息公开/.test(title) && /年度报告|年报/.test(title) && !NOT_REPORT_TITLE.test(title);
  if (reportTitle && (sections >= 2 || input.oldForm)) return { kind: "annual_report" };
  const why = !title ? "no annual-report title" : !reportTitle ? `title "${title.slice(0, 40)}" is not an annual report's` : "no numbered parts and no report tables";
  return notReport(why);
}

const notReport = (why: string) => ({ kind: "not_a_report" as const, warning: `not an annual report: ${why}` });
