import type { Kysely } from "kysely";
import type { Database } from "./database.ts";

// One cell key across all agencies and years (current versions): the research query the
// report_values_key index (key, version_id) exists for.

export interface KeyValue { reportId: string; agency: string; region: string | null; year: number; value: number }

// Plan: the key's rows from the report_values_key index (index-only), joined to the reports
// whose current version they belong to (reports.latest_version_id) and their agencies.
export function keyAcrossReportsQuery(db: Kysely<Database>, key: string) {
  return db.selectFrom("report_values as rv")
    .innerJoin("reports as r", "r.latest_version_id", "rv.version_id")
    .innerJoin("agencies as a", "a.id", "r.agency_id")
    .select(["r.id as reportId", "a.name as agency", "a.region", "r.year", "rv.value"])
    .where("rv.key", "=", key)
    .orderBy("r.agency_id").orderBy("r.year");
}

export async function keyAcrossReports(db: Kysely<Database>, key: string): Promise<KeyValue[]> {
  const rows = await keyAcrossReportsQuery(db, key).execute();
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}
