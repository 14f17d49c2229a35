import { readFileSync } from "node:fs";
import { join } from "node:path";
import { extractDocument } from "../src/extract/extract-document.ts";
import { syntheticReport } from "../test/support/synthetic-report.ts";
import type { CorpusEntry } from "./corpus-plan.ts";
import { progress } from "./progress.ts";
import { verifyRecord, type Mismatch } from "./verify-record.ts";

// Our extractor over a list of corpus files, one after another in this process, after one
// warm-up document; each record is checked against the report it was rendered from. A baseline
// runs on each file just before ours, so that both see the same machine load (other processes
// on a shared machine shift over minutes; interleaving keeps the ratio honest).

/** Runs the baseline on one file and returns its wall time in ms. */
export type Baseline = (entry: CorpusEntry, path: string, bytes: Buffer) => Promise<number> | number;

export interface ExtractorRun {
  files: number;
  /** Wall time of extractDocument() summed over the files (reading the file not included). */
  ms: number;
  /** Wall time of the baseline summed over the files. */
  baselineMs: number;
  /** Pages our extractor reported (PDF). */
  pages: number;
  cells: number;
  cellMismatches: Mismatch[];
  fieldMismatches: Mismatch[];
  errors: { file: string; message: string }[];
}

export async function runExtractor(label: string, dir: string, entries: CorpusEntry[], baseline?: Baseline): Promise<ExtractorRun> {
  const run: ExtractorRun = { files: entries.length, ms: 0, baselineMs: 0, pages: 0, cells: 0, cellMismatches: [], fieldMismatches: [], errors: [] };
  if (entries.length === 0) return run;
  const warmPath = join(dir, entries[0].file);
  await baseline?.(entries[0], warmPath, readFileSync(warmPath));
  await extractDocument(readFileSync(warmPath), { name: entries[0].file }).catch(() => undefined);
  const bar = progress(label, entries.length);
  for (const [i, entry] of entries.entries()) {
    const path = join(dir, entry.file);
    const bytes = readFileSync(path);
    if (baseline) run.baselineMs += await baseline(entry, path, bytes);
    const start = performance.now();
    try {
      const { record } = await extractDocument(bytes, { name: entry.file });
      run.ms += performance.now() - start;
      run.pages += record.source?.pages ?? 0;
      const verdict = verifyRecord(entry.file, syntheticReport(entry.options), record);
      run.cells += verdict.cells;
      run.cellMismatches.push(...verdict.cellMismatches);
      run.fieldMismatches.push(...verdict.fieldMismatches);
    } catch (err) {
      run.ms += performance.now() - start;
      run.errors.push({ file: entry.file, message: err instanceof Error ? err.message : String(err) });
    }
    const ratio = baseline ? `, ×${(run.ms / run.baselineMs).toFixed(2)} baseline` : "";
    bar.tick(i + 1, `${(run.ms / (i + 1)).toFixed(1)} ms/file${ratio}, ${run.cellMismatches.length} mismatching cells`);
  }
  const base = baseline ? ` (baseline ${(run.baselineMs / 1000).toFixed(2)} s)` : "";
  bar.end(`${entries.length} files in ${(run.ms / 1000).toFixed(2)} s${base}, ${run.cellMismatches.length} mismatching cells, ${run.errors.length} errors`);
  return run;
}
