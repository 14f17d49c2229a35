import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { extractRulings, type OpCodes } from "./rulings.ts";
import type { Segment, TextRun } from "./types.ts";

// Reads one pdf.js page into text runs and ruling segments in page space (y down).

type Matrix = [number, number, number, number, number, number];

export interface PageContent {
  width: number;
  height: number;
  runs: TextRun[];
  segments: Segment[];
}

function compose(m: Matrix, n: number[]): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

export async function readPage(page: PDFPageProxy, ops: OpCodes): Promise<PageContent> {
  const viewport = page.getViewport({ scale: 1 });
  const view = viewport.transform as Matrix;
  const content = await page.getTextContent();
  const runs: TextRun[] = [];
  for (const item of content.items) {
    if (!("str" in item) || !item.str.trim()) continue;
    const m = compose(view, item.transform as number[]);
    // Horizontal text only: vertical or rotated runs are not part of the tables we read.
    if (Math.abs(m[1]) > 0.01 * Math.abs(m[0]) || m[0] <= 0) continue;
    const size = Math.hypot(m[2], m[3]);
    if (!(size > 0)) continue;
    runs.push({ text: item.str, x: m[4], y: m[5], width: item.width, size });
  }
  const list = await page.getOperatorList();
  const segments = extractRulings(list.fnArray, list.argsArray, ops, view);
  return { width: viewport.width, height: viewport.height, runs, segments };
}
