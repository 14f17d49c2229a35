import { ACTIVE_DEFAULT_COLUMNS } from "../../../src/extract/parse/cell-keys.ts";
import type { Block, SyntheticReport } from "../../support/synthetic-report.ts";

// A synthetic report republished with one number of table 二 changed (a correction, as portals
// silently make): table 二's cells stand alone in no identity, so the report stays consistent.

const ROW_LABEL: Record<string, string[]> = {
  rules: ["规章"], normative_documents: ["行政规范性文件", "规范性文件"], licensing: ["行政许可"],
  other_services: ["其他对外管理服务事项"], penalty: ["行政处罚"], coercion: ["行政强制"],
  fees: ["行政事业性收费"], procurement: ["政府集中采购"],
};

/** The report with `active.<row>.<column>` set to `value` in its values and in its table 二. */
export function withActiveValue(report: SyntheticReport, key: string, value: number): SyntheticReport {
  const [table, row, column] = key.split(".");
  const columns = ACTIVE_DEFAULT_COLUMNS[report.template][row];
  const at = columns?.indexOf(column) ?? -1;
  if (table !== "active" || at < 0) {
    throw new Error(`republish changes one cell of table 二 (active.<row>.<column> of the ${report.template} form), not ${key}`);
  }
  const text = column === "amount" ? value.toFixed(2) : String(value);
  let changed = false;
  const blocks: Block[] = report.blocks.map((b, i) => {
    if (b.type !== "table" || report.blocks.findIndex((x) => x.type === "table") !== i) return b;
    return { type: "table", rows: b.rows.map((cells) => {
      if (!ROW_LABEL[row].includes(cells[0]?.text ?? "")) return cells;
      changed = true;
      return cells.map((c, j) => (j === at + 1 ? { ...c, text } : c));
    }) };
  });
  if (!changed) throw new Error(`republish: no row for ${key} in table 二 of ${report.title}`);
  return { ...report, blocks, values: { ...report.values, [key]: value } };
}
