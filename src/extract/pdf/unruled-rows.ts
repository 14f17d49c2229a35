import { lineText } from "./join-text.ts";
import { COLUMN_GAP, pieces } from "./line-pieces.ts";
import { filled, NUMBER_HEAD, NUMBER_TAIL, overlaps, within, type Box } from "./number-wraps.ts";
import type { TextLine, TextRun } from "./types.ts";

// The rows of a borderless table: each line's pieces go to the columns their text starts in; a
// line that follows a row closely either starts a new row or continues the row's cells (text
// wrapped inside a cell, or the rest of a number too wide for its column: number-wraps.ts).
// Where a line could be either, a number it might continue is kept apart from it ('1581 7'),
// which no reader takes for a number: a missing cell, never a wrong one.

/** A line closer than this to the previous row (in font sizes) may continue its cells. */
const WRAP_GAP = 1.75;
/** The most a line pitch is (in font sizes): a line closer than this is the next line of a cell. */
const LINE_PITCH = 1.6;
/** Cell padding allowed for, both sides together, in font sizes. */
const PADDING = 1.5;
const NUMBER = /^[-+]?\d[\d,]*(\.\d+)?%?$/u;
/** The start of a new label: '（五）', '2.', '三、', or any opening bracket. */
const ENUMERATED = /^([（(【\[]|[一二三四五六七八九十\d]+[)）、.．])/u;

interface Part extends Box { slot: number; line: TextLine }
interface Cell { texts: string[]; last: Part | null }

/** The line's pieces, split again where runs start in different columns. */
function lineParts(line: TextLine, slot: (x: number) => number): Part[] {
  const parts: Part[] = [];
  for (const p of pieces(line, COLUMN_GAP)) {
    let group: TextRun[] = [];
    const push = () => {
      if (!group.length) return;
      parts.push({ slot: slot(group[0].x), text: lineText(group), x0: Math.min(...group.map((r) => r.x)), x1: Math.max(...group.map((r) => r.x + r.width)), line });
      group = [];
    };
    for (const r of p.runs) {
      if (group.length && slot(r.x) !== slot(group[0].x)) push();
      group.push(r);
    }
    push();
  }
  return parts;
}

const add = (cell: Cell, p: Part) => { cell.texts.push(p.text); cell.last = p; };

/**
 * How wide a number can run in each column before it wraps: as wide as the column's widest
 * text, and, where the next column's text starts further on, that distance less some padding.
 */
function columnRoom(parts: Part[], xs: number[], size: number): number[] {
  const cols = xs.length - 1;
  const widest = Array<number>(cols).fill(0);
  const start = Array<number>(cols).fill(Infinity);
  for (const p of parts) {
    start[p.slot] = Math.min(start[p.slot], p.x0);
    if (p.x1 <= xs[p.slot + 1] + 1) widest[p.slot] = Math.max(widest[p.slot], p.x1 - p.x0);
  }
  return widest.map((w, c) => (c + 1 < cols && Number.isFinite(start[c + 1]) && Number.isFinite(start[c]) ? Math.max(w, start[c + 1] - start[c] - PADDING * size) : w));
}

/** Places the parts of a line close under `row`: in its cells, or as a new row. */
function continueRow(row: Cell[], parts: Part[], above: TextLine, gap: number, room: number[], newRow: () => Cell[]): void {
  const size = parts[0]?.line.size ?? 0;
  // The number on the line just above, in the part's column and under or over the part.
  const head = (p: Part) => {
    const f = row[p.slot].last;
    return f && f.line === above && NUMBER.test(p.text) && NUMBER_TAIL.test(p.text) && NUMBER_HEAD.test(f.text) && overlaps(p, f) ? f : null;
  };
  const full = (f: Part) => filled(f, room[f.slot]);
  const nums = parts.filter((p) => NUMBER.test(p.text));
  const words = parts.filter((p) => !NUMBER.test(p.text));
  const wraps = words.every((p) => row[p.slot].texts.length > 0);
  if (!nums.length && wraps) {
    for (const p of parts) add(row[p.slot], p);
    return;
  }
  const heads = new Map(nums.map((p) => [p, head(p)]));
  if (!words.length && nums.every((p) => heads.get(p))) {
    // Digits alone under numbers: the rest of numbers too wide for their columns, whole again
    // where certain (the number filled its column, the digits lie within it one line below).
    for (const p of nums) {
      const f = heads.get(p)!;
      const cell = row[p.slot];
      if (full(f) && within(p, f, size) && gap <= LINE_PITCH * size) { cell.texts[cell.texts.length - 1] += p.text; cell.last = p; }
      else add(cell, p);
    }
    return;
  }
  const wordsGoOn = wraps && words.every((p) => !ENUMERATED.test(p.text) && !NUMBER.test(row[p.slot].last?.text ?? ""));
  if (nums.length && wordsGoOn && nums.every((p) => { const f = heads.get(p); return f && full(f); })) {
    // A label's wrapped text beside the digits: most likely the same row, but not certainly.
    for (const p of parts) add(row[p.slot], p);
    return;
  }
  // A new row. Digits right under a full number may still be its rest: unless the line plainly
  // starts a new row, they stay with that number, apart from it.
  const plainlyNew = words.some((p) => ENUMERATED.test(p.text) || row[p.slot].texts.length === 0);
  const bare = row.every((c) => c.texts.every((t) => NUMBER.test(t)));
  const next = newRow();
  for (const p of parts) {
    const f = heads.get(p);
    if (f && within(p, f, size) && (!words.length || full(f))) {
      if (!plainlyNew) { add(row[p.slot], p); continue; }
      if (bare && full(f)) {
        // A row of bare numbers above a labelled row: the number above may be this cell's
        // start (cells aligned to their foot); it goes with this cell, apart from it.
        const cell = row[p.slot];
        if (cell.texts.at(-1) === f.text) cell.texts.pop();
        next[p.slot].texts.push(f.text);
      }
    }
    add(next[p.slot], p);
  }
}

/** The table's rows, each a list of the text pieces of every column (joined by the caller). */
export function placeRows(lines: TextLine[], xs: number[]): string[][][] {
  const cols = xs.length - 1;
  const slot = (x0: number) => {
    for (let i = cols - 1; i >= 0; i--) if (x0 + 1 >= xs[i]) return i;
    return 0;
  };
  const split = lines.map((l) => lineParts(l, slot));
  const room = columnRoom(split.flat(), xs, lines[0]?.size ?? 0);
  const rows: Cell[][] = [];
  const newRow = () => { const r = Array.from({ length: cols }, (): Cell => ({ texts: [], last: null })); rows.push(r); return r; };
  let prev: TextLine | null = null;
  lines.forEach((line, i) => {
    const row = rows.at(-1);
    const gap = prev ? line.y - prev.y : Infinity;
    if (row && gap < WRAP_GAP * line.size) continueRow(row, split[i], prev!, gap, room, newRow);
    else {
      const next = newRow();
      for (const p of split[i]) add(next[p.slot], p);
    }
    prev = line;
  });
  return rows.map((r) => r.map((c) => c.texts));
}
