import { sql, type Kysely } from "kysely";
import type { Database } from "./database.ts";

// Browsing by place: agencies.region holds the place names above an agency, slash-separated
// (山西省/吕梁市/孝义市). The places one level below a path, each with how many agencies and
// reports lie under it, and the agencies placed exactly at a path (null: not placed at all).

export interface RegionNode { name: string; path: string; agencies: number; reports: number }
export interface RegionAgency { id: string; name: string; region: string | null; years: number[] }

const splitPath = (region: string) => region.split("/").map((s) => s.trim()).filter(Boolean);

/** The places directly below `path` ("" for the top), and the agencies with no region at all. */
export async function regionChildren(db: Kysely<Database>, path: string): Promise<{ children: RegionNode[]; unplaced: { agencies: number; reports: number } }> {
  const rows = await db.selectFrom("agencies as a")
    .leftJoin("reports as r", "r.agency_id", "a.id")
    .select(["a.region", sql<string>`count(distinct a.id)`.as("agencies"), sql<string>`count(r.id)`.as("reports")])
    .groupBy("a.region").execute();
  const prefix = splitPath(path);
  const children = new Map<string, RegionNode>();
  let unplaced = { agencies: 0, reports: 0 };
  for (const row of rows) {
    if (row.region === null || splitPath(row.region).length === 0) {
      unplaced = { agencies: unplaced.agencies + Number(row.agencies), reports: unplaced.reports + Number(row.reports) };
      continue;
    }
    const parts = splitPath(row.region);
    if (parts.length <= prefix.length || prefix.some((p, i) => parts[i] !== p)) continue;
    const name = parts[prefix.length];
    const node = children.get(name) ?? { name, path: [...prefix, name].join("/"), agencies: 0, reports: 0 };
    node.agencies += Number(row.agencies);
    node.reports += Number(row.reports);
    children.set(name, node);
  }
  return { children: [...children.values()].sort((a, b) => b.reports - a.reports || a.name.localeCompare(b.name, "zh")), unplaced };
}

/** The agencies placed exactly at `path` (null: those with no region), with the years archived. */
export async function regionAgencies(db: Kysely<Database>, path: string | null, limit = 1000): Promise<RegionAgency[]> {
  let q = db.selectFrom("agencies as a")
    .leftJoin("reports as r", "r.agency_id", "a.id")
    .select(["a.id", "a.name", "a.region", sql<number[]>`coalesce(array_agg(r.year order by r.year) filter (where r.id is not null), '{}')`.as("years")])
    .groupBy("a.id");
  q = path === null ? q.where("a.region", "is", null) : q.where("a.region", "=", path);
  return q.orderBy("a.name").orderBy("a.id").limit(limit).execute();
}
