import { ACTIVE_DEFAULT_COLUMNS, APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, OTHER_HANDLING_PARTS, OUTCOME_ROWS } from "../extract/parse/cell-keys.ts";

// Tables 二/三/四 of the national form, as rows × columns with their labels, filled from a
// report's values. A cell the document does not show stays null (shown blank), never 0.

export interface FormRow { key: string; label: string; cells: (number | null)[] }
export interface FormTable { table: "active" | "requests" | "appeals"; title: string; columns: { key: string; label: string }[]; rows: FormRow[] }

const ACTIVE_ROW_LABEL: Record<string, string> = {
  rules: "规章", normative_documents: "行政规范性文件", licensing: "行政许可", other_services: "其他对外管理服务事项",
  penalty: "行政处罚", coercion: "行政强制", fees: "行政事业性收费", procurement: "政府集中采购",
};
const ACTIVE_COLUMN_LABEL: Record<string, string> = {
  issued: "本年制发件数", repealed: "本年废止件数", in_force: "现行有效件数", decisions: "处理决定数量",
  amount: "本年收费金额（万元）", new_made: "本年新制作数量", new_published: "本年新公开数量", total_published: "对外公开总数量",
  prior_items: "上一年项目数量", change: "本年增/减", items: "采购项目数量",
};
const REQUEST_COLUMN_LABEL = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"];
const REQUEST_ROW_LABEL: Record<string, string> = {
  new: "一、本年新收政府信息公开申请数量", carried_over: "二、上年结转政府信息公开申请数量",
  granted: "三（一）予以公开", partially_granted: "三（二）部分公开",
  "denied.state_secret": "（三）1.属于国家秘密", "denied.prohibited_by_law": "（三）2.其他法律行政法规禁止公开",
  "denied.security_stability": "（三）3.危及“三安全一稳定”", "denied.third_party": "（三）4.保护第三方合法权益",
  "denied.internal_affairs": "（三）5.属于三类内部事务信息", "denied.process_info": "（三）6.属于四类过程性信息",
  "denied.enforcement_file": "（三）7.属于行政执法案卷", "denied.query_matter": "（三）8.属于行政查询事项",
  "unavailable.not_held": "（四）1.本机关不掌握相关政府信息", "unavailable.needs_creation": "（四）2.没有现成信息需要另行制作",
  "unavailable.unclear": "（四）3.补正后申请内容仍不明确",
  "not_processed.complaint": "（五）1.信访举报投诉类申请", "not_processed.duplicate": "（五）2.重复申请",
  "not_processed.publication": "（五）3.要求提供公开出版物", "not_processed.excessive": "（五）4.无正当理由大量反复申请",
  "not_processed.confirmation": "（五）5.要求行政机关确认或重新出具已获取信息",
  other_handling: "（六）其他处理", "other_handling.no_correction": "（六）1.逾期不补正、不再处理",
  "other_handling.unpaid_fee": "（六）2.逾期未缴纳费用、不再处理", "other_handling.other": "（六）3.其他",
  total: "（七）总计", carried_forward: "四、结转下年度继续办理",
};
const APPEAL_GROUP_LABEL: Record<string, string> = {
  review: "行政复议", litigation_direct: "行政诉讼·未经复议直接起诉", litigation_after_review: "行政诉讼·复议后起诉",
};
const APPEAL_COLUMN_LABEL = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];

type Values = Record<string, number>;

function activeColumnLabel(row: string, column: string, template: string): string {
  if (row === "procurement" && column === "amount") return "采购总金额";
  if (column === "decisions" && template === "2021") return "本年处理决定数量";
  return ACTIVE_COLUMN_LABEL[column] ?? column;
}

/** Table 二 as printed: one block per group of rows sharing their columns (第二十条第（一）项 …). */
function activeTables(template: "2021" | "2019", values: Values): FormTable[] {
  const blocks: [string, string[]][][] = [];
  for (const [row, cols] of Object.entries(ACTIVE_DEFAULT_COLUMNS[template])) {
    const last = blocks[blocks.length - 1];
    if (last && last[0][1].join() === cols.join()) last.push([row, cols]);
    else blocks.push([[row, cols]]);
  }
  return blocks.map((rows) => ({
    table: "active", title: "二、主动公开政府信息情况",
    columns: rows[0][1].map((key) => ({ key, label: activeColumnLabel(rows[0][0], key, template) })),
    rows: rows.map(([row, cols]) => ({ key: row, label: row === "normative_documents" && template === "2019" ? "规范性文件" : ACTIVE_ROW_LABEL[row] ?? row, cells: cols.map((c) => values[`active.${row}.${c}`] ?? null) })),
  }));
}

