import { toLine } from "../../../src/extract/pdf/text-lines.ts";
import type { TextLine } from "../../../src/extract/pdf/types.ts";

// Text lines laid out the way the pdfkit fixtures print them (8 pt Noto Sans CJK: a digit is
// 4.45 pt wide, a CJK character 8 pt), for layout tests without a PDF.

export const SIZE = 8;

/** Width of a text in the fixtures' font. */
export function widthOf(text: string): number {
  return [...text].reduce((w, ch) => w + (/[\x20-\x7e]/u.test(ch) ? 4.45 : SIZE), 0);
}

/** One line at baseline `y`: each piece [text, x] is one run. */
export function line(y: number, ...pieces: [string, number][]): TextLine {
  return toLine(pieces.map(([text, x]) => ({ text, x, y, width: widthOf(text), size: SIZE })));
}
