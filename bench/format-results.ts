import { GOALS, type BenchResults, type PdfFigures } from "./bench-results.ts";

// The benchmark's figures as a compact plain-text table.

const f = (n: number, digits = 1) => n.toFixed(digits);
const mark = (ok: boolean) => (ok ? "ok" : "MISSED");

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ").trimEnd());
}

function pdfRow(label: string, p: PdfFigures): string[] {
  const pages = p.pagesMin === p.pagesMax ? String(p.pagesMin) : `${p.pagesMin}-${p.pagesMax}`;
  return [label, String(p.reports), pages, String(p.pages), f(p.oursMsPerPage, 2), f(p.pdftotextMsPerPage, 2),
    `${f(p.ratio, 2)} ${mark(p.ratio <= GOALS.pdfRatio)}`, f(p.pagesPerSecond), f(p.reportsPerSecond, 2)];
}

export function formatResults(r: BenchResults): string {
  const c = r.correctness;
  const h = r.html;
  const b = r.bigPdf;
  const lines = [
    `extraction benchmark — ${r.date}, node ${r.node}, ${r.cpu}, one core, corpus ${r.corpus.reused ? "reused" : "generated"} (${r.corpus.dir})`,
    "",
    ...table([
      ["PDF", "reports", "pages", "total pages", "ours ms/page", "pdftotext ms/page", `ratio (goal <= ${GOALS.pdfRatio})`, "pages/s", "reports/s"],
      pdfRow("multi-page reports", r.pdf),
      pdfRow("~100-page report", b),
    ]),
    "",
    ...table([
      ["HTML", "reports", `reports/s (goal >= ${GOALS.htmlReportsPerSecond})`, "bare-parse reports/s", "ratio (ours/bare)"],
      ["reports", String(h.reports), `${f(h.reportsPerSecond)} ${mark(h.reportsPerSecond >= GOALS.htmlReportsPerSecond)}`, f(h.bareParseReportsPerSecond), f(h.ratio)],
    ]),
    "",
    `peak RSS, ${b.pages}-page PDF: ours ${f(b.peakRssMb)} MB ${mark(b.peakRssMb < GOALS.peakRssMb)} (goal < ${GOALS.peakRssMb} MB); pdftotext ${b.pdftotextPeakRssMb === null ? "n/a" : `${f(b.pdftotextPeakRssMb)} MB`}`,
    `correctness: ${c.mismatchingCells} mismatching cells of ${c.cells} ${mark(c.mismatchingCells === 0 && c.errors.length === 0)} (must be 0); ${c.fieldMismatches} agency/year/template/kind mismatches; ${c.errors.length} extraction errors`,
  ];
  for (const e of c.errors.slice(0, 10)) lines.push(`  error ${e.file}: ${e.message}`);
  for (const m of c.examples) lines.push(`  ${m.file} ${m.key}: expected ${m.expected}, got ${m.got}`);
  return lines.join("\n");
}
