import { sql, type Kysely } from "kysely";
import type { Database } from "./database.ts";
import { divisionIndex } from "./divisions/division-index.ts";
import { identifyAgency } from "./identity/identify-agency.ts";

// Resolves an agency as the user typed it, to its identity: an id (all digits), else an exact
// name or alias, else another spelling of a known identity (海原县发改局 finds 海原县发展和改革局:
// the same identity key), else a unique part of a name or alias. Several identities may share a
// name (城关镇人民政府 in many counties): that is ambiguous too. An identity merged into another
// resolves to that one.

export interface AgencyRef { id: string; name: string; region: string | null; regionCode: string | null }
export type AgencyLookup =
  | { agency: AgencyRef }
  | { agency: null; reason: "ambiguous" | "unknown"; candidates: AgencyRef[]; count: number };

const CANDIDATES = 5;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Identities (merged ones resolved) of the agency rows matching `where`, shortest name first. */
async function identities(db: Kysely<Database>, where: ReturnType<typeof sql<boolean>>, limit = 51): Promise<AgencyRef[]> {
  const { rows } = await sql<AgencyRef>`
    select i.id, i.name, i.region, i.region_code as "regionCode" from agencies i
    where i.merged_into is null and i.id in (select coalesce(m.merged_into, m.id) from agencies m where ${where})
    order by length(i.name), i.name, i.id limit ${limit}`.execute(db);
  return rows;
}

export async function findAgency(db: Kysely<Database>, text: string): Promise<AgencyLookup> {
  const wanted = text.normalize("NFC").trim();
  const found = (list: AgencyRef[]): AgencyLookup | undefined => {
    if (list.length === 1) return { agency: list[0] };
    if (list.length > 1) return { agency: null, reason: "ambiguous", candidates: list.slice(0, CANDIDATES), count: list.length };
    return undefined;
  };
  if (/^\d+$/.test(wanted)) {
    const byId = found(await identities(db, sql<boolean>`m.id = ${wanted}::bigint`));
    if (byId) return byId;
  }
  const exact = found(await identities(db, sql<boolean>`m.name = ${wanted} or exists (select 1 from agency_names n where n.agency_id = m.id and n.name = ${wanted})`));
  if (exact) return exact;
  const identity = identifyAgency(await divisionIndex(db), { name: wanted });
  const byKey = found(await identities(db, sql<boolean>`m.identity_key = ${identity.key}`));
  if (byKey) return byKey;
  const part = `%${escapeLike(wanted)}%`;
  const partial = found(await identities(db, sql<boolean>`m.name ilike ${part} or exists (select 1 from agency_names n where n.agency_id = m.id and n.name ilike ${part})`));
  if (partial) return partial;
  return { agency: null, reason: "unknown", candidates: await similarAgencies(db, wanted), count: 0 };
}

/** Agencies sharing the most character bigrams with the name: suggestions for a typo. */
async function similarAgencies(db: Kysely<Database>, name: string): Promise<AgencyRef[]> {
  const chars = Array.from(name);
  const grams = [...new Set(chars.length < 2 ? chars : chars.slice(1).map((c, i) => chars[i] + c))].slice(0, 32);
  if (grams.length === 0) return [];
  const score = sql.join(grams.map((g) => sql`(strpos(name, ${g}) > 0)::int`), sql` + `);
  return db.selectFrom("agencies").select(["id", "name", "region", "region_code as regionCode"]).where("merged_into", "is", null)
    .where(sql<boolean>`(${score}) > 0`).orderBy(sql`${score}`, "desc").orderBy("name").limit(CANDIDATES).execute();
}
