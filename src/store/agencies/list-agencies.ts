import { sql, type Kysely } from "kysely";
import type { Database } from "../database.ts";
import { regionFilter } from "../region-filter.ts";

// The agency identities (`nianbao agencies`): each with its other spellings (its own and those of
// identities merged into it), its placement and the years it has reports for.

export interface AgencySummary {
  id: string;
  name: string;
  aliases: string[];
  regionCode: string | null;
  level: string | null;
  region: string | null;
  /** Why it is not placed, when it is not. */
  placementNote: string | null;
  years: number[];
}

export interface AgencyFilter {
  /** Code prefix or part of the place names (as `reports --region`). */
  region?: string;
  /** Part of a name or alias. */
  name?: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function listAgencies(db: Kysely<Database>, filter: AgencyFilter = {}): Promise<AgencySummary[]> {
  let q = db.selectFrom("agencies as a")
    .select([
      "a.id", "a.name", "a.region_code as regionCode", "a.level", "a.region", "a.placement_note as placementNote",
      sql<string[]>`array(select distinct n.name from agency_names n join agencies m on m.id = n.agency_id
        where (m.id = a.id or m.merged_into = a.id) and n.name <> a.name order by n.name)`.as("aliases"),
      sql<number[]>`array(select r.year from reports r where r.agency_id = a.id and r.latest_version_id is not null order by r.year)`.as("years"),
    ])
    .where("a.merged_into", "is", null);
  if (filter.region) q = q.where(regionFilter(filter.region));
  if (filter.name) {
    const part = `%${escapeLike(filter.name.normalize("NFC").trim())}%`;
    q = q.where(sql<boolean>`(a.name ilike ${part} or exists (select 1 from agency_names n join agencies m on m.id = n.agency_id
      where (m.id = a.id or m.merged_into = a.id) and n.name ilike ${part}))`);
  }
  return q.orderBy(sql`a.region_code is null`).orderBy("a.region_code").orderBy("a.name").orderBy("a.id").execute();
}
