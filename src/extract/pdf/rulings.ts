import type { Segment } from "./types.ts";

// Ruling lines from a page's operator list: stroked axis-aligned lines and rectangle edges, and
// thin filled rectangles (WPS and Word often draw cell borders as filled rectangles). Paths
// are mapped to page space (y down) through the current transformation matrix.

type Matrix = [number, number, number, number, number, number];

/** The pdf.js operator codes this module reads (a subset of pdfjs OPS). */
export interface OpCodes {
  save: number; restore: number; transform: number; constructPath: number;
  paintFormXObjectBegin: number; paintFormXObjectEnd: number;
  stroke: number; closeStroke: number; fill: number; eoFill: number; fillStroke: number;
  eoFillStroke: number; closeFillStroke: number; closeEOFillStroke: number;
  setFillRGBColor: number; setStrokeRGBColor: number;
}

/** pdf.js DrawOPS: the path commands inside a constructPath buffer. */
const MOVE = 0, LINE = 1, CURVE = 2, QUAD = 3, CLOSE = 4;
/** Thickest filled rectangle taken for a ruling line, in points. */
const THIN = 2.5;
const AXIS = 0.8;

function multiply(m: Matrix, n: Matrix): Matrix {
  // The matrix that applies n first, then m.
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

const isWhite = (color: unknown) => typeof color === "string" && /^#f[a-f0-9]f[a-f0-9]f[a-f0-9]$/iu.test(color);

/** Splits a constructPath buffer into subpaths of page-space points. */
function subpaths(buf: ArrayLike<number>, ctm: Matrix): { pts: [number, number][]; closed: boolean }[] {
  const out: { pts: [number, number][]; closed: boolean }[] = [];
  let cur: { pts: [number, number][]; closed: boolean } | null = null;
  for (let i = 0; i < buf.length;) {
    const op = buf[i++];
    if (op === MOVE) {
      cur = { pts: [apply(ctm, buf[i], buf[i + 1])], closed: false };
      out.push(cur);
      i += 2;
    } else if (op === LINE) {
      const p = apply(ctm, buf[i], buf[i + 1]);
      if (!cur) { cur = { pts: [], closed: false }; out.push(cur); }
      cur.pts.push(p);
      i += 2;
    } else if (op === CURVE) {
      cur = null; // curves are not rulings; start afresh after one
      i += 6;
    } else if (op === QUAD) {
      cur = null;
      i += 4;
    } else if (op === CLOSE) {
      if (cur) { cur.closed = true; cur = null; }
    } else break;
  }
  return out;
}

function strokeSegments(pts: [number, number][], closed: boolean, out: Segment[]): void {
  const all = closed && pts.length > 2 ? [...pts, pts[0]] : pts;
  for (let k = 1; k < all.length; k++) {
    const [x1, y1] = all[k - 1];
    const [x2, y2] = all[k];
    if (Math.abs(y1 - y2) <= AXIS && Math.abs(x1 - x2) > AXIS) out.push({ dir: "h", at: (y1 + y2) / 2, from: Math.min(x1, x2), to: Math.max(x1, x2) });
    else if (Math.abs(x1 - x2) <= AXIS && Math.abs(y1 - y2) > AXIS) out.push({ dir: "v", at: (x1 + x2) / 2, from: Math.min(y1, y2), to: Math.max(y1, y2) });
  }
}

/** A filled subpath that is an axis-aligned rectangle thinner than THIN becomes one ruling. */
function fillSegment(pts: [number, number][], out: Segment[]): void {
  const ring = pts.length > 1 && Math.hypot(pts[0][0] - pts.at(-1)![0], pts[0][1] - pts.at(-1)![1]) < 0.01 ? pts.slice(0, -1) : pts;
  if (ring.length !== 4) return;
  for (let k = 0; k < 4; k++) {
    const [ax, ay] = ring[k];
    const [bx, by] = ring[(k + 1) % 4];
    if (Math.abs(ax - bx) > AXIS && Math.abs(ay - by) > AXIS) return;
  }
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  const x0 = Math.min(...xs), x1 = Math.max(...xs), y0 = Math.min(...ys), y1 = Math.max(...ys);
  const w = x1 - x0, h = y1 - y0;
  if (h <= THIN && w > h) out.push({ dir: "h", at: (y0 + y1) / 2, from: x0, to: x1 });
  else if (w <= THIN && h > w) out.push({ dir: "v", at: (x0 + x1) / 2, from: y0, to: y1 });
}

/** Ruling segments of one page; `view` maps user space to page space (the viewport transform). */
export function extractRulings(fnArray: number[], argsArray: unknown[], ops: OpCodes, view: Matrix): Segment[] {
  const out: Segment[] = [];
  const stack: { ctm: Matrix; fill: unknown; stroke: unknown }[] = [];
  let ctm = view;
  let fill: unknown = "#000000";
  let stroke: unknown = "#000000";
  const strokes = new Set([ops.stroke, ops.closeStroke, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  const fills = new Set([ops.fill, ops.eoFill, ops.fillStroke, ops.eoFillStroke, ops.closeFillStroke, ops.closeEOFillStroke]);
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push({ ctm, fill, stroke });
    else if (fn === ops.restore) ({ ctm, fill, stroke } = stack.pop() ?? { ctm, fill, stroke });
    else if (fn === ops.transform && args) ctm = multiply(ctm, args as unknown as Matrix);
    else if (fn === ops.paintFormXObjectBegin && args) {
      stack.push({ ctm, fill, stroke });
      const m = args[0] as Matrix | null;
      if (m && m.length === 6) ctm = multiply(ctm, [...m] as Matrix);
    } else if (fn === ops.paintFormXObjectEnd) ({ ctm, fill, stroke } = stack.pop() ?? { ctm, fill, stroke });
    else if (fn === ops.setFillRGBColor && args) fill = args[0];
    else if (fn === ops.setStrokeRGBColor && args) stroke = args[0];
    else if (fn === ops.constructPath && args) {
      const paint = args[0] as number;
      const buf = (args[1] as (ArrayLike<number> | null)[] | undefined)?.[0];
      if (!buf) continue;
      const doStroke = strokes.has(paint) && !isWhite(stroke);
      const doFill = fills.has(paint) && !isWhite(fill);
      if (!doStroke && !doFill) continue;
      for (const sp of subpaths(buf, ctm)) {
        if (doStroke) strokeSegments(sp.pts, sp.closed || paint === ops.closeStroke, out);
        if (doFill) fillSegment(sp.pts, out);
      }
    }
  }
  return out;
}
