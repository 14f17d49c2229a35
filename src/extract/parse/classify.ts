import type { DocumentKind } from "../report-record.ts";

// Is this document an annual report, or something a crawler meets beside them (a notice, a 函,
// a list page)? Tables decide; without them, a report-like title and numbered parts.

const NOT_REPORT_TITLE = /通知|公告|通告|意见|办法|方案|函$|目录|列表|索引|格式/;

export function classify(title: string | null, sections: number, values: number, text: string): { kind: DocumentKind; warning?: string } {
  if (values > 0) return { kind: "annual_report" };
  const reportTitle = title !== null && /政府信息公开|政务公开|信息公开/.test(title) && /年度报告|年报/.test(title) && !NOT_REPORT_TITLE.test(title);
  if (reportTitle && sections >= 2) return { kind: "annual_report" };
  if (text.trim() === "") return { kind: "unreadable", warning: "no text to read: cannot tell whether this is an annual report" };
  const why = !title ? "no annual-report title" : !reportTitle ? `title "${title.slice(0, 40)}" is not an annual report's` : "no numbered parts and no report tables";
  return { kind: "not_a_report", warning: `not an annual report: ${why}` };
}
