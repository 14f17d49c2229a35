import { sql, type Kysely } from "kysely";
import type { Database } from "./database.ts";

// Resolves an agency name as the user typed it: the exact name first, then a unique substring.
// Several agencies may share a name (城关镇人民政府 in many counties): that is ambiguous too.

export interface AgencyRef { id: string; name: string; region: string | null }
export type AgencyLookup =
  | { agency: AgencyRef }
  | { agency: null; reason: "ambiguous" | "unknown"; candidates: AgencyRef[]; count: number };

const CANDIDATES = 5;
const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export async function findAgency(db: Kysely<Database>, name: string): Promise<AgencyLookup> {
  const wanted = name.normalize("NFC").trim();
  const exact = await db.selectFrom("agencies").select(["id", "name", "region"]).where("name", "=", wanted).orderBy("id").execute();
  if (exact.length === 1) return { agency: exact[0] };
  if (exact.length > 1) return { agency: null, reason: "ambiguous", candidates: exact.slice(0, CANDIDATES), count: exact.length };
  const partial = await db.selectFrom("agencies").select(["id", "name", "region"])
    .where("name", "ilike", `%${escapeLike(wanted)}%`).orderBy(sql`length(name)`).orderBy("name").limit(51).execute();
  if (partial.length === 1) return { agency: partial[0] };
  if (partial.length > 1) return { agency: null, reason: "ambiguous", candidates: partial.slice(0, CANDIDATES), count: partial.length };
  return { agency: null, reason: "unknown", candidates: await similarAgencies(db, wanted), count: 0 };
}

/** Agencies sharing the most character bigrams with the name: suggestions for a typo. */
async function similarAgencies(db: Kysely<Database>, name: string): Promise<AgencyRef[]> {
  const chars = Array.from(name);
  const grams = [...new Set(chars.length < 2 ? chars : chars.slice(1).map((c, i) => chars[i] + c))].slice(0, 32);
  if (grams.length === 0) return [];
  const score = sql.join(grams.map((g) => sql`(strpos(name, ${g}) > 0)::int`), sql` + `);
  return db.selectFrom("agencies").select(["id", "name", "region"])
    .where(sql<boolean>`(${score}) > 0`).orderBy(sql`${score}`, "desc").orderBy("name").limit(CANDIDATES).execute();
}

/** An agency by its id (all digits) or, failing that, by name as findAgency does. */
export async function lookupAgency(db: Kysely<Database>, text: string): Promise<AgencyLookup> {
  const t = text.trim();
  if (/^\d{1,18}$/.test(t)) {
    const byId = await db.selectFrom("agencies").select(["id", "name", "region"]).where("id", "=", t).executeTakeFirst();
    if (byId) return { agency: byId };
  }
  return findAgency(db, t);
}
