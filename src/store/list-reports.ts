import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from "kysely";
import type { AgenciesTable, Database, ReportsTable, ReportVersionsTable } from "./database.ts";
import { regionFilter } from "./region-filter.ts";

// The archived reports, each with its current version: the rows of `nianbao reports`, and the
// filter every report list shares (the web's lists, facets, search and exports).

export interface ReportFilter {
  /** Substring of the agency's name or one of its aliases (case-insensitive). */
  agency?: string;
  /** One agency, by id (as resolved by findAgency). */
  agencyId?: string;
  /** A region code prefix (6405, 640522) or a part of the agency's place names (海原, 山西省/吕梁市). */
  region?: string;
  year?: number;
  template?: "2021" | "2019" | "none";
  /** Only reports whose current version fails an accounting identity. */
  failedChecks?: boolean;
  /** Only reports whose current version fails this identity (a rule name). */
  failedCheck?: string;
}

export interface ReportSummary {
  id: string;
  agencyId: string;
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

/** Where a page of the list starts: after this (agency name, year, report id). */
export interface ReportKey { agency: string; year: number; id: string }

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The tables a report filter speaks of, by the aliases every report query uses. */
export type ReportScope = ExpressionBuilder<{ r: ReportsTable; a: AgenciesTable; v: ReportVersionsTable }, "r" | "a" | "v">;

/** The filter as one condition on reports r, agencies a and current versions v. */
export function reportWhere(eb: ReportScope, filter: ReportFilter): Expression<SqlBool> {
  const conds: Expression<SqlBool>[] = [];
  if (filter.agency) {
    const part = `%${escapeLike(filter.agency.normalize("NFC").trim())}%`;
    conds.push(sql<boolean>`exists (select 1 from agency_names n join agencies m on m.id = n.agency_id
      where (m.id = a.id or m.merged_into = a.id) and n.name ilike ${part})`);
  }
  if (filter.agencyId) conds.push(eb("r.agency_id", "=", filter.agencyId));
  if (filter.region) conds.push(regionFilter(filter.region));
  if (filter.year !== undefined) conds.push(eb("r.year", "=", filter.year));
  if (filter.template) conds.push(eb("v.template", "=", filter.template));
  if (filter.failedChecks) conds.push(sql<boolean>`cardinality(v.failed_checks) > 0`);
  if (filter.failedCheck) conds.push(sql<boolean>`v.failed_checks @> array[${filter.failedCheck}]::text[]`);
  return eb.and(conds);
}

function reportsQuery(db: Kysely<Database>, filter: ReportFilter) {
  return db.selectFrom("reports as r")
    .innerJoin("agencies as a", "a.id", "r.agency_id")
    .innerJoin("report_versions as v", (j) => j.onRef("v.id", "=", "r.latest_version_id"))
    .select([
      "r.id", "a.id as agencyId", "a.name as agency", "a.region", "a.region_code as regionCode", "r.year", "v.template", "v.title", "v.id as versionId", "v.failed_checks as failedChecks",
      "r.removed_at as removedAt", "r.source_url as sourceUrl",
      sql<string>`(select count(*) from report_versions c where c.report_id = r.id)`.as("versions"),
    ])
    .where((eb) => reportWhere(eb, filter));
}

export async function listReports(db: Kysely<Database>, filter: ReportFilter = {}): Promise<ReportSummary[]> {
  const rows = await reportsQuery(db, filter).orderBy("a.name").orderBy("r.year").orderBy("r.id").execute();
  return rows.map((r) => ({ ...r, versions: Number(r.versions) }));
}

/** One page of the list (keyset: by agency name, year, id), and where the next page starts. */
export async function listReportsPage(
  db: Kysely<Database>, filter: ReportFilter, page: { after?: ReportKey; limit: number },
): Promise<{ reports: ReportSummary[]; next: ReportKey | null }> {
  let q = reportsQuery(db, filter);
  const after = page.after;
  if (after) q = q.where(sql<boolean>`(a.name, r.year, r.id) > (${after.agency}, ${after.year}::int, ${after.id}::bigint)`);
  const rows = await q.orderBy("a.name").orderBy("r.year").orderBy("r.id").limit(page.limit + 1).execute();
  const reports = rows.slice(0, page.limit).map((r) => ({ ...r, versions: Number(r.versions) }));
  const last = reports[reports.length - 1];
  return { reports, next: rows.length > page.limit && last ? { agency: last.agency, year: last.year, id: last.id } : null };
}
