import { sql, type Kysely } from "kysely";
import type { Check, Section } from "../extract/report-record.ts";
import type { Database } from "./database.ts";
import type { RecordSnapshot } from "./diff/record-diff.ts";

// What a diff compares of one stored version: its values (from report_values, the long form
// researchers query) and the checks and sections of its record.

export interface VersionSnapshot extends RecordSnapshot {
  versionId: string;
  reportId: string;
  extractorVersion: string;
  template: string;
  firstSeen: Date;
  lastSeen: Date;
}

interface StoredRecord { checks?: Check[]; sections?: Section[] }

export async function loadValues(db: Kysely<Database>, versionIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>(versionIds.map((id) => [id, {}]));
  if (versionIds.length === 0) return out;
  const rows = await db.selectFrom("report_values").select(["version_id", "key", "value"]).where("version_id", "in", versionIds).execute();
  for (const r of rows) out.get(r.version_id)![r.key] = Number(r.value);
  return out;
}

/** The versions with their values, in one statement (values aggregated as JSON beside each row). */
export async function loadSnapshots(db: Kysely<Database>, versionIds: readonly string[]): Promise<VersionSnapshot[]> {
  if (versionIds.length === 0) return [];
  const rows = await db.selectFrom("report_versions as v")
    .select(["v.id", "v.report_id", "v.extractor_version", "v.template", "v.first_seen", "v.last_seen", "v.record",
      sql<Record<string, number | string>>`(select coalesce(json_object_agg(rv.key, rv.value), '{}') from report_values rv where rv.version_id = v.id)`.as("values")])
    .where("v.id", "in", versionIds).execute();
  const versions = rows.map(({ values: _v, ...v }) => v);
  const values = new Map(rows.map((r) => [r.id, Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, Number(v)]))]));
  const byId = new Map(versions.map((v) => [v.id, v]));
  return versionIds.map((id) => {
    const v = byId.get(id);
    if (!v) throw new Error(`report version ${id} not found`);
    const record = (typeof v.record === "string" ? JSON.parse(v.record) : v.record) as StoredRecord;
    return {
      versionId: v.id, reportId: v.report_id, extractorVersion: v.extractor_version, template: v.template,
      firstSeen: v.first_seen, lastSeen: v.last_seen,
      values: values.get(id) ?? {}, checks: record.checks ?? [], sections: record.sections ?? [],
    };
  });
}
