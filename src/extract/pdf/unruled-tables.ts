import { joinWrapped } from "./join-text.ts";
import { COLUMN_GAP, pieces, type Piece } from "./line-pieces.ts";
import { within } from "./number-wraps.ts";
import type { GridCell, PageTable, TextLine } from "./types.ts";
import { placeRows } from "./unruled-rows.ts";

// Tables without ruling lines: consecutive lines made of pieces separated by wide gaps. The
// columns are the x bands that the pieces of the fullest lines occupy; a line with no number
// that follows a row closely continues that row's cells (unruled-rows.ts).

/** Lines further apart than this many font sizes do not belong to one table. */
const ROW_GAP = 3.2;
/** A line closer than this to the one above (in font sizes) may continue its cells. */
const WRAP_GAP = 1.75;
/** Most lines in a row without a cell gap before the table is taken to have ended. */
const MAX_WRAPPED = 3;

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

/** The column edges the text of `lines` makes (one more than the columns). */
export function columnEdges(lines: TextLine[]): number[] {
  const b = bands(lines.map((l) => pieces(l, COLUMN_GAP)));
  // Edges: the bands' outer sides and the middles of the gaps between them (text left of the
  // first band still goes to the first column).
  const xs = [b[0][0] - 1];
  for (let i = 1; i < b.length; i++) xs.push((b[i - 1][1] + b[i][0]) / 2);
  xs.push(b.at(-1)![1] + 1);
  return xs;
}

/** The table of `lines` in the given columns (by default, the columns their text makes). */
export function buildTable(lines: TextLine[], xs = columnEdges(lines)): UnruledTable {
  const grid = placeRows(lines, xs);
  const cells: GridCell[] = [];
  grid.forEach((row, r) => row.forEach((parts, c) => cells.push({ r0: r, r1: r, c0: c, c1: c, text: joinWrapped(parts) })));
  return { ruled: false, xs, top: lines[0].y - lines[0].size, bottom: lines.at(-1)!.y + 0.3 * lines.at(-1)!.size, rows: grid.length, cells, used: new Set(lines) };
}

/**
 * Whether `line`, one piece right under `above`, lies inside one of its cells: the rest of a
 * wrapped cell (a label, or a number too wide for its column), not a paragraph after the table.
 */
function wrapsCell(above: TextLine, line: TextLine): boolean {
  const [p, more] = pieces(line);
  if (!p || more || line.y - above.y >= WRAP_GAP * line.size) return false;
  return pieces(above, COLUMN_GAP).some((q) => within(p, q, line.size));
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
    while (j > i && pieces(lines[j]).length < 2 && !wrapsCell(lines[j - 1], lines[j])) j--;
    const region = lines.slice(i, j + 1);
    // One line of three or more cells is a table too (often a table's last row on a new page).
    const counts = region.map((l) => pieces(l).length);
    if (counts.filter((n) => n >= 2).length >= 2 || Math.max(...counts) >= 3) tables.push(buildTable(region));
    i = j + 1;
  }
  return tables;
}
