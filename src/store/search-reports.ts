import { sql, type Kysely, type RawBuilder } from "kysely";
import type { Database } from "./database.ts";
import { searchTerms } from "./search-terms.ts";
import { snippet, type Snippet } from "./snippet.ts";

// Full-text search over the current versions' text. The query becomes the same search terms
// the text was indexed with (Han character bigrams, ASCII words): each whitespace-separated word
// a phrase (its bigrams in order, so a Chinese word matches as a substring), all words required,
// answered from the GIN index on report_versions.search and ranked by ts_rank; when nothing
// matches so, the bigrams in any order. A one-character query has no bigram: it falls back to
// ILIKE over the text (a scan), ranked by occurrences.

export interface SearchOptions { limit?: number; year?: number; agency?: string }
export interface SearchHit {
  reportId: string;
  versionId: string;
  agency: string;
  year: number;
  title: string | null;
  rank: number;
  snippet: Snippet | null;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Whether a query has anything to search for (some letter, digit or Han character). */
export const searchable = (query: string) => searchTerms(query) !== "";

export async function searchReports(db: Kysely<Database>, query: string, options: SearchOptions = {}): Promise<SearchHit[]> {
  const q = query.normalize("NFC").trim();
  const words = q.split(/\s+/).map((w) => searchTerms(w)).filter((t) => t !== "");
  if (words.length === 0) return [];
  if (Array.from(q).length === 1) return run(db, q, options, null);
  // Each word as a phrase (its bigrams in order: a substring match), all words required; when
  // no text holds them so, any order (the bigrams anywhere), e.g. for text past tsvector's
  // 16,383 positions.
  const phrase = sql.join(words.map((w) => sql`phraseto_tsquery('simple', ${w})`), sql` && `);
  const exact = await run(db, q, options, sql`(${phrase})`);
  return exact.length ? exact : run(db, q, options, sql`plainto_tsquery('simple', ${words.join(" ")})`);
}

async function run(db: Kysely<Database>, q: string, options: SearchOptions, tsquery: RawBuilder<unknown> | null): Promise<SearchHit[]> {
  const rank = tsquery
    ? sql<number>`ts_rank(v.search, ${tsquery})`
    : sql<number>`(length(lower(v.text)) - length(replace(lower(v.text), lower(${q}), ''))) / length(${q})::real`;
  let s = db.selectFrom("report_versions as v")
    .innerJoin("reports as r", "r.id", "v.report_id")
    .innerJoin("agencies as a", "a.id", "r.agency_id")
    .select(["r.id as reportId", "v.id as versionId", "a.name as agency", "r.year", "v.title", "v.text", rank.as("rank")])
    .where(tsquery ? sql<boolean>`v.search @@ ${tsquery}` : sql<boolean>`v.text ilike ${`%${escapeLike(q)}%`}`)
    .whereRef("v.id", "=", "r.latest_version_id");
  if (options.year !== undefined) s = s.where("r.year", "=", options.year);
  if (options.agency) {
    const part = `%${escapeLike(options.agency.normalize("NFC").trim())}%`;
    s = s.where(sql<boolean>`exists (select 1 from agency_names n join agencies m on m.id = n.agency_id
      where (m.id = a.id or m.merged_into = a.id) and n.name ilike ${part})`);
  }
  const rows = await s.orderBy("rank", "desc").orderBy("r.year", "desc").orderBy("r.id").limit(options.limit ?? 20).execute();
  return rows.map(({ text, ...r }) => ({ ...r, rank: Number(r.rank), snippet: snippet(text, q) }));
}
