import type { Mismatch } from "./verify-record.ts";

// The figures one benchmark run produces: printed by format-results.ts, written as JSON.

export interface PdfFigures {
  reports: number;
  /** Fewest and most pages of one report. */
  pagesMin: number;
  pagesMax: number;
  pages: number;
  oursMs: number;
  pdftotextMs: number;
  oursMsPerPage: number;
  pdftotextMsPerPage: number;
  /** ours / pdftotext, per page. Goal: ≤ 3. */
  ratio: number;
  pagesPerSecond: number;
  reportsPerSecond: number;
}

export interface BenchResults {
  date: string;
  node: string;
  cpu: string;
  corpus: { dir: string; reused: boolean };
  pdf: PdfFigures;
  bigPdf: PdfFigures & {
    /** Our peak RSS extracting it alone in a fresh process. Goal: < 300 MB. */
    peakRssMb: number;
    /** pdftotext's peak RSS on it (GNU time), when measurable. */
    pdftotextPeakRssMb: number | null;
  };
  html: {
    reports: number;
    oursMs: number;
    bareParseMs: number;
    /** Goal: ≥ 100. */
    reportsPerSecond: number;
    bareParseReportsPerSecond: number;
    /** ours / bare parse, in time. */
    ratio: number;
  };
  correctness: {
    cells: number;
    /** Must be 0. */
    mismatchingCells: number;
    fieldMismatches: number;
    errors: { file: string; message: string }[];
    /** The first mismatches (cells, then fields). */
    examples: Mismatch[];
  };
}

export const GOALS = { pdfRatio: 3, htmlReportsPerSecond: 100, peakRssMb: 300 } as const;

export function pdfFigures(pageCounts: number[], oursMs: number, pdftotextMs: number): PdfFigures {
  const pages = pageCounts.reduce((a, b) => a + b, 0);
  return {
    reports: pageCounts.length,
    pagesMin: Math.min(...pageCounts),
    pagesMax: Math.max(...pageCounts),
    pages,
    oursMs,
    pdftotextMs,
    oursMsPerPage: oursMs / pages,
    pdftotextMsPerPage: pdftotextMs / pages,
    ratio: oursMs / pdftotextMs,
    pagesPerSecond: pages / (oursMs / 1000),
    reportsPerSecond: pageCounts.length / (oursMs / 1000),
  };
}
