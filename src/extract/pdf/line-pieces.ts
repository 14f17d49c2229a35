import { lineText } from "./join-text.ts";
import type { TextLine, TextRun } from "./types.ts";

// The pieces of one line that wide gaps separate: the cells of a table row drawn without
// borders.

/** A gap wider than this many font sizes makes a line look like a table row. */
export const CELL_GAP = 1.2;
/** Inside a table, a gap wider than this many font sizes separates two cells. */
export const COLUMN_GAP = 0.6;

export interface Piece { x0: number; x1: number; text: string; runs: TextRun[] }

export function pieces(line: TextLine, gap = CELL_GAP): Piece[] {
  const out: { runs: TextRun[]; x0: number; x1: number }[] = [];
  for (const r of line.runs) {
    if (!r.text.trim()) continue;
    const last = out.at(-1);
    if (last && r.x - last.x1 <= gap * r.size) { last.runs.push(r); last.x1 = Math.max(last.x1, r.x + r.width); }
    else out.push({ runs: [r], x0: r.x, x1: r.x + r.width });
  }
  return out.map((p) => ({ x0: p.x0, x1: p.x1, text: lineText(p.runs), runs: p.runs }));
}
