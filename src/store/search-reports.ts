import { sql, type Expression, type Kysely, type RawBuilder, type SqlBool } from "kysely";
import type { Database } from "./database.ts";
import { reportWhere, type ReportFilter, type ReportScope } from "./list-reports.ts";
import { searchTerms } from "./search-terms.ts";
import { snippet, type Snippet } from "./snippet.ts";

// Full-text search over the current versions' text. The query becomes the same search terms
// the text was indexed with (Han character bigrams, ASCII words): each whitespace-separated word
// a phrase (its bigrams in order, so a Chinese word matches as a substring), all words required,
// ranked by ts_rank; when nothing matches so, the bigrams in any order. A one-character query
// has no bigram: it falls back to ILIKE over the text (a scan), ranked by occurrences.
//
// Bounded work: testing a phrase and ranking read each report's whole tsvector (tens of KB,
// decompressed), so a phrase found in every report used to cost seconds. The GIN index answers
// "every term, in any order" exactly without reading any tsvector: those are the candidates, at
// most RANK_LIMIT of them (the newest: by year, then id) are tested and ranked, and a page is
// cut from the ranked list. A search with more candidates says so (`limited`): its hits are the
// best among the newest RANK_LIMIT candidates, and narrowing it (a year, a region) ranks them all.

export interface SearchOptions extends ReportFilter {
  limit?: number;
  /** How many candidates to test and rank at most (default RANK_LIMIT). */
  rankLimit?: number;
}
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
export interface SearchPage {
  hits: SearchHit[];
  mode: SearchMode;
  next: SearchCursor | null;
  /** More than RANK_LIMIT reports hold every term: only the newest RANK_LIMIT of them were tested and ranked. */
  limited: boolean;
  /** The current versions that match (all pages; in substring mode, none listed: see hitsMatch). */
  matched: string[];
}

/** The most candidate reports a search tests and ranks. */
export const RANK_LIMIT = 1000;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Whether a query has anything to search for (some letter, digit or Han character). */
export const searchable = (query: string) => searchTerms(query) !== "";

export async function searchReports(db: Kysely<Database>, query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  return (await searchReportsPage(db, query, options)).hits;
}

/** One page of hits, best first; the first page decides the mode, later pages keep it. */
export async function searchReportsPage(db: Kysely<Database>, query: string, options: SearchOptions & { after?: SearchCursor } = {}): Promise<SearchPage> {
  const q = query.normalize("NFC").trim();
  if (!searchable(q)) return { hits: [], mode: "phrase", next: null, limited: false, matched: [] };
  if (options.after?.mode === "substring" || (!options.after && Array.from(q).length === 1)) return substring(db, q, options);
  if (options.after) return rankedPage(db, q, options, options.after.mode);
  // Each word as a phrase (its bigrams in order: a substring match), all words required; when
  // no text holds them so, any order (the bigrams anywhere), e.g. for text past tsvector's
  // 16,383 positions.
  const exact = await rankedPage(db, q, options, "phrase");
  return exact.hits.length ? exact : rankedPage(db, q, options, "any");
}

