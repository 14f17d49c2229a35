import { sql, type Kysely } from "kysely";
import type { Database } from "./database.ts";

// The archived reports, each with its current version: the rows of `nianbao reports`.

export interface ReportFilter {
  /** Substring of the agency name (case-insensitive). */
  agency?: string;
  /** Substring of the agency's region (山西省/吕梁市/…). */
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
      "r.id", "a.name as agency", "a.region", "r.year", "v.template", "v.title", "v.id as versionId", "v.failed_checks as failedChecks",
      "r.removed_at as removedAt", "r.source_url as sourceUrl",
      sql<string>`(select count(*) from report_versions c where c.report_id = r.id)`.as("versions"),
    ]);
  if (filter.agency) q = q.where("a.name", "ilike", `%${escapeLike(filter.agency.normalize("NFC"))}%`);
  if (filter.region) q = q.where("a.region", "ilike", `%${escapeLike(filter.region.normalize("NFC"))}%`);
  if (filter.year !== undefined) q = q.where("r.year", "=", filter.year);
  if (filter.template) q = q.where("v.template", "=", filter.template);
  if (filter.failedChecks) q = q.where(sql<boolean>`cardinality(v.failed_checks) > 0`);
  const rows = await q.orderBy("a.name").orderBy("r.year").orderBy("r.id").execute();
  return rows.map((r) => ({ ...r, versions: Number(r.versions) }));
}
