import type { El } from "./dom.ts";
import type { StatsMap } from "./text-stats.ts";

// HTML tables: their rows and cells (through thead/tbody/tfoot and stray wrappers, never into a
// nested table), whether a table is layout or data, and the rectangular grid of a data table.

const MAX_COLSPAN = 100;
const MAX_ROWSPAN = 1000;
const HEADINGS = new Set(["h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol"]);
const BLOCKS = new Set(["p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article"]);

/** The rows of a table, each the list of its td/th elements. */
export function tableRows(table: El): El[][] {
  const rows: El[][] = [];
  const findRows = (e: El) => {
    for (const c of e.children) {
      if (typeof c === "string") continue;
      if (c.tag === "tr") rows.push(rowCells(c));
      else if (c.tag !== "table") findRows(c);
    }
  };
  findRows(table);
  return rows;
}

function rowCells(tr: El): El[] {
  const cells: El[] = [];
  const find = (e: El) => {
    for (const c of e.children) {
      if (typeof c === "string") continue;
      if (c.tag === "td" || c.tag === "th") cells.push(c);
      else if (c.tag !== "table" && c.tag !== "tr") find(c);
    }
  };
  find(tr);
  return cells;
}

/**
 * A layout table holds page structure, not data: a cell holds another table, a heading or a
 * list, or long running text; or every row has a single cell. Layout tables are flattened.
 */
export function isLayoutTable(rows: El[][], stats: StatsMap): boolean {
  let maxCells = 0;
  for (const row of rows) {
    maxCells = Math.max(maxCells, row.length);
    for (const cell of row) {
      if (hasDescendant(cell, (e) => e.tag === "table" || HEADINGS.has(e.tag))) return true;
      const chars = stats.get(cell)?.chars ?? 0;
      if (chars > 400 || (chars > 200 && blockChildren(cell) >= 2)) return true;
    }
  }
  return maxCells <= 1;
}

function hasDescendant(el: El, test: (e: El) => boolean): boolean {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (test(c) || hasDescendant(c, test)) return true;
  }
  return false;
}

function blockChildren(el: El): number {
  let n = 0;
  for (const c of el.children) if (typeof c !== "string" && BLOCKS.has(c.tag)) n++;
  return n;
}

function span(value: string | undefined, max: number): number {
  const n = value === undefined ? 1 : parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/**
 * The rectangular grid of a data table: rowspan/colspan expanded, a merged cell's text in its
 * top-left slot and the other slots it covers empty; rows entirely empty dropped.
 */
export function tableGrid(rows: El[][], cellText: (cell: El) => string): string[][] {
  const grid: (string | undefined)[][] = rows.map(() => []);
  rows.forEach((row, r) => {
    let col = 0;
    for (const cell of row) {
      while (grid[r][col] !== undefined) col++;
      const cs = span(cell.attrs.colspan, MAX_COLSPAN);
      // rowspan="0" spans to the end of the table; a span past the last row stops there.
      const rsAttr = cell.attrs.rowspan?.trim();
      const rs = Math.min(rsAttr === "0" ? rows.length - r : span(rsAttr, MAX_ROWSPAN), rows.length - r);
      const text = cellText(cell);
      for (let dr = 0; dr < rs; dr++) {
        for (let dc = 0; dc < cs; dc++) grid[r + dr][col + dc] = dr === 0 && dc === 0 ? text : "";
      }
      col += cs;
    }
  });
  const width = grid.reduce((w, r) => Math.max(w, r.length), 0);
  return grid
    .map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""))
    .filter((r) => r.some((c) => c !== ""));
}
