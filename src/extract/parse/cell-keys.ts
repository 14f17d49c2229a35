// Cell keys of the report record (docs/record.md) and the label
// fragments that identify each row and column. Fragments are matched against labelKey()
// text (no whitespace, NFKC), most specific first, so typos and split labels still match.

export const APPLICANT_COLUMNS = [
  "natural_person", "commercial", "research", "nonprofit", "legal_services", "other", "total",
] as const;

export const APPEAL_GROUPS = ["review", "litigation_direct", "litigation_after_review"] as const;
export const APPEAL_COLUMNS = ["upheld", "corrected", "other", "pending", "total"] as const;

/** Outcome rows under 三（一）–（六）, in form order; the single （六） row replaces its three parts. */
export const OUTCOME_ROWS = [
  "granted", "partially_granted",
  "denied.state_secret", "denied.prohibited_by_law", "denied.security_stability", "denied.third_party",
  "denied.internal_affairs", "denied.process_info", "denied.enforcement_file", "denied.query_matter",
  "unavailable.not_held", "unavailable.needs_creation", "unavailable.unclear",
  "not_processed.complaint", "not_processed.duplicate", "not_processed.publication",
  "not_processed.excessive", "not_processed.confirmation",
] as const;
export const OTHER_HANDLING_PARTS = ["other_handling.no_correction", "other_handling.unpaid_fee", "other_handling.other"] as const;

/** Request-table rows: key and label fragments (any one identifies the row). */
export const REQUEST_ROW_LABELS: [string, RegExp][] = [
  ["new", /本年新收|新收政府信息/],
  ["carried_over", /上年结转|上年度结转/],
  ["carried_forward", /结转下年|下年度继续/],
  ["partially_granted", /部分公开/],
  ["granted", /予以公开/],
  ["denied.state_secret", /国家秘密/],
  ["denied.prohibited_by_law", /禁止公开|法律行政|法律法规|止公开/],
  ["denied.security_stability", /三安全|一稳定|危及/],
  ["denied.third_party", /第三方/],
  ["denied.internal_affairs", /内部事务/],
  ["denied.process_info", /过程性/],
  ["denied.enforcement_file", /执法案卷/],
  ["denied.query_matter", /查询事项/],
  ["unavailable.not_held", /不掌握/],
  ["unavailable.needs_creation", /另行制作|没有现成/],
  ["unavailable.unclear", /仍不明确|补正后/],
  ["not_processed.complaint", /信访|举报投诉/],
  ["not_processed.duplicate", /重复申请/],
  ["not_processed.publication", /出版物/],
  ["not_processed.excessive", /大量反复|反复申请/],
  ["not_processed.confirmation", /重新出具|确认/],
  ["other_handling.no_correction", /不补正|逾期不/],
  ["other_handling.unpaid_fee", /缴纳费用|收费通知|未按收费/],
];

/** Active-disclosure rows (table 二). */
export const ACTIVE_ROW_LABELS: [string, RegExp][] = [
  ["rules", /规章/],
  ["normative_documents", /规范性文件/],
  ["licensing", /行政许可/],
  ["other_services", /其他对外管理服务/],
  ["penalty", /行政处罚/],
  ["coercion", /行政强制/],
  ["fees", /事业性收费/],
  ["procurement", /集中采购/],
];

/** Active-disclosure column headers (table 二), either format. */
export const ACTIVE_COLUMN_LABELS: [string, RegExp][] = [
  ["issued", /制发/],
  ["in_force", /现行有效|有效件数/],
  ["repealed", /废止|止件数/],
  ["new_made", /新制作/],
  ["new_published", /新公开/],
  ["total_published", /公开总数|对外公开总/],
  ["prior_items", /上一年|上年项目/],
  ["change", /增\/?减|增减/],
  ["decisions", /处理决定/],
  ["items", /采购项目/],
  ["amount", /金额/],
];

/** Default columns of each table-二 row, by template, for rows whose header is lost. */
export const ACTIVE_DEFAULT_COLUMNS: Record<"2021" | "2019", Record<string, string[]>> = {
  "2021": {
    rules: ["issued", "repealed", "in_force"],
    normative_documents: ["issued", "repealed", "in_force"],
    licensing: ["decisions"], penalty: ["decisions"], coercion: ["decisions"],
    fees: ["amount"],
  },
  "2019": {
    rules: ["new_made", "new_published", "total_published"],
    normative_documents: ["new_made", "new_published", "total_published"],
    licensing: ["prior_items", "change", "decisions"],
    other_services: ["prior_items", "change", "decisions"],
    penalty: ["prior_items", "change", "decisions"],
    coercion: ["prior_items", "change", "decisions"],
    fees: ["prior_items", "change"],
    procurement: ["items", "amount"],
  },
};

/** Every cell key the contract defines, of either format. */
export function contractKeys(): Set<string> {
  const keys = new Set<string>();
  for (const t of ["2021", "2019"] as const) {
    for (const [row, cols] of Object.entries(ACTIVE_DEFAULT_COLUMNS[t])) for (const c of cols) keys.add(`active.${row}.${c}`);
  }
  const rows = ["new", "carried_over", ...OUTCOME_ROWS, "other_handling", ...OTHER_HANDLING_PARTS, "total", "carried_forward"];
  for (const r of rows) for (const c of APPLICANT_COLUMNS) keys.add(`requests.${r}.${c}`);
  for (const g of APPEAL_GROUPS) for (const c of APPEAL_COLUMNS) keys.add(`appeals.${g}.${c}`);
  return keys;
}
