import { displayWidth, padEnd, padStart } from "./display-width.ts";

// A plain-text table for the terminal: columns padded to their widest cell (CJK counted as two
// columns), numbers right-aligned, two spaces between columns, a rule under the header.

export interface TableOptions {
  /** Columns to right-align (numbers); by index. */
  right?: readonly number[];
  /** Applied to each header cell after padding (e.g. bold). */
  header?: (text: string) => string;
}

export function textTable(header: readonly string[], rows: readonly (readonly string[])[], options: TableOptions = {}): string {
  const right = new Set(options.right ?? []);
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ""))));
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (right.has(i) ? padStart(c, widths[i]) : i === cells.length - 1 ? c : padEnd(c, widths[i]))).join("  ").trimEnd();
  const head = line(header);
  const out = [options.header ? options.header(head) : head, widths.map((w) => "─".repeat(w)).join("  ")];
  for (const r of rows) out.push(line(r));
  return out.join("\n") + "\n";
}
