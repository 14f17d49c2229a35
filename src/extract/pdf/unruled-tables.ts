import { joinWrapped, lineText } from "./join-text.ts";
import type { GridCell, PageTable, TextLine, TextRun } from "./types.ts";

// Tables without ruling lines: consecutive lines made of pieces separated by wide gaps. The
// columns are the x bands that the pieces of the fullest lines occupy; a line with no number
// that follows a row closely is a wrapped continuation of that row's cells.

/** A gap wider than this many font sizes makes a line look like a table row. */
const CELL_GAP = 1.2;
/** Inside a table, a gap wider than this many font sizes separates two cells. */
const COLUMN_GAP = 0.6;
/** Lines further apart than this many font sizes do not belong to one table. */
const ROW_GAP = 3.2;
/** A line closer than this to the previous row (in font sizes) may continue its cells. */
const WRAP_GAP = 1.75;
/** Most lines in a row without a cell gap before the table is taken to have ended. */
const MAX_WRAPPED = 3;
const NUMBER = /^[-+]?\d[\d,]*(\.\d+)?%?$/u;

interface Piece { x0: number; x1: number; text: string; runs: TextRun[] }

function pieces(line: TextLine, gap = CELL_GAP): Piece[] {
  const out: { runs: TextRun[]; x0: number; x1: number }[] = [];
  for (const r of line.runs) {
    if (!r.text.trim()) continue;
    const last = out.at(-1);
    if (last && r.x - last.x1 <= gap * r.size) { last.runs.push(r); last.x1 = Math.max(last.x1, r.x + r.width); }
    else out.push({ runs: [r], x0: r.x, x1: r.x + r.width });
  }
  return out.map((p) => ({ x0: p.x0, x1: p.x1, text: lineText(p.runs), runs: p.runs }));
}

function mergeSpans(spans: [number, number][]): [number, number][] {
  const out: [number, number][] = [];
  for (const s of [...spans].sort((a, b) => a[0] - b[0])) {
    const last = out.at(-1);
    if (last && s[0] < last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([...s]);
  }
  return out;
}

/**
 * Column bands: overlapping pieces of the fullest lines make one band; a piece of another line
 * that overlaps no band (a label in a column the fullest lines leave empty) adds its own.
 */
function bands(rows: Piece[][]): [number, number][] {
  const most = Math.max(...rows.map((p) => p.length));
  const main = mergeSpans(rows.filter((p) => p.length === most).flat().map((p) => [p.x0, p.x1]));
  const overlaps = (p: Piece) => main.some(([a, b]) => p.x0 < b && p.x1 > a);
  const extra = rows.flat().filter((p) => !overlaps(p)).map((p) => [p.x0, p.x1] as [number, number]);
  return mergeSpans([...main, ...mergeSpans(extra).filter(([a, b]) => !main.some(([c, d]) => a < d && b > c))]);
}

export interface UnruledTable extends PageTable {
  used: Set<TextLine>;
}

function buildTable(lines: TextLine[]): UnruledTable {
  const split = lines.map((l) => pieces(l, COLUMN_GAP));
  const b = bands(split);
  // Edges: the bands' outer sides and the middles of the gaps between them (text left of the
  // first band still goes to the first column).
  const xs = [b[0][0] - 1];
  for (let i = 1; i < b.length; i++) xs.push((b[i - 1][1] + b[i][0]) / 2);
  xs.push(b.at(-1)![1] + 1);
  const slot = (x0: number) => {
    for (let i = b.length - 1; i >= 0; i--) if (x0 + 1 >= xs[i]) return i;
    return 0;
  };
  const grid: string[][][] = [];
  let prev: TextLine | null = null;
  lines.forEach((line, i) => {
    // A piece that runs over several columns (cells too close for a cell gap) is split again
    // where its runs start in different columns.
    const parts: { slot: number; text: string }[] = [];
    for (const p of split[i]) {
      let group: TextRun[] = [];
      const push = () => { if (group.length) parts.push({ slot: slot(group[0].x), text: lineText(group) }); group = []; };
      for (const r of p.runs) {
        if (group.length && slot(r.x) !== slot(group[0].x)) push();
        group.push(r);
      }
      push();
    }
    const row = grid.at(-1);
    const wraps = prev !== null && row !== undefined && line.y - prev.y < WRAP_GAP * line.size
      && parts.every((p) => !NUMBER.test(p.text) && row[p.slot].length > 0);
    const target = wraps ? row : b.map((): string[] => []);
    if (!wraps) grid.push(target);
    for (const p of parts) target[p.slot].push(p.text);
    prev = line;
  });
  const cells: GridCell[] = [];
  grid.forEach((row, r) => row.forEach((parts, c) => cells.push({ r0: r, r1: r, c0: c, c1: c, text: joinWrapped(parts) })));
  return { ruled: false, xs, top: lines[0].y - lines[0].size, bottom: lines.at(-1)!.y + 0.3 * lines.at(-1)!.size, rows: grid.length, cells, used: new Set(lines) };
}

/** Finds borderless tables among a page's lines (top to bottom). */
export function unruledTables(lines: TextLine[]): UnruledTable[] {
  const tables: UnruledTable[] = [];
  let i = 0;
  while (i < lines.length) {
    if (pieces(lines[i]).length < 2) { i++; continue; }
    let j = i;
    let plain = 0;
    while (j + 1 < lines.length && lines[j + 1].y - lines[j].y < ROW_GAP * lines[j].size) {
      plain = pieces(lines[j + 1]).length >= 2 ? 0 : plain + 1;
      if (plain > MAX_WRAPPED) break;
      j++;
    }
    while (j > i && pieces(lines[j]).length < 2) j--;
    const region = lines.slice(i, j + 1);
    // One line of three or more cells is a table too (often a table's last row on a new page).
    const counts = region.map((l) => pieces(l).length);
    if (counts.filter((n) => n >= 2).length >= 2 || Math.max(...counts) >= 3) tables.push(buildTable(region));
    i = j + 1;
  }
  return tables;
}
