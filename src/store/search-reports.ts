import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import type { Database } from "./database.ts";
import { reportWhere, type ReportFilter, type ReportScope } from "./list-reports.ts";
import { searchTerms } from "./search-terms.ts";
import { snippet, type Snippet } from "./snippet.ts";

// Full-text search over the current versions' text. The query becomes the same search terms
// the text was indexed with (Han character bigrams, ASCII words): each whitespace-separated word
// a phrase (its bigrams in order, so a Chinese word matches as a substring), all words required,
// answered from the GIN index on report_versions.search and ranked by ts_rank; when nothing
// matches so, the bigrams in any order. A one-character query has no bigram: it falls back to
// ILIKE over the text (a scan), ranked by occurrences.

export interface SearchOptions extends ReportFilter { limit?: number }
export interface SearchHit {
  reportId: string;
  versionId: string;
  agencyId: string;
  agency: string;
  region: string | null;
  year: number;
  title: string | null;
  rank: number;
  snippet: Snippet | null;
}

/** How the query was matched: its words as phrases, their bigrams in any order, or (one character) as a substring. */
export type SearchMode = "phrase" | "any" | "substring";
/** Where the next page starts: after this hit, in this mode. */
export interface SearchCursor { mode: SearchMode; rank: number; year: number; id: string }
export interface SearchPage { hits: SearchHit[]; mode: SearchMode; next: SearchCursor | null }

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Whether a query has anything to search for (some letter, digit or Han character). */
export const searchable = (query: string) => searchTerms(query) !== "";

export async function searchReports(db: Kysely<Database>, query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  return (await searchReportsPage(db, query, options)).hits;
}

/** One page of hits, best first; the first page decides the mode, later pages keep it. */
export async function searchReportsPage(db: Kysely<Database>, query: string, options: SearchOptions & { after?: SearchCursor } = {}): Promise<SearchPage> {
  const q = query.normalize("NFC").trim();
  if (!searchable(q)) return { hits: [], mode: "phrase", next: null };
  if (options.after) return run(db, q, options, options.after.mode);
  if (Array.from(q).length === 1) return run(db, q, options, "substring");
  // Each word as a phrase (its bigrams in order: a substring match), all words required; when
  // no text holds them so, any order (the bigrams anywhere), e.g. for text past tsvector's
  // 16,383 positions.
  const exact = await run(db, q, options, "phrase");
  return exact.hits.length ? exact : run(db, q, options, "any");
}

function tsquery(q: string, mode: "phrase" | "any"): RawBuilder<unknown> {
  const words = q.split(/\s+/).map((w) => searchTerms(w)).filter((t) => t !== "");
  if (mode === "any") return sql`plainto_tsquery('simple', ${words.join(" ")})`;
  return sql`(${sql.join(words.map((w) => sql`phraseto_tsquery('simple', ${w})`), sql` && `)})`;
}

/** The text match of a search, as a condition on current versions v (for facets of the hits). */
export function searchMatch(query: string, mode: SearchMode): (eb: ReportScope) => Expression<SqlBool> {
  const q = query.normalize("NFC").trim();
  return () => (mode === "substring" ? sql<boolean>`v.text ilike ${`%${escapeLike(q)}%`}` : sql<boolean>`v.search @@ ${tsquery(q, mode)}`);
}

async function run(db: Kysely<Database>, q: string, options: SearchOptions & { after?: SearchCursor }, mode: SearchMode): Promise<SearchPage> {
  const limit = options.limit ?? 20;
  const rank = mode === "substring"
    ? sql<number>`((length(lower(v.text)) - length(replace(lower(v.text), lower(${q}), ''))) / length(${q})::real)::real`
    : sql<number>`ts_rank(v.search, ${tsquery(q, mode)})`;
  let s = db.selectFrom("report_versions as v")
    .innerJoin("reports as r", "r.id", "v.report_id")
    .innerJoin("agencies as a", "a.id", "r.agency_id")
    .select(["r.id as reportId", "v.id as versionId", "a.id as agencyId", "a.name as agency", "a.region", "r.year", "v.title", "v.text", rank.as("rank")])
    .where((eb) => eb.and([searchMatch(q, mode)(eb), reportWhere(eb, options)]))
    .whereRef("v.id", "=", "r.latest_version_id");
  const after = options.after;
  if (after) {
    s = s.where(sql<boolean>`(${rank} < ${after.rank}::real or (${rank} = ${after.rank}::real and (r.year < ${after.year}::int or (r.year = ${after.year}::int and r.id > ${after.id}::bigint))))`);
  }
  const rows = await s.orderBy("rank", "desc").orderBy("r.year", "desc").orderBy("r.id").limit(limit + 1).execute();
  const hits = rows.slice(0, limit).map(({ text, ...r }) => ({ ...r, rank: Number(r.rank), snippet: snippet(text, q) }));
  const last = hits[hits.length - 1];
  return { hits, mode, next: rows.length > limit && last ? { mode, rank: last.rank, year: last.year, id: last.reportId } : null };
}
