import { isBlankCell } from "./numbers.ts";
import type { Row } from "./rows.ts";
import { labeledRow } from "./table-rows.ts";

// Where a row's value columns are. After its label a row may carry more cells than the form has
// columns (a merged label's empty slot before the values, an empty column after them), so every
// placement of the form's `width` columns whose leftover cells are all blank is a candidate. A row
// with one candidate fixes where its table's values start; a row with several takes the one its
// table's other rows agree on, and is left out when they do not say.

export interface Placement {
  /** The `width` value cells, or null when no placement is certain. */
  cells: string[] | null;
}

/** Absolute start indexes of every placement of `width` value cells whose leftover cells are blank. */
export function candidates(row: Row, width: number): number[] {
  const lr = labeledRow(row);
  const after = row.cells.slice(lr.valueStart);
  const starts: number[] = [];
  for (let s = 0; s + width <= after.length; s++) {
    const outside = [...after.slice(0, s), ...after.slice(s + width)];
    if (outside.every(isBlankCell)) starts.push(lr.valueStart + s);
  }
  return starts;
}

/** Places the value cells of `rows` (rows of tables), `width` columns each, using each table block's agreement. */
export function placeValues(rows: Row[], width: number): Map<Row, Placement> {
  const found = new Map<Row, number[]>();
  const agreed = new Map<number | undefined, Map<number, number>>();
  for (const row of rows) {
    const starts = candidates(row, width);
    found.set(row, starts);
    if (starts.length !== 1) continue;
    const votes = agreed.get(row.block) ?? new Map<number, number>();
    votes.set(starts[0], (votes.get(starts[0]) ?? 0) + 1);
    agreed.set(row.block, votes);
  }
  const out = new Map<Row, Placement>();
  for (const row of rows) {
    const starts = found.get(row)!;
    let start: number | undefined = starts.length === 1 ? starts[0] : undefined;
    if (starts.length > 1) {
      const votes = [...(agreed.get(row.block) ?? new Map<number, number>())].sort((a, b) => b[1] - a[1]);
      const best = votes.find(([s]) => starts.includes(s));
      if (best && !votes.some(([s, n]) => s !== best[0] && n === best[1] && starts.includes(s))) start = best[0];
    }
    out.set(row, start === undefined ? { cells: null } : { cells: row.cells.slice(start, start + width) });
  }
  return out;
}
