import { APPEAL_COLUMNS, APPEAL_GROUPS } from "./cell-keys.ts";
import { labelKey, type Row } from "./rows.ts";
import { labeledRow, numbersOf } from "./table-rows.ts";
import type { ValueSink } from "./value-sink.ts";
import { candidates } from "./value-windows.ts";

// Table 四 (行政复议、行政诉讼情况): `appeals.<group>.<column>`. The form's data row holds
// 15 cells: 行政复议, 未经复议直接起诉, 复议后起诉, each 维持/纠正/其他/尚未审结/总计. Headers are
// often lost, so the row is found by shape. A row with extra cells is placed only when every
// placement that keeps the totals gives the same numbers; otherwise it is left out with a warning.

const GROUP_LABELS: [typeof APPEAL_GROUPS[number], RegExp][] = [
  ["litigation_direct", /未经复议|直接起诉/],
  ["litigation_after_review", /复议后起诉/],
  ["review", /行政复议/],
];

function groupsHold(v: (number | null)[]): boolean {
  for (let g = 0; g < 3; g++) {
    const part = v.slice(g * 5, g * 5 + 5);
    if (part.some((x) => x === null)) return false;
    const [a, b, c, d, t] = part as number[];
    if (a + b + c + d !== t) return false;
  }
  return true;
}

/** The 15 values of a data row, or null with the reason. */
export function fifteenValues(values: string[]): { vals: (number | null)[] | null; note?: string } {
  if (values.length === 15) return { vals: numbersOf(values) };
  const nums = numbersOf(values).filter((n) => n !== null);
  if (nums.length === 15) return { vals: nums };
  if (nums.length < 15) return { vals: null, note: `${nums.length} numbers for 15 cells` };
  const fits: (number | null)[][] = [];
  for (let s = 0; s + 15 <= nums.length; s++) if (groupsHold(nums.slice(s, s + 15))) fits.push(nums.slice(s, s + 15));
  const same = fits.length > 0 && fits.every((f) => f.join() === fits[0].join());
  return same
    ? { vals: fits[0], note: `${nums.length} cells for 15; the extra cell(s) ignored, the placement that keeps the totals taken` }
    : { vals: null, note: `${nums.length} cells for 15 and no single placement keeps the totals` };
}

export function parseAppealsTable(rows: Row[], sink: ValueSink): boolean {
  let found = false;
  for (const row of rows) {
    const lr = labeledRow(row);
    const k = labelKey(lr.label);
    if (lr.numbers === 5 && k) {
      const group = GROUP_LABELS.find(([, re]) => re.test(k))?.[0];
      if (!group) continue;
      const vals = numbersOf(lr.values.length === 5 ? lr.values : lr.values.filter((v) => v !== ""));
      vals.forEach((v, i) => { if (v !== null) sink.set(`appeals.${group}.${APPEAL_COLUMNS[i]}`, v, `table 四 row ${lr.label}`); });
      found = true;
      continue;
    }
    if (k !== "" && !/复议|诉讼|合计|数量/.test(k)) continue;
    if (row.cells.length - lr.valueStart < 15 || lr.numbers === 0) continue;
    const starts = candidates(row, 15);
    const placed = new Set(starts.map((s) => row.cells.slice(s, s + 15).join("\t")));
    if (placed.size !== 1 && lr.numbers < 15) continue;
    const { vals, note } = placed.size === 1 ? { vals: numbersOf(row.cells.slice(starts[0], starts[0] + 15)), note: undefined } : fifteenValues(lr.values);
    if (note) sink.warn(`table 四: ${note}${vals ? "" : "; left out"}`);
    if (!vals) continue;
    found = true;
    vals.forEach((v, i) => {
      if (v !== null) sink.set(`appeals.${APPEAL_GROUPS[Math.floor(i / 5)]}.${APPEAL_COLUMNS[i % 5]}`, v, "table 四");
    });
  }
  return found;
}
