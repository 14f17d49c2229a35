import { pieces } from "./line-pieces.ts";
import type { PageLayout, PageTable, TextLine } from "./types.ts";
import { buildTable } from "./unruled-tables.ts";

// A borderless table's last rows carried over to the next page: alone there, a row of two cells
// ('行政事业性收费  1015.20') does not look like a table, and would be read as a paragraph. When
// a page opens with lines laid out in the columns of the borderless table that ended the page
// before (a label in its first column, numbers in columns where it has numbers), they are read
// as rows of that table, in its columns; assemble() then joins the two parts.

/** A line further below the previous one than this many font sizes is not the next row. */
const ROW_GAP = 3.2;
/** A one-piece line closer than this (font sizes) wraps a cell of the row above. */
const WRAP_GAP = 1.75;
/** Tolerance, in points, for a piece standing in a column. */
const TOL = 2;
const NUMBER = /^[-+]?\d[\d,]*(\.\d+)?%?$/u;

function column(xs: number[], x: number): number {
  for (let i = xs.length - 2; i >= 0; i--) if (x + TOL >= xs[i]) return i;
  return -1;
}

/**
 * Whether the line is a row in the table's columns: every piece stands inside a column of its
 * own, a number in a column of numbers; and it starts at the table's left edge (its label), or
 * holds nothing but numbers in columns of numbers (the rest of a row the page break cut, which
 * joinTables() keeps apart).
 */
function isRow(t: PageTable, valueCols: Set<number>, line: TextLine): boolean {
  const ps = pieces(line);
  const cols = ps.map((p) => column(t.xs, p.x0));
  if (cols.some((c, k) => c < 0 || ps[k].x1 > t.xs[c + 1] + TOL || (k > 0 && c <= cols[k - 1]))) return false;
  const inValueCol = ps.map((p, k) => NUMBER.test(p.text) && valueCols.has(cols[k]));
  if (ps.length >= 1 && inValueCol.every(Boolean)) return true;
  return ps.length >= 2 && ps[0].x0 <= t.xs[0] + 1 + line.size && inValueCol.some(Boolean);
}

/** How many of the lines opening a page continue table `t` (0 when they do not). */
export function continuedRows(t: PageTable, lines: TextLine[]): number {
  const valueCols = new Set(t.cells.filter((c) => NUMBER.test(c.text)).map((c) => c.c0));
  let taken = 0;
  let rows = 0;
  for (const line of lines) {
    const prev = taken > 0 ? lines[taken - 1] : null;
    if (prev && line.y - prev.y >= ROW_GAP * line.size) break;
    if (isRow(t, valueCols, line)) rows++;
    else if (!prev || line.y - prev.y >= WRAP_GAP * line.size || line.x0 < t.xs[0] - TOL || line.x1 > t.xs.at(-1)! + TOL || pieces(line).length > 1) break;
    taken++;
  }
  return rows ? taken : 0;
}

/** Reads the lines that open a page as rows of the borderless table ending the page before, in place. */
export function continueTables(pages: PageLayout[]): void {
  for (let i = 1; i < pages.length; i++) {
    const last = pages[i - 1].blocks.at(-1);
    if (last?.kind !== "table" || last.table.ruled) continue;
    const blocks = pages[i].blocks;
    let n = 0;
    while (n < blocks.length && blocks[n].kind === "line") n++;
    const lines = blocks.slice(0, n).flatMap((b) => (b.kind === "line" ? [b.line] : []));
    const taken = continuedRows(last.table, lines);
    if (!taken) continue;
    const { used: _, ...table } = buildTable(lines.slice(0, taken), last.table.xs);
    pages[i].blocks = [{ kind: "table", table }, ...blocks.slice(taken)];
  }
}
