import type { Kysely } from "kysely";
import type { Database } from "./database.ts";
import { diffRecords, type RecordDiff } from "./diff/record-diff.ts";
import { snapshotColumns, toSnapshot } from "./version-snapshot.ts";

// Year over year for one agency: the current versions of two years' reports, compared.
// Index path: reports (agency_id, year) → report_versions primary key → report_values primary key.

export interface YearSide { year: number; reportId: string; versionId: string; template: string }
export interface YearDiff extends RecordDiff { agencyId: string; before: YearSide; after: YearSide }

export type YearDiffResult = { diff: YearDiff } | { diff: null; missing: number[]; archived: number[] };

/** One statement: the agency's reports (which years it has), with snapshots of the two years' current versions. */
export async function diffYears(db: Kysely<Database>, agencyId: string, yearA: number, yearB: number): Promise<YearDiffResult> {
  const reports = await db.selectFrom("reports as r")
    .leftJoin("report_versions as v", (j) => j.onRef("v.id", "=", "r.latest_version_id").on("r.year", "in", [yearA, yearB]))
    .select(["r.id as reportId", "r.year", "r.latest_version_id as versionId", ...snapshotColumns()])
    .where("r.agency_id", "=", agencyId).execute();
  const a = reports.find((r) => r.year === yearA), b = reports.find((r) => r.year === yearB);
  if (!a?.versionId || !b?.versionId || !a.id || !b.id) {
    return { diff: null, missing: [yearA, yearB].filter((y) => !reports.some((r) => r.year === y && r.versionId)), archived: reports.map((r) => r.year).sort() };
  }
  const sa = toSnapshot(a), sb = toSnapshot(b);
  return {
    diff: {
      agencyId,
      before: { year: yearA, reportId: a.reportId, versionId: a.versionId, template: sa.template },
      after: { year: yearB, reportId: b.reportId, versionId: b.versionId, template: sb.template },
      ...diffRecords(sa, sb),
    },
  };
}
