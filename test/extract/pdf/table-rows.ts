// Helpers for reading canonical text back in tests: find a table row by a label cell and take
// its numeric cells in order.

const NUMBER = /^-?\d+(\.\d+)?$/;

export function tableLines(text: string): string[][] {
  return text.split("\n").filter((l) => l.includes("\t")).map((l) => l.split("\t"));
}

/** The first table row with a cell equal to `label` (or starting with it, when `prefix`). */
export function rowWith(text: string, label: string, prefix = false): string[] | undefined {
  return tableLines(text).find((cells) => cells.some((c) => (prefix ? c.startsWith(label) : c === label)));
}

export function numbersIn(cells: string[] | undefined): number[] {
  return (cells ?? []).filter((c) => NUMBER.test(c)).map(Number);
}

export const REQUEST_COLUMNS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other", "total"];

/** Table 三's rows: key and a label its row's label cell starts with. */
export function requestRows(template: "2021" | "2019"): [string, string][] {
  return [
    ["new", "一、本年新收政府信息公开申请数量"], ["carried_over", "二、上年结转政府信息公开申请数量"],
    ["granted", "（一）予以公开"], ["partially_granted", "（二）部分公开"],
    ["denied.state_secret", "1.属于国家秘密"], ["denied.prohibited_by_law", "2.其他法律行政法规禁止公开"],
    ["denied.security_stability", "3.危及“三安全一稳定”"], ["denied.third_party", "4.保护第三方合法权益"],
    ["denied.internal_affairs", "5.属于三类内部事务信息"], ["denied.process_info", "6.属于四类过程性信息"],
    ["denied.enforcement_file", "7.属于行政执法案卷"], ["denied.query_matter", "8.属于行政查询事项"],
    ["unavailable.not_held", "1.本机关不掌握相关政府信息"], ["unavailable.needs_creation", "2.没有现成信息需要另行制作"],
    ["unavailable.unclear", "3.补正后申请内容仍不明确"], ["not_processed.complaint", "1.信访举报投诉类申请"],
    ["not_processed.duplicate", "2.重复申请"], ["not_processed.publication", "3.要求提供公开出版物"],
    ["not_processed.excessive", "4.无正当理由大量反复申请"], ["not_processed.confirmation", "5.要求行政机关确认或重新出具已获取信息"],
    ...(template === "2019"
      ? [["other_handling", "（六）其他处理"]] as [string, string][]
      : [["other_handling.no_correction", "1.申请人无正当理由逾期不补正"], ["other_handling.unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用"], ["other_handling.other", "3.其他"]] as [string, string][]),
    ["total", "（七）总计"], ["carried_forward", "四、结转下年度继续办理"],
  ];
}

/** Table 二's rows: key, exact label, and columns in order. */
export function activeRows(template: "2021" | "2019"): [string, string, string[]][] {
  if (template === "2021") return [
    ["rules", "规章", ["issued", "repealed", "in_force"]], ["normative_documents", "行政规范性文件", ["issued", "repealed", "in_force"]],
    ["licensing", "行政许可", ["decisions"]], ["penalty", "行政处罚", ["decisions"]], ["coercion", "行政强制", ["decisions"]],
    ["fees", "行政事业性收费", ["amount"]],
  ];
  const three = ["prior_items", "change", "decisions"];
  return [
    ["rules", "规章", ["new_made", "new_published", "total_published"]], ["normative_documents", "规范性文件", ["new_made", "new_published", "total_published"]],
    ["licensing", "行政许可", three], ["other_services", "其他对外管理服务事项", three], ["penalty", "行政处罚", three], ["coercion", "行政强制", three],
    ["fees", "行政事业性收费", ["prior_items", "change"]], ["procurement", "政府集中采购", ["items", "amount"]],
  ];
}

export const APPEAL_KEYS = ["review", "litigation_direct", "litigation_after_review"].flatMap((g) => ["upheld", "corrected", "other", "pending", "total"].map((c) => `appeals.${g}.${c}`));
