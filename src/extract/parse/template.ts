import type { Template } from "../report-record.ts";
import { activeTemplateHint } from "./active-table.ts";
import { hasOldFormTable, OLD_FORM_WARNING } from "./old-form.ts";
import { requestRowKey } from "./requests-table.ts";
import { labelKey, type Row } from "./rows.ts";
import { labeledRow, numbersOf } from "./table-rows.ts";

// Which national form the tables follow, from what the tables show (never from the notice a
// report cites, never from the year alone): table 二's column headers, the 2021 form's （六）
// sub-rows, table 二's rows; the pre-2019 统计表 gives "none". When the tables are the post-2019
// form but nothing in them tells 2019 from 2021, the record says so: tables 三 and 四 (whose keys
// both forms share) are read, table 二 (whose columns differ) is not.

export interface TemplateDecision {
  template: Template;
  warning?: string;
  /** Table 二 must not be read: its form is not known. */
  skipActive?: boolean;
}

/** Words only the post-2019 forms' tables have (headers and row labels). */
const NEW_FORM = /本年新收|上年结转|结转下年|予以公开|无法提供|不予处理|其他处理|结果维持|结果纠正|尚未审结|本年制发|本年废止|现行有效|本年新制作|本年新公开|对外公开总数量|本年处理决定|属于国家秘密|三安全一稳定/;
/** Table 二's row labels, exactly (the old form's rows end in 数). */
const ACTIVE_ROW = /^(?:\d|[一二三四五六七八九十])?\.?(?:规章|行政规范性文件|规范性文件|行政许可|行政处罚|行政强制|行政事业性收费|其他对外管理服务事项|政府集中采购)$/;
const DECISION_ROWS = /^(?:行政许可|行政处罚|行政强制)$/;

/** True when some table is the post-2019 forms': their words, table 三's seven columns, table 四's fifteen, table 二's rows. */
function postTwentyNineteen(rows: Row[]): boolean {
  return rows.some((row) => {
    if (row.cells.length < 2) return false;
    const lr = labeledRow(row);
    if (NEW_FORM.test(labelKey(row.cells.join(""))) || lr.numbers >= 15) return true;
    if (lr.numbers > 0 && lr.values.length >= 5 && requestRowKey(lr.label, null)) return true;
    return lr.numbers > 0 && ACTIVE_ROW.test(labelKey(lr.label));
  });
}

/**
 * Table 二's form from its rows when its headers are lost: rows only the 2019 form has, or a
 * 行政许可/处罚/强制 row with several different numbers (2019: 上一年项目数量, 本年增/减, 处理决定数量),
 * against such rows with one value cell only (2021: 本年处理决定数量), if the year allows it.
 */
function activeShape(rows: Row[], year: number | null): "2021" | "2019" | null {
  let of2019 = false;
  let of2021 = false;
  for (const row of rows) {
    if (row.cells.length < 2) continue;
    const lr = labeledRow(row);
    const label = labelKey(lr.label).replace(/^(?:\d|[一二三四五六七八九十])?\.?/, "");
    if (/^(?:其他对外管理服务事项|政府集中采购)$/.test(label)) of2019 = true;
    if (!DECISION_ROWS.test(label) && label !== "行政事业性收费") continue;
    const present = numbersOf(lr.values).filter((n): n is number => n !== null);
    if (present.length >= 2 && new Set(present).size > 1) of2019 = true;
    else if (DECISION_ROWS.test(label) && lr.values.length === 1 && present.length === 1) of2021 = true;
  }
  if (of2019 && !of2021) return "2019";
  if (of2021 && !of2019 && (year === null || year >= 2021)) return "2021";
  return null;
}

export function detectTemplate(rows: Row[], year: number | null): TemplateDecision {
  const hint = activeTemplateHint(rows);
  if (hint) return { template: hint };
  const labels = rows.filter((r) => r.cells.length > 1).map((r) => labelKey(r.cells.join("")));
  if (labels.some((l) => /逾期不补正|缴纳费用/.test(l))) return { template: "2021" };
  const post = postTwentyNineteen(rows);
  if (!post) return hasOldFormTable(rows) ? { template: "none", warning: OLD_FORM_WARNING } : { template: "none" };
  const shape = activeShape(rows, year);
  if (shape) return { template: shape };
  if (year !== null && year < 2019) {
    return { template: "none", warning: `the tables look like the post-2019 national form, but the report is on ${year}: template none, their numbers not read` };
  }
  const template = year !== null && year <= 2020 ? "2019" : "2021";
  const why = year === null ? "assumed (the reported year is unknown)" : `the form prescribed for reports on ${year}`;
  return {
    template,
    skipActive: true,
    warning: `template: the tables are the post-2019 national form, but nothing in them tells 2019 from 2021 (no table 二 column headers, no （六） sub-rows); "${template}" is ${why}, not read from the tables; table 二 not read (its columns differ between the forms)`,
  };
}
