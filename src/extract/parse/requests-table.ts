import { APPLICANT_COLUMNS, OTHER_HANDLING_PARTS, OUTCOME_ROWS, REQUEST_ROW_LABELS } from "./cell-keys.ts";
import { labelKey, type Row } from "./rows.ts";
import { labeledRow, numbersOf } from "./table-rows.ts";
import type { ValueSink } from "./value-sink.ts";
import { placeValues, type Placement } from "./value-windows.ts";

// Table 三 (收到和处理政府信息公开申请情况): `requests.<row>.<column>`. Rows are found by their
// labels wherever they stand (split tables, repeated headers, missing section headings); the seven
// value columns are the national form's, in its order. A blank cell gets no value.

const OTHER_ALONE = /^(\d|[一二三四五六七八九十])?\.?其他$/;
const OTHER_GROUP = /^\(?六\)?\.?其他处理/;

export function requestRowKey(label: string, previous: string | null): string | null {
  const k = labelKey(label).replace(/^三\.?本年度?办理结果/, "");
  for (const [key, re] of REQUEST_ROW_LABELS) if (re.test(k)) return key;
  if (OTHER_GROUP.test(k)) {
    const rest = k.replace(OTHER_GROUP, "");
    if (rest === "") return "other_handling";
    if (OTHER_ALONE.test(rest)) return "other_handling.other";
    return null;
  }
  if (OTHER_ALONE.test(k) && previous?.startsWith("other_handling")) return "other_handling.other";
  if (/总计|合计/.test(k)) return "total";
  return null;
}

/** The seven values of a row, placed by column; null when the cells cannot be placed for certain. */
export function sevenValues(row: Row, placement: Placement | undefined): (number | null)[] | null {
  if (placement?.cells) return numbersOf(placement.cells);
  const nums = numbersOf(labeledRow(row).values);
  const present = nums.filter((n) => n !== null);
  if (present.length === 7) return present;
  // Only the 总计 cell filled: one number, in the row's last cell, after blank applicant cells.
  if (present.length === 1 && nums.length >= 5 && nums[nums.length - 1] !== null) return [null, null, null, null, null, null, present[0]];
  return null;
}

/** Label-only rows that may be pieces of a wrapped label (PDF layouts put them on lines of their own). */
const HEADER_WORDS = /结果维持|结果纠正|尚未审结|申请人情况|自然人|商业企业|法人或其他组织|行政复议|行政诉讼|信息内容/;
const isFragment = (row: Row) => {
  const lr = labeledRow(row);
  return lr.numbers === 0 && lr.label !== "" && lr.label.length <= 40 && !HEADER_WORDS.test(lr.label);
};

/** The row's key, trying its own label, then with the label pieces just above and below it. */
function keyWithFragments(rows: Row[], i: number, label: string, previous: string | null, lastNumeric: number): string | null {
  const before: string[] = [];
  for (let j = i - 1; j > lastNumeric && isFragment(rows[j]); j--) before.unshift(labeledRow(rows[j]).label);
  const after: string[] = [];
  for (let j = i + 1; j < rows.length && j <= i + 3 && isFragment(rows[j]); j++) after.push(labeledRow(rows[j]).label);
  const tries = [label, before.join("") + label, label + after.join(""), before.join("") + label + after.join("")];
  for (const t of tries) {
    const key = t ? requestRowKey(t, previous) : null;
    // 总计 stands in column headers too: a total row is only taken from its own label or （七）.
    if (key && (key !== "total" || /七/.test(t))) return key;
  }
  return null;
}

export function parseRequestsTable(rows: Row[], sink: ValueSink): string[] {
  const keyed: [Row, string][] = [];
  let previous: string | null = null;
  let lastNumeric = -1;
  const blankRows: string[] = [];
  rows.forEach((row, i) => {
    const lr = labeledRow(row);
    if (lr.numbers === 0) {
      // A table row the document shows with every value cell blank: present, but no numbers.
      const key = row.cells.length > 1 && lr.label ? requestRowKey(lr.label, previous) : null;
      if (key && key !== "total") { blankRows.push(key); previous = key; }
      return;
    }
    const from = lastNumeric;
    lastNumeric = i;
    let key = lr.label ? requestRowKey(lr.label, previous) : null;
    if (!key && lr.numbers >= 6 && lr.numbers <= 8) key = keyWithFragments(rows, i, lr.label, previous, from);
    if (!key) {
      if (lr.numbers >= 6 && lr.numbers <= 8 && row.cells.length < 15 && (lr.label === "" || /申请|公开|处理|总计|结转/.test(lr.label))) {
        sink.warn(`table 三: a row of ${lr.numbers} numbers ("${lr.label.slice(0, 30)}") not recognised; left out`);
      }
      return;
    }
    previous = key;
    keyed.push([row, key]);
  });
  const placements = placeValues(keyed.map(([row]) => row), 7);
  const seen: string[] = [];
  for (const [row, key] of keyed) {
    const vals = sevenValues(row, placements.get(row));
    if (!vals) {
      sink.warn(`table 三 row ${key}: ${labeledRow(row).numbers} number(s) cannot be placed in the 7 columns for certain; left out`);
      continue;
    }
    if (!seen.includes(key)) seen.push(key);
    vals.forEach((v, c) => { if (v !== null) sink.set(`requests.${key}.${APPLICANT_COLUMNS[c]}`, v, `table 三 row ${key}`); });
  }
  return seen.length ? [...seen, ...blankRows.filter((k) => !seen.includes(k))] : seen;
}

/** Warning naming the rows of table 三 the document does not show, when it shows some. */
export function missingRequestRows(seen: string[], template: "2021" | "2019"): string | null {
  if (seen.length === 0) return null;
  const single = seen.includes("other_handling") || (template === "2019" && !OTHER_HANDLING_PARTS.some((k) => seen.includes(k)));
  const all = ["new", "carried_over", ...OUTCOME_ROWS, ...(single ? ["other_handling"] : OTHER_HANDLING_PARTS), "total", "carried_forward"];
  const missing = all.filter((k) => !seen.includes(k));
  return missing.length ? `table 三: rows not found: ${missing.join(", ")}` : null;
}
