import { sql, type Kysely } from "kysely";
import type { Database } from "./database.ts";

// The archive's latest changes, newest first: versions archived (a new report, or a new version
// of one already archived) and reports marked removed from their portals.

export interface ArchiveChange {
  kind: "new_report" | "new_version" | "removed";
  at: Date;
  reportId: string;
  versionId: string | null;
  agencyId: string;
  agency: string;
  year: number;
}

export async function recentChanges(db: Kysely<Database>, limit = 20): Promise<ArchiveChange[]> {
  const versions = await db.selectFrom("report_versions as v")
    .innerJoin("reports as r", "r.id", "v.report_id")
    .innerJoin("agencies as a", "a.id", "r.agency_id")
    .select([
      "v.created_at as at", "r.id as reportId", "v.id as versionId", "a.id as agencyId", "a.name as agency", "r.year",
      sql<boolean>`not exists (select 1 from report_versions p where p.report_id = v.report_id and p.id < v.id)`.as("first"),
    ])
    .orderBy("v.created_at", "desc").orderBy("v.id", "desc").limit(limit).execute();
  const removed = await db.selectFrom("reports as r")
    .innerJoin("agencies as a", "a.id", "r.agency_id")
    .select(["r.removed_at as at", "r.id as reportId", "a.id as agencyId", "a.name as agency", "r.year"])
    .where("r.removed_at", "is not", null)
    .orderBy("r.removed_at", "desc").orderBy("r.id", "desc").limit(limit).execute();
  const changes: ArchiveChange[] = [
    ...versions.map(({ first, at, ...v }) => ({ ...v, at: at as unknown as Date, kind: first ? "new_report" as const : "new_version" as const })),
    ...removed.map((r) => ({ ...r, at: r.at as Date, versionId: null, kind: "removed" as const })),
  ];
  return changes.sort((a, b) => b.at.getTime() - a.at.getTime()).slice(0, limit);
}
