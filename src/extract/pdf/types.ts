// Shapes shared by the PDF layout steps. All coordinates are in PDF points, in page space with
// y growing DOWNWARD (0 at the top of the page), after the page's rotation is applied.

/** One piece of text as pdf.js returns it: `y` is the baseline, `size` the font size. */
export interface TextRun {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** An axis-aligned ruling line: horizontal (y fixed, x1..x2) or vertical (x fixed, y1..y2). */
export interface Segment {
  dir: "h" | "v";
  /** The fixed coordinate: y for "h", x for "v". */
  at: number;
  /** The extent along the line: x1..x2 for "h", y1..y2 for "v". */
  from: number;
  to: number;
}

/** A visual line of text: runs sharing a baseline, left to right. */
export interface TextLine {
  runs: TextRun[];
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
}

/**
 * A table read from one page: a grid of cell texts (a merged cell's text in its top-left slot,
 * the other slots it covers empty), the x boundaries of its columns (cols + 1 values), and its
 * cells with their spans so a table continued on the next page can be joined.
 */
export interface PageTable {
  /** Drawn with ruling lines (else its columns were inferred from gaps). */
  ruled: boolean;
  xs: number[];
  top: number;
  bottom: number;
  cells: GridCell[];
  rows: number;
}

export interface GridCell {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  text: string;
}

/** What one page contributes, top to bottom, with its page furniture still in. */
export type PageBlock =
  | { kind: "line"; line: TextLine }
  | { kind: "table"; table: PageTable };

export interface PageLayout {
  width: number;
  height: number;
  blocks: PageBlock[];
}
