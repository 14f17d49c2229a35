import type { Kysely } from "kysely";
import type { Database } from "./database.ts";
import { diffRecords, type RecordDiff } from "./diff/record-diff.ts";
import { loadSnapshots } from "./version-snapshot.ts";

// Year over year for one agency: the current versions of two years' reports, compared.
// Index path: reports (agency_id, year) → report_versions_report → report_values primary key.

export interface YearSide { year: number; reportId: string; versionId: string; template: string }
export interface YearDiff extends RecordDiff { agencyId: string; before: YearSide; after: YearSide }

export type YearDiffResult = { diff: YearDiff } | { diff: null; missing: number[]; archived: number[] };

export async function diffYears(db: Kysely<Database>, agencyId: string, yearA: number, yearB: number): Promise<YearDiffResult> {
  const reports = await db.selectFrom("reports as r")
    .select(["r.id", "r.year", "r.latest_version_id as versionId"])
    .where("r.agency_id", "=", agencyId).execute();
  const a = reports.find((r) => r.year === yearA), b = reports.find((r) => r.year === yearB);
  if (!a?.versionId || !b?.versionId) {
    return { diff: null, missing: [yearA, yearB].filter((y) => !reports.some((r) => r.year === y && r.versionId)), archived: reports.map((r) => r.year).sort() };
  }
  const [sa, sb] = await loadSnapshots(db, [a.versionId, b.versionId]);
  return {
    diff: {
      agencyId,
      before: { year: yearA, reportId: a.id, versionId: a.versionId, template: sa.template },
      after: { year: yearB, reportId: b.id, versionId: b.versionId, template: sb.template },
      ...diffRecords(sa, sb),
    },
  };
}
