import { ACTIVE_COLUMN_LABELS, ACTIVE_DEFAULT_COLUMNS, ACTIVE_ROW_LABELS } from "./cell-keys.ts";
import { labelKey, type Row } from "./rows.ts";
import { labeledRow, numbersOf } from "./table-rows.ts";
import type { ValueSink } from "./value-sink.ts";

// Table 二 (主动公开政府信息情况): `active.<row>.<column>`. Columns come from the nearest
// header row above (信息内容 | 本年制发件数 | …); a row whose header is lost falls back to the
// form's column order only when its count of cells matches exactly.

function match(table: [string, RegExp][], text: string): string | null {
  const k = labelKey(text);
  for (const [key, re] of table) if (re.test(k)) return key;
  return null;
}

/** Column keys by cell index, when `row` is a table-二 header row (信息内容 | 本年制发件数 | …). */
export function headerColumns(row: Row): (string | null)[] | null {
  if (row.cells.length < 2 || labeledRow(row).numbers > 0) return null;
  const cols = row.cells.map((c) => (c === "" || c.length > 24 || /信息内容/.test(c) ? null : match(ACTIVE_COLUMN_LABELS, c)));
  return cols.some((c) => c !== null) ? cols : null;
}

/** Which template table 二's column headers belong to, if they say. */
export function activeTemplateHint(rows: Row[]): "2021" | "2019" | null {
  for (const row of rows) {
    const cols = headerColumns(row);
    if (!cols) continue;
    if (cols.some((c) => c === "issued" || c === "repealed" || c === "in_force")) return "2021";
    if (cols.some((c) => c === "new_made" || c === "new_published" || c === "total_published" || c === "prior_items")) return "2019";
  }
  return null;
}

export function parseActiveTable(rows: Row[], template: "2021" | "2019", sink: ValueSink): void {
  let header: (string | null)[] | null = null;
  for (const row of rows) {
    const cols = headerColumns(row);
    if (cols) { header = cols; continue; }
    const lr = labeledRow(row);
    if (lr.numbers === 0) continue;
    const rowKey = match(ACTIVE_ROW_LABELS, lr.label);
    if (!rowKey) continue;
    const nums = numbersOf(lr.values);
    const where = `table 二 row ${lr.label}`;
    const assigned = header ? byHeader(header, row.cells, lr.valueStart) : null;
    const defaults = ACTIVE_DEFAULT_COLUMNS[template][rowKey] ?? [];
    let pairs: [string, number][] | null = assigned && assigned.every(([k]) => defaults.includes(k)) ? assigned : null;
    if (!pairs) {
      const present = nums.filter((n): n is number => n !== null);
      if (nums.length === defaults.length) pairs = defaults.flatMap((k, i) => (nums[i] === null ? [] : [[k, nums[i]!] as [string, number]]));
      else if (present.length === defaults.length) pairs = defaults.map((k, i) => [k, present[i]] as [string, number]);
      else {
        sink.warn(`${where}: ${present.length} number(s) for ${defaults.length} column(s) and no header to place them; left out`);
        continue;
      }
    }
    for (const [col, v] of pairs) sink.set(`active.${rowKey}.${col}`, v, where);
  }
}

/** Places each number under the header cell in the same column; null when that is not clean. */
function byHeader(header: (string | null)[], cells: string[], first: number): [string, number][] | null {
  if (header.findIndex((x) => x !== null) !== first) return null;
  const pairs: [string, number][] = [];
  for (let i = first; i < cells.length; i++) {
    const n = numbersOf([cells[i]])[0];
    if (cells[i] === "" || n === null) continue;
    const key = header[i];
    if (!key) return null;
    const earlier = pairs.find(([k]) => k === key);
    if (earlier && earlier[1] === n && header[i - 1] === key) continue; // a merged cell written out in every slot
    if (earlier) return null;
    pairs.push([key, n]);
  }
  return pairs.length ? pairs : null;
}
