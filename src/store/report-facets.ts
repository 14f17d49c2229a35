import { sql, type Expression, type Kysely, type SqlBool } from "kysely";
import type { Database } from "./database.ts";
import { reportWhere, type ReportFilter, type ReportScope } from "./list-reports.ts";

// Facets of a report list, as datasette shows them: for the reports a filter (and, for a
// search, a text match) selects, how many fall in each year, template and region, how many fail
// some identity, and how many fail each one. The web's filters are built from these counts.

export interface FacetCount<T> { value: T; count: number }
export interface ReportFacets {
  total: number;
  years: FacetCount<number>[];
  templates: FacetCount<string>[];
  /** The regions as stored (山西省/吕梁市/孝义市), most reports first; null: not placed. */
  regions: FacetCount<string | null>[];
  /** Reports failing at least one identity. */
  failing: number;
  failedChecks: FacetCount<string>[];
}

const REGIONS = 30;

export async function reportFacets(
  db: Kysely<Database>, filter: ReportFilter, match?: (eb: ReportScope) => Expression<SqlBool>,
): Promise<ReportFacets> {
  const base = db.selectFrom("reports as r")
    .innerJoin("agencies as a", "a.id", "r.agency_id")
    .innerJoin("report_versions as v", (j) => j.onRef("v.id", "=", "r.latest_version_id"))
    .where((eb) => (match ? eb.and([reportWhere(eb, filter), match(eb)]) : reportWhere(eb, filter)));
  const [groups, rules] = await Promise.all([
    base.select([
      "r.year", "v.template", "a.region",
      sql<string>`count(*)`.as("n"),
      sql<string>`count(*) filter (where cardinality(v.failed_checks) > 0)`.as("failing"),
      sql<number>`grouping(r.year, v.template, a.region)`.as("g"),
    ]).groupBy(sql`grouping sets ((r.year), (v.template), (a.region), ())`).execute(),
    db.selectFrom(base.select(sql<string>`unnest(v.failed_checks)`.as("rule")).as("f"))
      .select(["f.rule", sql<string>`count(*)`.as("n")])
      .groupBy("f.rule").orderBy(sql`count(*)`, "desc").orderBy("f.rule").execute(),
  ]);
  // grouping() bits: year 4, template 2, region 1 (set when the column is rolled up).
  const pick = (g: number) => groups.filter((row) => Number(row.g) === g);
  const all = pick(7)[0];
  return {
    total: Number(all?.n ?? 0),
    failing: Number(all?.failing ?? 0),
    years: pick(3).map((row) => ({ value: row.year, count: Number(row.n) })).sort((x, y) => y.value - x.value),
    templates: pick(5).map((row) => ({ value: row.template, count: Number(row.n) })).sort((x, y) => y.count - x.count || x.value.localeCompare(y.value)),
    regions: pick(6).map((row) => ({ value: row.region, count: Number(row.n) }))
      .sort((x, y) => y.count - x.count || String(x.value).localeCompare(String(y.value))).slice(0, REGIONS),
    failedChecks: rules.map((row) => ({ value: row.rule, count: Number(row.n) })),
  };
}
