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

export async function loadValues(db: Kysely<Database>, versionIds: readonly string[]): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>(versionIds.map((id) => [id, {}]));
  if (versionIds.length === 0) return out;
  const rows = await db.selectFrom("report_values").select(["version_id", "key", "value"]).where("version_id", "in", versionIds).execute();
  for (const r of rows) out.get(r.version_id)![r.key] = Number(r.value);
  return out;
}

/**
 * The columns of a snapshot of version `v`: its metadata, its values aggregated as JSON, and of
 * its record only the checks and sections (the record also holds the values again and the
 * metadata: no need to send and parse them twice).
 */
export function snapshotColumns() {
  return [
    sql<string>`v.id`.as("id"), sql<string>`v.report_id`.as("report_id"), sql<string>`v.extractor_version`.as("extractor_version"),
    sql<string>`v.template`.as("template"), sql<Date>`v.first_seen`.as("first_seen"), sql<Date>`v.last_seen`.as("last_seen"),
    sql<Check[] | null>`v.record -> 'checks'`.as("checks"), sql<Section[] | null>`v.record -> 'sections'`.as("sections"),
    sql<Record<string, number | string>>`(select coalesce(json_object_agg(rv.key, rv.value), '{}') from report_values rv where rv.version_id = v.id)`.as("values"),
  ] as const;
}

export interface SnapshotRow {
  id: string; report_id: string; extractor_version: string; template: string; first_seen: Date; last_seen: Date;
  checks: Check[] | string | null; sections: Section[] | string | null; values: Record<string, number | string>;
}

const parsed = <T>(v: T | string | null): T | null => (typeof v === "string" ? (JSON.parse(v) as T) : v);

export function toSnapshot(v: SnapshotRow): VersionSnapshot {
  const values: Record<string, number> = {};
  for (const [k, x] of Object.entries(v.values)) values[k] = Number(x);
  return {
    versionId: v.id, reportId: v.report_id, extractorVersion: v.extractor_version, template: v.template,
    firstSeen: v.first_seen, lastSeen: v.last_seen,
    values, checks: parsed(v.checks) ?? [], sections: parsed(v.sections) ?? [],
  };
}

/** The versions with their values, in one statement (values aggregated as JSON beside each row). */
export async function loadSnapshots(db: Kysely<Database>, versionIds: readonly string[]): Promise<VersionSnapshot[]> {
  if (versionIds.length === 0) return [];
  const rows = await db.selectFrom("report_versions as v").select(snapshotColumns()).where("v.id", "in", versionIds).execute();
  const byId = new Map(rows.map((v) => [v.id, v]));
  return versionIds.map((id) => {
    const v = byId.get(id);
    if (!v) throw new Error(`report version ${id} not found`);
    return toSnapshot(v);
  });
}
