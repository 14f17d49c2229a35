import type { ReportRecord } from "../src/extract/report-record.ts";
import type { SyntheticReport } from "../test/support/synthetic-report.ts";

// Checks an extracted record against the synthetic report it was rendered from: every table
// value (missing, wrong or extra keys all count) and the report's agency, year and template.

export interface Mismatch {
  file: string;
  key: string;
  expected: string;
  got: string;
}

export interface Verdict {
  /** Cells the report shows. */
  cells: number;
  /** Value keys missing, different, or not in the report. */
  cellMismatches: Mismatch[];
  /** agency, year, template, kind. */
  fieldMismatches: Mismatch[];
}

const show = (v: unknown) => (v === undefined ? "(none)" : String(v));

export function verifyRecord(file: string, report: SyntheticReport, record: ReportRecord): Verdict {
  const cellMismatches: Mismatch[] = [];
  const got = record.values;
  for (const [key, expected] of Object.entries(report.values)) {
    const value = got[key] as number | null | undefined;
    if (typeof value !== "number" || Math.abs(value - expected) > 1e-9) cellMismatches.push({ file, key, expected: show(expected), got: show(value ?? undefined) });
  }
  for (const key of Object.keys(got)) {
    if (!(key in report.values) && got[key] !== null) cellMismatches.push({ file, key, expected: "(none)", got: show(got[key]) });
  }
  const fieldMismatches: Mismatch[] = [];
  const field = (key: string, expected: unknown, value: unknown) => {
    if (expected !== value) fieldMismatches.push({ file, key, expected: show(expected), got: show(value) });
  };
  field("kind", "annual_report", record.kind);
  field("agency", report.agency, record.agency);
  field("year", report.year, record.year);
  field("template", report.template, record.template);
  return { cells: Object.keys(report.values).length, cellMismatches, fieldMismatches };
}
