import { joinWrapped } from "./join-text.ts";
import type { GridCell, PageTable } from "./types.ts";

// Joins the parts of one table that a page break split: the columns of both parts are laid on
// the union of their column boundaries, the rows appended, and a row-group label cut by the
// break ('（四）无' at the foot of one page, '法提供' at the head of the next) made whole; a
// row's numbers cut by the break are kept apart, unread.

/** Column edges closer than this (points) are the same edge. */
const EDGE_TOL = 4;
/** The two parts' outer edges may differ by at most this much. */
const SIDE_TOL = 10;
/** The start of a new label, not the rest of one: '（五）', '2.', '三、', or any opening bracket. */
const ENUMERATED = /^([（(【\[]|[一二三四五六七八九十\d]+[)）、.．])/u;
const NUMBER = /^[-+]?\d[\d,]*(\.\d+)?%?$/u;

export function canJoin(a: PageTable, b: PageTable): boolean {
  if (a.ruled !== b.ruled) return false;
  const left = Math.abs(a.xs[0] - b.xs[0]) <= SIDE_TOL;
  const right = Math.abs(a.xs.at(-1)! - b.xs.at(-1)!) <= SIDE_TOL;
  // Inferred columns start and end where their text does: one shared side is enough.
  return a.ruled ? left && right : left || right;
}

function unionEdges(a: number[], b: number[]): number[] {
  const out: number[] = [];
  for (const x of [...a, ...b].sort((p, q) => p - q)) if (!out.length || x - out.at(-1)! > EDGE_TOL) out.push(x);
  return out;
}

function nearest(edges: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < edges.length; i++) if (Math.abs(edges[i] - x) < Math.abs(edges[best] - x)) best = i;
  return best;
}

function regrid(t: PageTable, edges: number[], rowOffset: number): GridCell[] {
  return t.cells.map((c) => {
    const c0 = nearest(edges, t.xs[c.c0]);
    const c1 = Math.max(c0, nearest(edges, t.xs[c.c1 + 1]) - 1);
    return { r0: c.r0 + rowOffset, r1: c.r1 + rowOffset, c0, c1, text: c.text };
  });
}

/** A label cell with another label (not a number) to its right in the given row. */
function hasLabelRight(cells: GridCell[], cell: GridCell, row: number): boolean {
  return cells.some((o) => o !== cell && o.c0 > cell.c1 && o.r0 <= row && o.r1 >= row && o.text !== "" && !NUMBER.test(o.text));
}

/**
 * A first row of bare numbers, each under a number of the row that ended the page before, is
 * that row broken by the page (a number too wide for its cell, its rest on the next page) or a
 * row without a label: neither reads for certain, so each number is kept apart with the one
 * above it ('1581 7', no number), never read as a value of either row.
 */
function keepApartSplitNumbers(top: GridCell[], bottom: GridCell[], lastRow: number, firstRow: number): void {
  const first = bottom.filter((c) => c.r0 === firstRow && c.text);
  const pairs = first.map((cb) => [top.find((c) => c.r1 === lastRow && c.c0 === cb.c0 && c.c1 === cb.c1 && NUMBER.test(c.text)), cb] as const);
  if (!first.length || !pairs.every(([ca, cb]) => ca && NUMBER.test(cb.text))) return;
  for (const [ca, cb] of pairs) { ca!.text = `${ca!.text} ${cb.text}`; cb.text = ""; }
}

/** Table `b` appended below table `a`. */
export function joinTables(a: PageTable, b: PageTable): PageTable {
  // Inferred columns: the part with more columns (its fullest rows) decides them.
  const xs = a.ruled ? unionEdges(a.xs, b.xs) : a.xs.length >= b.xs.length ? a.xs : b.xs;
  const top = regrid(a, xs, 0);
  const bottom = regrid(b, xs, a.rows);
  const lastRow = a.rows - 1, firstRow = a.rows;
  for (const cb of bottom) {
    if (cb.r0 !== firstRow || !cb.text || ENUMERATED.test(cb.text) || NUMBER.test(cb.text)) continue;
    const ca = top.find((c) => c.r1 === lastRow && c.c0 === cb.c0 && c.c1 === cb.c1);
    if (!ca || !ca.text || NUMBER.test(ca.text)) continue;
    if (!hasLabelRight(top, ca, lastRow) || !hasLabelRight(bottom, cb, firstRow)) continue;
    ca.text = joinWrapped([ca.text, cb.text]);
    cb.text = "";
  }
  keepApartSplitNumbers(top, bottom, lastRow, firstRow);
  return { ruled: a.ruled, xs, top: a.top, bottom: b.bottom, rows: a.rows + b.rows, cells: [...top, ...bottom] };
}

/** The table as canonical rows: every row the same width, all-empty rows and columns dropped. */
export function tableRows(t: PageTable): string[][] {
  const cols = t.xs.length - 1;
  const grid = Array.from({ length: t.rows }, () => Array<string>(cols).fill(""));
  for (const c of t.cells) if (c.text) grid[c.r0][c.c0] = grid[c.r0][c.c0] ? joinWrapped([grid[c.r0][c.c0], c.text]) : c.text;
  const keep = Array.from({ length: cols }, (_, i) => grid.some((r) => r[i] !== ""));
  return grid.filter((r) => r.some((v) => v !== "")).map((r) => r.filter((_, i) => keep[i]).map((v) => v.replace(/\t/gu, " ")));
}
