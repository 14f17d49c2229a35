import type { Kysely } from "kysely";
import type { Database } from "./database.ts";
import { diffRecords, type RecordDiff } from "./diff/record-diff.ts";
import { loadSnapshots, type VersionSnapshot } from "./version-snapshot.ts";

// Two versions of one report, compared (cells, checks, text): what `nianbao history` shows for
// consecutive versions, for any pair.

export interface VersionDiff extends RecordDiff {
  reportId: string;
  before: Omit<VersionSnapshot, "values" | "checks" | "sections">;
  after: Omit<VersionSnapshot, "values" | "checks" | "sections">;
}

/** null when either version is not a version of that report. */
export async function diffVersions(db: Kysely<Database>, reportId: string, fromVersion: string, toVersion: string): Promise<VersionDiff | null> {
  const found = await db.selectFrom("report_versions").select("id")
    .where("report_id", "=", reportId).where("id", "in", [fromVersion, toVersion]).execute();
  if (found.length !== new Set([fromVersion, toVersion]).size) return null;
  const [a, b] = await loadSnapshots(db, [fromVersion, toVersion]);
  const meta = ({ values: _v, checks: _c, sections: _s, ...rest }: VersionSnapshot) => rest;
  return { reportId, before: meta(a), after: meta(b), ...diffRecords(a, b) };
}
