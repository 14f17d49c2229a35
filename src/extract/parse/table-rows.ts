import { isBlankCell, isNumberCell, parseNumber } from "./numbers.ts";
import type { Row } from "./rows.ts";

// A table row seen as label cells followed by value cells.

export interface LabeledRow {
  row: Row;
  /** The non-empty, non-numeric cells before the values, joined. */
  label: string;
  /** Index of the first cell after the last label cell. */
  valueStart: number;
  /** The cells after the last label cell (numbers or blanks), trailing blanks removed. */
  values: string[];
  /** How many of `values` are numbers. */
  numbers: number;
}

export function labeledRow(row: Row): LabeledRow {
  const cells = row.cells.map((c) => (isBlankCell(c) ? "" : c));
  let last = -1;
  for (let i = 0; i < cells.length; i++) if (cells[i] !== "" && !isNumberCell(cells[i])) last = i;
  const values = cells.slice(last + 1);
  while (values.length && values[values.length - 1] === "") values.pop();
  // A merged label written out in every slot it covers counts once.
  const label = cells.slice(0, last + 1).filter((c, i, a) => c !== "" && c !== a[i - 1]).join("");
  return { row, label, valueStart: last + 1, values, numbers: values.filter(isNumberCell).length };
}

/** Every cell in `values` is a number or blank. */
export function numbersOf(values: string[]): (number | null)[] {
  return values.map((v) => (v === "" ? null : parseNumber(v)));
}
