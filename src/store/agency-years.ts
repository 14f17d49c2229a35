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

/** One statement: the agency, and its reports' current versions with their values as JSON. */
export async function agencyYears(db: Kysely<Database>, agencyId: string): Promise<AgencyYears | null> {
  const row = await db.selectFrom("agencies as a")
    .select(["a.id", "a.name", "a.region", "a.region_code as regionCode", "a.level", "a.portal_url as portalUrl",
      sql<YearJson[]>`(select coalesce(json_agg(json_build_object(
          'year', r.year, 'report_id', r.id::text, 'version_id', v.id::text, 'template', v.template, 'title', v.title,
          'failed_checks', v.failed_checks, 'removed_at', r.removed_at,
          'values', (select coalesce(json_object_agg(rv.key, rv.value), '{}') from report_values rv where rv.version_id = v.id)
        ) order by r.year), '[]')
        from reports r join report_versions v on v.id = r.latest_version_id where r.agency_id = a.id)`.as("years")])
    .where("a.id", "=", agencyId).executeTakeFirst();
  if (!row) return null;
  const { years: raw, ...agency } = row;
  const years = raw.map((y) => ({
    year: y.year, reportId: y.report_id, versionId: y.version_id, template: y.template, title: y.title, failedChecks: y.failed_checks,
    removedAt: y.removed_at ? new Date(y.removed_at) : null, values: y.values,
  }));
  const keys = [...new Set(years.flatMap((y) => Object.keys(y.values)))].sort(compareKeys);
  return { agency, years, keys };
}

interface YearJson {
  year: number; report_id: string; version_id: string; template: string; title: string | null; failed_checks: string[]; removed_at: string | null;
  /** numeric becomes a JSON number in json_object_agg: numbers as parsed. */
  values: Record<string, number>;
}
