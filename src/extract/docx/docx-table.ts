import { collapseCellText } from "./cell-text.ts";
import { rectangular } from "./text-blocks.ts";

// A WordprocessingML table as read (w:tbl/w:tr/w:tc), laid out on its column grid:
// w:gridSpan is a colspan, w:vMerge="restart" starts a rowspan and a bare w:vMerge continues
// it (its slot stays empty), w:gridBefore/w:gridAfter skip grid columns at either end.

export interface DocxCell { text: string; span: number; vMerge?: "restart" | "continue" }
export interface DocxRow { cells: DocxCell[]; gridBefore: number; gridAfter: number }
export interface DocxTable { rows: DocxRow[]; gridCols: number }

export function newTable(): DocxTable {
  return { rows: [], gridCols: 0 };
}

export function tableGrid(table: DocxTable): string[][] {
  const grid = table.rows.map((row) => {
    const slots: string[] = [];
    for (let i = 0; i < row.gridBefore; i++) slots.push("");
    for (const cell of row.cells) {
      slots.push(cell.vMerge === "continue" ? "" : collapseCellText(cell.text));
      for (let i = 1; i < cell.span; i++) slots.push("");
    }
    for (let i = 0; i < row.gridAfter; i++) slots.push("");
    return slots;
  });
  return rectangular(grid, table.gridCols);
}

/** A table nested in a cell, flattened to text lines for its enclosing cell. */
export function flattenTable(table: DocxTable): string {
  return tableGrid(table).map((r) => r.filter((c) => c).join(" ")).join("\n");
}
