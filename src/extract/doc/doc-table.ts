import { collapseCellText } from "../docx/cell-text.ts";
import { rectangular } from "../docx/text-blocks.ts";
import type { CellDef } from "./paragraph-props.ts";

// Lays a DOC table's rows on one column grid. A DOC row lists its cells with their left and
// right edges (sprmTDefTable); the grid's columns are all the distinct edges of the table, so a
// cell spanning several of them is a merged cell (text in its first slot, the rest empty).
// Vertically merged continuation cells and old-style merged cells keep an empty slot.

export interface DocRow { cells: string[]; defs?: CellDef[] }

/** Edges closer than this (in twips, 1/1440 inch) are the same column edge. */
const TOLERANCE = 30;

export function docTableGrid(rows: DocRow[]): string[][] {
  const edges = columnEdges(rows);
  const grid = rows.map((row) => {
    const slots: string[] = [];
    row.cells.forEach((raw, i) => {
      const def = row.defs?.[i];
      const text = def && (def.vertContinue || def.horzMerged) ? "" : collapseCellText(raw);
      if (!def || !edges.length) { slots.push(text); return; }
      const start = edgeIndex(edges, def.left);
      const end = Math.max(start + 1, edgeIndex(edges, def.right));
      while (slots.length < start) slots.push("");
      if (slots.length > start) { slots.push(text); return; } // overlapping geometry: keep order
      slots.push(text);
      for (let c = start + 1; c < end; c++) slots.push("");
    });
    return slots;
  });
  return rectangular(grid, Math.max(0, edges.length - 1));
}

function columnEdges(rows: DocRow[]): number[] {
  const all = rows.flatMap((r) => r.defs?.flatMap((d) => [d.left, d.right]) ?? []).sort((a, b) => a - b);
  const edges: number[] = [];
  for (const x of all) if (!edges.length || x - edges[edges.length - 1] > TOLERANCE) edges.push(x);
  return edges;
}

function edgeIndex(edges: number[], x: number): number {
  let best = 0;
  for (let i = 1; i < edges.length; i++) if (Math.abs(edges[i] - x) < Math.abs(edges[best] - x)) best = i;
  return best;
}
