import { writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { pdfFigures, type BenchResults } from "./bench-results.ts";
import { bareParseMs } from "./bare-html-parse.ts";
import { ensureCorpus } from "./corpus.ts";
import { formatResults } from "./format-results.ts";
import { pdftotextMs, pdftotextPeakRssMb } from "./pdftotext.ts";
import { ourPeakRss } from "./peak-rss.ts";
import { hasGnuTime, requireTools } from "./preflight.ts";
import { runExtractor } from "./run-extractor.ts";

// `npm run bench:extract`: our extractor against pdftotext (PDF) and a bare htmlparser2 parse
// (HTML) on a synthetic corpus in .bench/, one core, every record checked against its report.
// Prints a table and writes the figures to .bench/extract-results.json.

const EXAMPLES_PRINTED = 30;
const EXAMPLES_SAVED = 1000;

requireTools();
const root = fileURLToPath(new URL("../", import.meta.url));
const benchDir = join(root, ".bench");
const corpus = await ensureCorpus(benchDir);
const { plan, pages, dir } = corpus;

const pdftotext = (_: unknown, path: string) => pdftotextMs(path);
const pdfRun = await runExtractor("PDF: pdftotext, ours", dir, plan.pdf, pdftotext);
const bigRun = await runExtractor("~100-page PDF: pdftotext, ours", dir, [plan.big], pdftotext);
const htmlRun = await runExtractor("HTML: bare parse, ours", dir, plan.html, bareParseMs);

const bigFile = join(dir, plan.big.file);
process.stderr.write("peak RSS: extracting the ~100-page PDF in a child process\n");
const child = await ourPeakRss(bigFile);
const theirRss = hasGnuTime() ? await pdftotextPeakRssMb(bigFile) : null;

const runs = [pdfRun, bigRun, htmlRun];
const cellMismatches = runs.flatMap((r) => r.cellMismatches);
const fieldMismatches = runs.flatMap((r) => r.fieldMismatches);
const rendered = [...plan.pdf, plan.big].reduce((s, e) => s + pages[e.file], 0);
if (pdfRun.pages + bigRun.pages !== rendered) process.stderr.write(`note: our extractor counted ${pdfRun.pages + bigRun.pages} PDF pages, the renderer wrote ${rendered}\n`);

const results: BenchResults = {
  date: new Date().toISOString(),
  node: process.version,
  cpu: cpus()[0]?.model.trim() ?? "unknown CPU",
  corpus: { dir: relative(root, dir), reused: corpus.reused },
  pdf: pdfFigures(plan.pdf.map((e) => pages[e.file]), pdfRun.ms, pdfRun.baselineMs),
  bigPdf: { ...pdfFigures([pages[plan.big.file]], bigRun.ms, bigRun.baselineMs), peakRssMb: child.maxRssMb, pdftotextPeakRssMb: theirRss },
  html: {
    reports: plan.html.length,
    oursMs: htmlRun.ms,
    bareParseMs: htmlRun.baselineMs,
    reportsPerSecond: plan.html.length / (htmlRun.ms / 1000),
    bareParseReportsPerSecond: plan.html.length / (htmlRun.baselineMs / 1000),
    ratio: htmlRun.ms / htmlRun.baselineMs,
  },
  correctness: {
    cells: runs.reduce((s, r) => s + r.cells, 0),
    mismatchingCells: cellMismatches.length,
    fieldMismatches: fieldMismatches.length,
    errors: runs.flatMap((r) => r.errors),
    examples: [...cellMismatches, ...fieldMismatches].slice(0, EXAMPLES_SAVED),
  },
};

console.log(formatResults({ ...results, correctness: { ...results.correctness, examples: results.correctness.examples.slice(0, EXAMPLES_PRINTED) } }));
const more = results.correctness.examples.length - EXAMPLES_PRINTED;
if (more > 0) console.log(`  … ${more} more in .bench/extract-results.json`);
writeFileSync(join(benchDir, "extract-results.json"), JSON.stringify(results, null, 1) + "\n");