/** The condition that selects a search's matches, on current versions v (for the facets of the hits). */
export function hitsMatch(page: SearchPage, query: string): (eb: ReportScope) => Expression<SqlBool> {
  return page.mode === "substring" ? searchMatch(query, "substring") : () => sql<boolean>`v.id = any(${page.matched}::bigint[])`;
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

const rankLimit = (o: SearchOptions) => Math.max(1, o.rankLimit ?? RANK_LIMIT);

interface RankedRow {
  version_id: string; report_id: string; year: number; rank: number; candidates: string;
  /** The hit's details: only for the page's rows. */
  shown: boolean; title: string | null; text: string | null; agency_id: string | null; agency: string | null; region: string | null;
}

/**
 * One statement: the candidates (the GIN index alone), the newest of them tested and ranked,
 * every match listed (for the facets) and, beside those of the page asked for, the details a
 * hit shows. Each candidate's tsvector is read by key (a lateral lookup, kept from being merged
 * back into a scan of every row by OFFSET 0).
 */
async function ranked(db: Kysely<Database>, q: string, options: SearchOptions & { after?: SearchCursor }, mode: "phrase" | "any"): Promise<RankedRow[]> {
  const limit = options.limit ?? 20;
  const candidates = db.selectFrom("report_versions as v")
    .innerJoin("reports as r", "r.latest_version_id", "v.id")
    .innerJoin("agencies as a", "a.id", "r.agency_id")
    .select(["v.id", "r.id as report_id", "r.year"])
    .where((eb) => eb.and([sql<boolean>`v.search @@ ${tsquery(q, "any")}`, reportWhere(eb, options)]))
    .orderBy("r.year", "desc").orderBy("r.id", "desc").limit(rankLimit(options) + 1);
  const match = tsquery(q, mode);
  const after = options.after;
  const afterCursor = after
    ? sql`(m.rank < ${after.rank}::real or (m.rank = ${after.rank}::real and (m.year < ${after.year}::int or (m.year = ${after.year}::int and m.report_id > ${after.id}::bigint))))`
    : sql`true`;
  const query = sql<RankedRow>`
    with c as materialized (${candidates}),
    m as materialized (
      select k.id, k.report_id, k.year, x.rank
      from (select * from c order by year desc, report_id desc limit ${rankLimit(options)}) k
      cross join lateral (select ts_rank(v.search, ${match}) as rank, ${mode === "phrase" ? sql`v.search @@ ${match}` : sql`true`} as hit
        from report_versions v where v.id = k.id offset 0) x
      where x.hit),
    p as (select m.id from m where ${afterCursor} order by m.rank desc, m.year desc, m.report_id limit ${limit + 1})
    select m.id as version_id, m.report_id, m.year, m.rank, (select count(*) from c) as candidates,
      d.id is not null as shown, d.title, d.text, d.agency_id, d.agency, d.region
    from m left join lateral (
      select v.id, v.title, v.text, a.id as agency_id, a.name as agency, a.region
      from report_versions v join reports r on r.id = v.report_id join agencies a on a.id = r.agency_id
      where v.id = m.id and m.id in (select id from p) offset 0) d on true`;
  // The planner, which does not count what reading a tsvector costs, would rather test every
  // report than use the index for terms most reports hold: here it is told not to scan.
  return withoutSeqScan(db, (conn) => query.execute(conn).then((r) => r.rows));
}

/** `run` in a transaction of its own whose planner may not scan a table (BEGIN and SET in one round trip). */
async function withoutSeqScan<T>(db: Kysely<Database>, run: (conn: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.connection().execute(async (conn) => {
    await sql.raw("begin read only; set local enable_seqscan = off").execute(conn);
    try {
      const result = await run(conn);
      await sql.raw("commit").execute(conn);
      return result;
    } catch (err) {
      await sql.raw("rollback").execute(conn).catch(() => undefined);
      throw err;
    }
  });
}

const compareIds = (a: string, b: string) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
/** Best first: rank, then the newer year, then the older report (as the statement orders the page). */
const byRank = (a: SearchHit, b: SearchHit) => b.rank - a.rank || b.year - a.year || compareIds(a.reportId, b.reportId);

async function rankedPage(db: Kysely<Database>, q: string, options: SearchOptions & { after?: SearchCursor }, mode: "phrase" | "any"): Promise<SearchPage> {
  const limit = options.limit ?? 20;
  const rows = await ranked(db, q, options, mode);
  const page = rows.filter((r) => r.shown).map((r): SearchHit => ({
    reportId: r.report_id, versionId: r.version_id, agencyId: r.agency_id!, agency: r.agency!, region: r.region, year: r.year, title: r.title,
    rank: Number(r.rank), snippet: snippet(r.text!, q),
  })).sort(byRank);
  const hits = page.slice(0, limit);
  const last = hits[hits.length - 1];
  return {
    hits, mode, limited: Number(rows[0]?.candidates ?? 0) > rankLimit(options), matched: rows.map((r) => r.version_id),
    next: page.length > limit && last ? { mode, rank: last.rank, year: last.year, id: last.reportId } : null,
  };
}

/** One character: ILIKE over the text (a scan; no bigram to look up), ranked by occurrences. */
async function substring(db: Kysely<Database>, q: string, options: SearchOptions & { after?: SearchCursor }): Promise<SearchPage> {
  const limit = options.limit ?? 20;
  const rank = sql<number>`((length(lower(v.text)) - length(replace(lower(v.text), lower(${q}), ''))) / length(${q})::real)::real`;
  let s = db.selectFrom("report_versions as v")
    .innerJoin("reports as r", "r.id", "v.report_id")
    .innerJoin("agencies as a", "a.id", "r.agency_id")
    .select(["r.id as reportId", "v.id as versionId", "a.id as agencyId", "a.name as agency", "a.region", "r.year", "v.title", "v.text", rank.as("rank")])
    .where((eb) => eb.and([searchMatch(q, "substring")(eb), reportWhere(eb, options)]))
    .whereRef("v.id", "=", "r.latest_version_id");
  const after = options.after;
  if (after) {
    s = s.where(sql<boolean>`(${rank} < ${after.rank}::real or (${rank} = ${after.rank}::real and (r.year < ${after.year}::int or (r.year = ${after.year}::int and r.id > ${after.id}::bigint))))`);
  }
  const rows = await s.orderBy("rank", "desc").orderBy("r.year", "desc").orderBy("r.id").limit(limit + 1).execute();
  const hits = rows.slice(0, limit).map(({ text, ...r }) => ({ ...r, rank: Number(r.rank), snippet: snippet(text, q) }));
  const last = hits[hits.length - 1];
  return { hits, mode: "substring", limited: false, matched: [], next: rows.length > limit && last ? { mode: "substring", rank: last.rank, year: last.year, id: last.reportId } : null };
}
