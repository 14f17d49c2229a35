import { sql, type Kysely } from "kysely";
import type { Database } from "./database.ts";
import { regionFilter } from "./region-filter.ts";

// The archived reports, each with its current version: the rows of `nianbao reports`.

export interface ReportFilter {
  /** Substring of the agency's name or one of its aliases (case-insensitive). */
  agency?: string;
  /** A region code prefix (6405, 640522) or a part of the agency's place names (海原, 山西省/吕梁市). */
  region?: string;
  year?: number;
  template?: "2021" | "2019" | "none";
  /** Only reports whose current version fails an accounting identity. */
  failedChecks?: boolean;
}

export interface ReportSummary {
  id: string;
  agency: string;
  region: string | null;
  regionCode: string | null;
  year: number;
  template: "2021" | "2019" | "none";
  title: string | null;
  versionId: string;
  versions: number;
  failedChecks: string[];
  removedAt: Date | null;
  sourceUrl: string | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listReports(db: Kysely<Database>, filter: ReportFilter = {}): Promise<ReportSummary[]> {
  let q = db.selectFrom("reports as r")
    .innerJoin("agencies as a", "a.id", "r.agency_id")
    .innerJoin("report_versions as v", (j) => j.onRef("v.id", "=", "r.latest_version_id"))
    .select([
      "r.id", "a.name as agency", "a.region", "a.region_code as regionCode", "r.year", "v.template", "v.title", "v.id as versionId", "v.failed_checks as failedChecks",
      "r.removed_at as removedAt", "r.source_url as sourceUrl",
      sql<string>`(select count(*) from report_versions c where c.report_id = r.id)`.as("versions"),
    ]);
  if (filter.agency) {
    const part = `%${escapeLike(filter.agency.normalize("NFC").trim())}%`;
    q = q.where(sql<boolean>`exists (select 1 from agency_names n join agencies m on m.id = n.agency_id
      where (m.id = a.id or m.merged_into = a.id) and n.name ilike ${part})`);
  }
  if (filter.region) q = q.where(regionFilter(filter.region));
  if (filter.year !== undefined) q = q.where("r.year", "=", filter.year);
  if (filter.template) q = q.where("v.template", "=", filter.template);
  if (filter.failedChecks) q = q.where(sql<boolean>`cardinality(v.failed_checks) > 0`);
  const rows = await q.orderBy("a.name").orderBy("r.year").orderBy("r.id").execute();
  return rows.map((r) => ({ ...r, versions: Number(r.versions) }));
}