/** The request-table rows in form order; （六） as one row or three parts, as the report has it. */
export function requestRows(values: Values, template: "2021" | "2019" | "none"): string[] {
  const parts = OTHER_HANDLING_PARTS.some((p) => APPLICANT_COLUMNS.some((c) => values[`requests.${p}.${c}`] !== undefined));
  const single = APPLICANT_COLUMNS.some((c) => values[`requests.other_handling.${c}`] !== undefined);
  const sixth = parts ? [...OTHER_HANDLING_PARTS] : single || template === "2019" ? ["other_handling"] : [...OTHER_HANDLING_PARTS];
  return ["new", "carried_over", ...OUTCOME_ROWS, ...sixth, "total", "carried_forward"];
}

function requestsTable(template: "2021" | "2019", values: Values): FormTable {
  return {
    table: "requests", title: "三、收到和处理政府信息公开申请情况",
    columns: APPLICANT_COLUMNS.map((key, i) => ({ key, label: REQUEST_COLUMN_LABEL[i] })),
    rows: requestRows(values, template).map((row) => ({
      key: row, label: REQUEST_ROW_LABEL[row] ?? row, cells: APPLICANT_COLUMNS.map((c) => values[`requests.${row}.${c}`] ?? null),
    })),
  };
}

function appealsTable(values: Values): FormTable {
  return {
    table: "appeals", title: "四、政府信息公开行政复议、行政诉讼情况",
    columns: APPEAL_COLUMNS.map((key, i) => ({ key, label: APPEAL_COLUMN_LABEL[i] })),
    rows: APPEAL_GROUPS.map((g) => ({ key: g, label: APPEAL_GROUP_LABEL[g], cells: APPEAL_COLUMNS.map((c) => values[`appeals.${g}.${c}`] ?? null) })),
  };
}

/** Tables 二 (in its blocks), 三 and 四 of a report; none for template "none" (free-form statistics). */
export function formTables(template: string, values: Values): FormTable[] {
  if (template !== "2021" && template !== "2019") return [];
  return [...activeTables(template, values), requestsTable(template, values), appealsTable(values)];
}

const labels = new Map<string, string>();

/** A short human label for a cell key: 三 row label · column label (made once per key: pages show hundreds). */
export function cellLabel(key: string): string {
  let label = labels.get(key);
  if (label === undefined) {
    label = makeCellLabel(key);
    if (labels.size < 5000) labels.set(key, label);
  }
  return label;
}

function makeCellLabel(key: string): string {
  const [table, ...rest] = key.split(".");
  const column = rest.pop() ?? "";
  const row = rest.join(".");
  if (table === "active") return `二 ${ACTIVE_ROW_LABEL[row] ?? row} · ${activeColumnLabel(row, column, "")}`;
  if (table === "requests") {
    const i = (APPLICANT_COLUMNS as readonly string[]).indexOf(column);
    return `三 ${REQUEST_ROW_LABEL[row] ?? row} · ${i >= 0 ? REQUEST_COLUMN_LABEL[i] : column}`;
  }
  if (table === "appeals") {
    const i = (APPEAL_COLUMNS as readonly string[]).indexOf(column);
    return `四 ${APPEAL_GROUP_LABEL[row] ?? row} · ${i >= 0 ? APPEAL_COLUMN_LABEL[i] : column}`;
  }
  return key;
}

let order: Map<string, number> | undefined;

/** Sorts cell keys in form order (二, 三, 四; rows and columns as printed); unknown keys last, by name. */
export function compareKeys(a: string, b: string): number {
  if (!order) {
    order = new Map();
    const keys: string[] = [];
    for (const t of ["2021", "2019"] as const) for (const [row, cols] of Object.entries(ACTIVE_DEFAULT_COLUMNS[t])) for (const c of cols) keys.push(`active.${row}.${c}`);
    const rows = ["new", "carried_over", ...OUTCOME_ROWS, "other_handling", ...OTHER_HANDLING_PARTS, "total", "carried_forward"];
    for (const r of rows) for (const c of APPLICANT_COLUMNS) keys.push(`requests.${r}.${c}`);
    for (const g of APPEAL_GROUPS) for (const c of APPEAL_COLUMNS) keys.push(`appeals.${g}.${c}`);
    for (const k of keys) if (!order.has(k)) order.set(k, order.size);
  }
  const ia = order.get(a) ?? Infinity, ib = order.get(b) ?? Infinity;
  return ia !== ib ? ia - ib : a < b ? -1 : a > b ? 1 : 0;
}
