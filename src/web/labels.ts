import { contractKeys } from "../extract/parse/cell-keys.ts";
import { cellLabel, compareKeys } from "../store/form-layout.ts";

// The Chinese words the pages use for the archive's codes: templates, identity rules, the cell
// keys (by their form labels), and the sums of rows a researcher asks for (不予公开 in all).

export const TEMPLATE_LABEL: Record<string, string> = { "2021": "2021 年新版表格", "2019": "2019 年试行表格", none: "无统一表格" };

export const RULE_LABEL: Record<string, string> = {
  "requests.balance": "申请收支：新收＋上年结转＝办理结果总计＋结转下年",
  "requests.total": "办理结果：各项结果之和＝总计",
  "requests.columns": "申请人：各类申请人之和＝总计",
  "appeals.total": "复议诉讼：维持＋纠正＋其他＋尚未审结＝总计",
  "carry.continuity": "跨年衔接：本年上年结转＝上年结转下年",
};

export const ruleLabel = (rule: string) => RULE_LABEL[rule] ?? rule;
export const templateLabel = (t: string) => TEMPLATE_LABEL[t] ?? t;

/** A cell key's label, or a sum's. */
export function keyLabel(key: string): string {
  return SUMS.find((s) => s.key === key)?.label ?? cellLabel(key);
}

/** Sums of rows, chosen like a key: every part must be shown for the sum to be given. */
export interface KeySum { key: string; label: string; parts: string[] }

const denied = ["state_secret", "prohibited_by_law", "security_stability", "third_party", "internal_affairs", "process_info", "enforcement_file", "query_matter"];
const unavailable = ["not_held", "needs_creation", "unclear"];
const notProcessed = ["complaint", "duplicate", "publication", "excessive", "confirmation"];

export const SUMS: KeySum[] = [
  { key: "sum:requests.denied.total", label: "三（三）不予公开·合计", parts: denied.map((d) => `requests.denied.${d}.total`) },
  { key: "sum:requests.unavailable.total", label: "三（四）无法提供·合计", parts: unavailable.map((d) => `requests.unavailable.${d}.total`) },
  { key: "sum:requests.not_processed.total", label: "三（五）不予处理·合计", parts: notProcessed.map((d) => `requests.not_processed.${d}.total`) },
  { key: "sum:appeals.litigation.total", label: "四 行政诉讼·合计（直接起诉＋复议后起诉）", parts: ["appeals.litigation_direct.total", "appeals.litigation_after_review.total"] },
];

/** The keys a value may be chosen from: every contract key, and the sums. */
export function isKnownKey(key: string): boolean {
  return SUMS.some((s) => s.key === key) || contractKeys().has(key);
}

/** The cell keys a chosen key reads (a sum's parts, or the key itself). */
export const keyParts = (key: string) => SUMS.find((s) => s.key === key)?.parts ?? [key];

export interface KeyChoiceGroup { group: string; options: { key: string; label: string }[] }
let choices: KeyChoiceGroup[] | undefined;

/** The choices of a key, grouped by table as the form prints them (made once). */
export function keyChoices(): KeyChoiceGroup[] {
  return (choices ??= makeChoices());
}

function makeChoices(): KeyChoiceGroup[] {
  const keys = [...contractKeys()].sort(compareKeys);
  const group = (prefix: string) => keys.filter((k) => k.startsWith(prefix)).map((key) => ({ key, label: cellLabel(key) }));
  return [
    { group: "常用合计", options: SUMS.map((s) => ({ key: s.key, label: s.label })) },
    { group: "三、收到和处理政府信息公开申请情况", options: group("requests.") },
    { group: "四、行政复议、行政诉讼情况", options: group("appeals.") },
    { group: "二、主动公开政府信息情况", options: group("active.") },
  ];
}
