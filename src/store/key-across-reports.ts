import type { Kysely } from "kysely";
import type { Database } from "./database.ts";

// One cell key across all agencies and years (current versions): the research query the
// report_values_key index (key, version_id) exists for.

export interface KeyValue { reportId: string; agency: string; region: string | null; year: number; value: number }

// Plan: the current version of every report from one pass over the report_versions_report
// index (DISTINCT ON in its order, index-only), hash-joined with the key's rows from the
// report_values_key index; a correlated "latest" probe per row would be 10,000 subplans.
export function keyAcrossReportsQuery(db: Kysely<Database>, key: string) {
  return db.with("latest", (q) => q.selectFrom("report_versions").select(["id", "report_id"]).distinctOn("report_id")
      .orderBy("report_id").orderBy("last_seen", "desc").orderBy("id", "desc"))
    .selectFrom("report_values as rv")
    .innerJoin("latest as l", "l.id", "rv.version_id")
    .innerJoin("reports as r", "r.id", "l.report_id")
    .innerJoin("agencies as a", "a.id", "r.agency_id")
    .select(["r.id as reportId", "a.name as agency", "a.region", "r.year", "rv.value"])
    .where("rv.key", "=", key)
    .orderBy("r.agency_id").orderBy("r.year");
}

export async function keyAcrossReports(db: Kysely<Database>, key: string): Promise<KeyValue[]> {
  const rows = await keyAcrossReportsQuery(db, key).execute();
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}
