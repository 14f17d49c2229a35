import { sql, type Kysely } from "kysely";
import type { Database } from "./database.ts";
import { compareKeys } from "./form-layout.ts";

// Every year of one agency side by side: its reports' current versions and their values, and
// the cell keys any of them shows, in form order. What the web's agency page lays out.

export interface AgencyInfo {
  id: string;
  name: string;
  region: string | null;
  regionCode: string | null;
  level: string | null;
  portalUrl: string | null;
}

export interface AgencyYear {
  year: number;
  reportId: string;
  versionId: string;
  template: string;
  title: string | null;
  failedChecks: string[];
  removedAt: Date | null;
  values: Record<string, number>;
}

export interface AgencyYears { agency: AgencyInfo; years: AgencyYear[]; keys: string[] }

export async function agencyInfo(db: Kysely<Database>, agencyId: string): Promise<AgencyInfo | null> {
  const a = await db.selectFrom("agencies")
    .select(["id", "name", "region", "region_code as regionCode", "level", "portal_url as portalUrl"])
    .where("id", "=", agencyId).executeTakeFirst();
  return a ?? null;
}

/**
 * One statement: the agency, its reports' current versions, and their values pivoted by key
 * ({key: {year: value}}): each key is named once, not once per year — a third of the JSON to
 * send and parse that one object per year would be.
 */
export async function agencyYears(db: Kysely<Database>, agencyId: string): Promise<AgencyYears | null> {
  const row = await db.selectFrom("agencies as a")
    .select(["a.id", "a.name", "a.region", "a.region_code as regionCode", "a.level", "a.portal_url as portalUrl",
      sql<YearJson[]>`(select coalesce(json_agg(json_build_object(
          'year', r.year, 'report_id', r.id::text, 'version_id', v.id::text, 'template', v.template, 'title', v.title,
          'failed_checks', v.failed_checks, 'removed_at', r.removed_at
        ) order by r.year), '[]')
        from reports r join report_versions v on v.id = r.latest_version_id where r.agency_id = a.id)`.as("years"),
      sql<Record<string, Record<string, number>>>`(select coalesce(json_object_agg(k.key, k.by_year), '{}') from (
          select rv.key, json_object_agg(r.year, rv.value) as by_year
          from reports r join report_values rv on rv.version_id = r.latest_version_id where r.agency_id = a.id group by rv.key
        ) k)`.as("values")])
    .where("a.id", "=", agencyId).executeTakeFirst();
  if (!row) return null;
  const { years: raw, values: byKey, ...agency } = row;
  const years: AgencyYear[] = raw.map((y) => ({
    year: y.year, reportId: y.report_id, versionId: y.version_id, template: y.template, title: y.title, failedChecks: y.failed_checks,
    removedAt: y.removed_at ? new Date(y.removed_at) : null, values: {},
  }));
  const byYear = new Map(years.map((y) => [String(y.year), y.values]));
  const keys = Object.keys(byKey).sort(compareKeys);
  for (const key of keys) {
    for (const [year, value] of Object.entries(byKey[key])) {
      const values = byYear.get(year);
      if (values) values[key] = value;
    }
  }
  return { agency, years, keys };
}

interface YearJson {
  year: number; report_id: string; version_id: string; template: string; title: string | null; failed_checks: string[]; removed_at: string | null;
}
