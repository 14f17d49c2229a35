import type { Check, Section } from "../../extract/report-record.ts";
import { diffChecks, type CheckChange } from "./check-diff.ts";
import { diffSections, type SectionDiff } from "./section-diff.ts";
import { diffValues, type CellChange } from "./value-diff.ts";

// What changed between two reports (two years of one agency) or two versions of one report.

/** The parts of a stored version that are compared. */
export interface RecordSnapshot {
  values: Record<string, number>;
  checks: readonly Check[];
  sections: readonly Section[];
}

export interface RecordDiff {
  cells: CellChange[];
  checks: CheckChange[];
  sections: SectionDiff[];
}

export function diffRecords(before: RecordSnapshot, after: RecordSnapshot): RecordDiff {
  return {
    cells: diffValues(before.values, after.values),
    checks: diffChecks(before.checks, after.checks),
    sections: diffSections(before.sections, after.sections),
  };
}

export const isEmptyDiff = (d: RecordDiff) => d.cells.length === 0 && d.checks.length === 0 && d.sections.every((s) => s.status === "same");
