import { joinWrapped } from "./join-text.ts";
import type { TextLine } from "./types.ts";

// A number too wide for its cell wraps: '15817' in a narrow column prints as '1581' with '7' on
// the line below. Read as two lines it becomes '1581 7' (a cell the parser rightly refuses) or,
// worse, '1581' in one row and '7' in the next. A number is only broken where its line was full,
// so a digit line continues the number above it when one more character would not have fitted
// beside that number; otherwise the two stay apart, never silently glued.

/** The first line of a broken number (sign, digits, separators). */
export const NUMBER_HEAD = /^[-+]?[\d,.]*\d[\d,.]*$/u;
/** The rest of a broken number on the next line. */
export const NUMBER_TAIL = /^[\d,.]*\d[\d,.]*%?$/u;

/** A piece of text on one line and its horizontal extent. */
export interface Box {
  text: string;
  x0: number;
  x1: number;
}

/** Average width of one character of the box. */
export function charWidth(b: Box): number {
  return (b.x1 - b.x0) / Math.max(1, [...b.text].length);
}

/** Whether `head` filled `room` points: one more character of its text would not have fitted. */
export function filled(head: Box, room: number): boolean {
  return head.x1 - head.x0 + charWidth(head) > room - 0.5;
}

/** Whether `tail` lies under `head`, inside its extent (left, centred or right aligned alike). */
export function within(tail: Box, head: Box, size: number): boolean {
  return tail.x0 >= head.x0 - 0.25 * size && tail.x1 <= head.x1 + 0.25 * size;
}

/** Whether the two boxes share some horizontal extent. */
export function overlaps(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && a.x1 > b.x0;
}

/**
 * The text of the lines wrapped inside one ruled cell: a digit line under a number that filled
 * the cell (`room` points wide inside its padding) continues it ('1581' + '7' → '15817'); other
 * lines are joined as wrapped text (a number that did not fill its cell stays apart: '12 34').
 */
export function joinCellLines(lines: TextLine[], room: number): string {
  const parts: string[] = [];
  let head: TextLine | null = null;
  for (const l of lines) {
    if (head && parts.length && NUMBER_HEAD.test(parts.at(-1)!) && NUMBER_TAIL.test(l.text) && filled(head, room) && within(l, head, l.size)) {
      parts[parts.length - 1] += l.text;
    } else parts.push(l.text);
    head = l;
  }
  return joinWrapped(parts);
}
