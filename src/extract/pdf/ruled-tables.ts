import { joinCellLines } from "./number-wraps.ts";
import { groupLines } from "./text-lines.ts";
import type { GridCell, PageTable, Segment, TextLine, TextRun } from "./types.ts";

// Tables drawn with ruling lines: connected rulings make a table; their distinct x and y
// positions make a grid of elementary cells; a boundary with no ruling along it merges the two
// cells beside it (a merged cell). Every text run goes to the cell that holds its middle, and
// the lines wrapped inside a cell are joined (a number broken over two lines made whole again).

const TOL = 2.5;
/** Share of a boundary that rulings must cover for it to count as a border. */
const COVER = 0.6;

/** Joins collinear pieces of one line (dashes, pieces drawn cell by cell). */
function mergeCollinear(segs: Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const dir of ["h", "v"] as const) {
    const sorted = segs.filter((s) => s.dir === dir).sort((a, b) => a.at - b.at);
    const lines: Segment[][] = [];
    for (const s of sorted) {
      const last = lines.at(-1);
      if (last && s.at - last.at(-1)!.at <= 1) last.push(s);
      else lines.push([s]);
    }
    for (const line of lines) {
      line.sort((a, b) => a.from - b.from);
      let cur: Segment | null = null;
      for (const s of line) {
        if (cur && s.from <= cur.to + TOL) { cur.to = Math.max(cur.to, s.to); continue; }
        cur = { ...s };
        out.push(cur);
      }
    }
  }
  return out;
}

const touches = (h: Segment, v: Segment) =>
  v.at >= h.from - TOL && v.at <= h.to + TOL && h.at >= v.from - TOL && h.at <= v.to + TOL;

/** Groups rulings that touch into candidate tables (at least 2 horizontal and 2 vertical). */
function components(segs: Segment[]): Segment[][] {
  const parent = segs.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let i = 0; i < segs.length; i++) {
    for (let j = i + 1; j < segs.length; j++) {
      const a = segs[i], b = segs[j];
      if (a.dir !== b.dir && touches(a.dir === "h" ? a : b, a.dir === "h" ? b : a)) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, Segment[]>();
  segs.forEach((s, i) => groups.set(find(i), [...(groups.get(find(i)) ?? []), s]));
  return [...groups.values()].filter((g) => g.filter((s) => s.dir === "h").length >= 2 && g.filter((s) => s.dir === "v").length >= 2);
}

/** Distinct positions, points closer than TOL taken as one. */
function cluster(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out.at(-1);
    if (last && v - last.at(-1)! <= TOL) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((s, v) => s + v, 0) / g.length);
}

/** How much of [a, b] the segments at position `at` cover. */
function coverage(lines: Segment[], at: number, a: number, b: number): number {
  const spans = lines.filter((s) => Math.abs(s.at - at) <= TOL && s.to > a && s.from < b).map((s) => [Math.max(a, s.from), Math.min(b, s.to)]).sort((p, q) => p[0] - q[0]);
  let covered = 0, end = a;
  for (const [s, e] of spans) {
    if (e <= end) continue;
    covered += e - Math.max(s, end);
    end = e;
  }
  return b > a ? covered / (b - a) : 1;
}

function locate(edges: number[], v: number): number {
  for (let i = 0; i < edges.length - 1; i++) if (v < edges[i + 1]) return i;
  return edges.length - 2;
}

export interface RuledTable extends PageTable {
  /** The runs placed in this table. */
  used: Set<TextRun>;
}

function buildTable(group: Segment[], runs: TextRun[]): RuledTable | null {
  const hs = group.filter((s) => s.dir === "h");
  const vs = group.filter((s) => s.dir === "v");
  const xs = cluster(vs.map((s) => s.at));
  const ys = cluster(hs.map((s) => s.at));
  if (xs.length < 2 || ys.length < 2) return null;
  const rows = ys.length - 1, cols = xs.length - 1;
  const id = (r: number, c: number) => r * cols + c;
  const parent = Array.from({ length: rows * cols }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  const union = (a: number, b: number) => { parent[find(b)] = find(a); };
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      if (c + 1 < cols && coverage(vs, xs[c + 1], ys[r] + TOL, ys[r + 1] - TOL) < COVER) union(id(r, c), id(r, c + 1));
      if (r + 1 < rows && coverage(hs, ys[r + 1], xs[c] + TOL, xs[c + 1] - TOL) < COVER) union(id(r, c), id(r + 1, c));
    }
  }
  const top = ys[0], bottom = ys.at(-1)!, left = xs[0], right = xs.at(-1)!;
  const inside = runs.filter((run) => {
    const cx = run.x + run.width / 2, cy = run.y - run.size * 0.3;
    return cx > left && cx < right && cy > top && cy < bottom;
  });
  const byCell = new Map<number, TextRun[]>();
  for (const run of inside) {
    const root = find(id(locate(ys, run.y - run.size * 0.3), locate(xs, run.x + Math.min(run.width, run.size) / 2)));
    byCell.set(root, [...(byCell.get(root) ?? []), run]);
  }
  const spans = new Map<number, GridCell>();
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const root = find(id(r, c));
      const cell = spans.get(root);
      if (!cell) spans.set(root, { r0: r, r1: r, c0: c, c1: c, text: "" });
      else { cell.r1 = Math.max(cell.r1, r); cell.c1 = Math.max(cell.c1, c); cell.c0 = Math.min(cell.c0, c); }
    }
  }
  const lines = new Map<number, TextLine[]>();
  for (const [root, cellRuns] of byCell) lines.set(root, groupLines(cellRuns));
  // The cell padding: the least space between a cell's left border and its text.
  let pad = Infinity;
  for (const [root, cellLines] of lines) for (const l of cellLines) pad = Math.min(pad, l.x0 - xs[spans.get(root)!.c0]);
  pad = Number.isFinite(pad) ? Math.max(0, pad) : 0;
  for (const [root, cell] of spans) cell.text = joinCellLines(lines.get(root) ?? [], xs[cell.c1 + 1] - xs[cell.c0] - 2 * pad);
  return { ruled: true, xs, top, bottom, rows, cells: [...spans.values()], used: new Set(inside) };
}

/** The ruled tables of a page, top to bottom. */
export function ruledTables(segments: Segment[], runs: TextRun[]): RuledTable[] {
  const segs = mergeCollinear(segments.filter((s) => s.to - s.from > TOL));
  const tables: RuledTable[] = [];
  for (const group of components(segs)) {
    const t = buildTable(group, runs);
    if (t && t.cells.length > 1) tables.push(t);
  }
  return tables.sort((a, b) => a.top - b.top);
}
