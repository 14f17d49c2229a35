import { sql, type Kysely } from "kysely";
import type { Database } from "./database.ts";
import { reportWhere, type ReportFilter, type ReportKey } from "./list-reports.ts";

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

// ── several keys, filtered and paged (the web's key-across-agencies page and /api/values) ──

export interface KeysRow { reportId: string; agencyId: string; agency: string; region: string | null; year: number; values: Record<string, number> }

/**
 * The reports (current versions) the filter selects that show any of `keys`, by agency name,
 * year and id, one page at a time (keyset), each with the values of those keys it shows.
 * One statement: each report's values of those keys aggregated as JSON beside it (the
 * report_values_key index, index-only), which is also what tells whether it shows any.
 */
export async function valuesAcrossReports(
  db: Kysely<Database>, keys: readonly string[], filter: ReportFilter, page: { after?: ReportKey; limit: number },
): Promise<{ rows: KeysRow[]; next: ReportKey | null }> {
  if (keys.length === 0) return { rows: [], next: null };
  let q = db.selectFrom("reports as r")
    .innerJoin("agencies as a", "a.id", "r.agency_id")
    .innerJoin("report_versions as v", (j) => j.onRef("v.id", "=", "r.latest_version_id"))
    .innerJoinLateral((eb) => eb.selectFrom("report_values as rv")
      // numeric becomes a JSON number: values as parsed.
      .select(sql<Record<string, number> | null>`json_object_agg(rv.key, rv.value)`.as("values"))
      .whereRef("rv.version_id", "=", "r.latest_version_id").where("rv.key", "in", keys).as("x"), (j) => j.onTrue())
    .select(["r.id as reportId", "a.id as agencyId", "a.name as agency", "a.region", "r.year", "x.values"])
    .where((eb) => eb.and([reportWhere(eb, filter), eb("x.values", "is not", null)]));
  if (page.after) q = q.where(sql<boolean>`(a.name, r.year, r.id) > (${page.after.agency}, ${page.after.year}::int, ${page.after.id}::bigint)`);
  const reports = await q.orderBy("a.name").orderBy("r.year").orderBy("r.id").limit(page.limit + 1).execute();
  const shown = reports.slice(0, page.limit);
  const last = shown[shown.length - 1];
  return {
    rows: shown.map((r) => ({ ...r, values: numbers(r.values ?? {}) })),
    next: reports.length > page.limit && last ? { agency: last.agency, year: last.year, id: last.reportId } : null,
  };
}

function numbers(values: Record<string, number | string>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(values)) out[k] = Number(v);
  return out;
}
