import type { PDFPageProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { extractRulings, type OpCodes } from "./rulings.ts";
import type { Segment, TextRun } from "./types.ts";

// Reads one pdf.js page into text runs and ruling segments in page space (y down). The two
// are read separately: the rulings (the page's whole operator list) only where a table may be.

type Matrix = [number, number, number, number, number, number];

export interface PageText {
  width: number;
  height: number;
  runs: TextRun[];
  /** pdf.js names of the fonts the page's text uses. */
  fonts: string[];
}

function compose(m: Matrix, n: number[]): Matrix {
  return [
    m[0] * n[0] + m[2] * n[1], m[1] * n[0] + m[3] * n[1],
    m[0] * n[2] + m[2] * n[3], m[1] * n[2] + m[3] * n[3],
    m[0] * n[4] + m[2] * n[5] + m[4], m[1] * n[4] + m[3] * n[5] + m[5],
  ];
}

const viewTransform = (page: PDFPageProxy) => page.getViewport({ scale: 1 });

export async function readText(page: PDFPageProxy): Promise<PageText> {
  const viewport = viewTransform(page);
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
  return { width: viewport.width, height: viewport.height, runs, fonts: Object.keys(content.styles) };
}

/** The parts of the pdf.js module that reading rulings needs. */
export interface PdfJsCodes {
  OPS: OpCodes;
  AnnotationMode: { DISABLE: number };
}

export async function readRulings(page: PDFPageProxy, pdfjs: PdfJsCodes): Promise<Segment[]> {
  // Annotations (form fields, stamps) are drawn outside the page content: no table lives there.
  const list = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE });
  return extractRulings(list.fnArray, list.argsArray, pdfjs.OPS, viewTransform(page).transform as Matrix);
}
