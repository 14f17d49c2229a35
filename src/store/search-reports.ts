import { sql, type Kysely } from "kysely";
import type { Database } from "./database.ts";
import { latestVersionId } from "./latest-version.ts";
import { searchTerms } from "./search-terms.ts";
import { snippet, type Snippet } from "./snippet.ts";

// Full-text search over the current versions' text. The query becomes the same search terms
// the text was indexed with (Han character bigrams, ASCII words), ANDed (order optional), and
// is answered from the GIN index on report_versions.search, ranked by ts_rank. A one-character
// query has no bigram: it falls back to ILIKE over the text (a scan), ranked by occurrences.

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
  const terms = searchTerms(q);
  if (!terms) return [];
  const single = Array.from(q).length === 1;
  const rank = single
    ? sql<number>`(length(lower(v.text)) - length(replace(lower(v.text), lower(${q}), ''))) / length(${q})::real`
    : sql<number>`ts_rank(v.search, plainto_tsquery('simple', ${terms}))`;
  let s = db.selectFrom("report_versions as v")
    .innerJoin("reports as r", "r.id", "v.report_id")
    .innerJoin("agencies as a", "a.id", "r.agency_id")
    .select(["r.id as reportId", "v.id as versionId", "a.name as agency", "r.year", "v.title", "v.text", rank.as("rank")])
    .where(single ? sql<boolean>`v.text ilike ${`%${escapeLike(q)}%`}` : sql<boolean>`v.search @@ plainto_tsquery('simple', ${terms})`)
    .where("v.id", "=", latestVersionId("v.report_id"));
  if (options.year !== undefined) s = s.where("r.year", "=", options.year);
  if (options.agency) s = s.where("a.name", "ilike", `%${escapeLike(options.agency.normalize("NFC"))}%`);
  const rows = await s.orderBy("rank", "desc").orderBy("r.year", "desc").orderBy("r.id").limit(options.limit ?? 20).execute();
  return rows.map(({ text, ...r }) => ({ ...r, rank: Number(r.rank), snippet: snippet(text, q) }));
}
