import type { Template } from "../report-record.ts";
import { activeTemplateHint } from "./active-table.ts";
import { labelKey, type Row } from "./rows.ts";
import { labeledRow } from "./table-rows.ts";

// Which national form the tables follow, from their labels (never from the notice a report cites):
// table 二's column headers first, then table 三's （六） rows; the year only breaks a tie.

export function detectTemplate(rows: Row[], year: number | null): { template: Template; warning?: string } {
  const hint = activeTemplateHint(rows);
  if (hint) return { template: hint };
  const labels = rows.filter((r) => r.cells.length > 1).map((r) => labelKey(r.cells.join("")));
  if (labels.some((l) => /逾期不补正|缴纳费用/.test(l))) return { template: "2021" };
  const hasTables = labels.some((l) => /本年新收|予以公开|不予公开|无法提供|规范性文件|本年处理决定|结果维持/.test(l))
    || rows.some((r) => labeledRow(r).numbers >= 15);
  if (!hasTables) return { template: "none" };
  const template = year !== null && year <= 2020 ? "2019" : "2021";
  return { template, warning: `template decided from the year (${year ?? "unknown"}): the table labels do not tell 2019 from 2021` };
}
