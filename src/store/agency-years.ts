import type { Kysely } from "kysely";
import type { Database } from "./database.ts";
import { compareKeys } from "./form-layout.ts";
import { loadValues } from "./version-snapshot.ts";

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

export async function agencyYears(db: Kysely<Database>, agencyId: string): Promise<AgencyYears | null> {
  const agency = await agencyInfo(db, agencyId);
  if (!agency) return null;
  const reports = await db.selectFrom("reports as r")
    .innerJoin("report_versions as v", (j) => j.onRef("v.id", "=", "r.latest_version_id"))
    .select(["r.year", "r.id as reportId", "v.id as versionId", "v.template", "v.title", "v.failed_checks as failedChecks", "r.removed_at as removedAt"])
    .where("r.agency_id", "=", agencyId).orderBy("r.year").execute();
  const values = await loadValues(db, reports.map((r) => r.versionId));
  const years = reports.map((r) => ({ ...r, values: values.get(r.versionId) ?? {} }));
  const keys = [...new Set(years.flatMap((y) => Object.keys(y.values)))].sort(compareKeys);
  return { agency, years, keys };
}
