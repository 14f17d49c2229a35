import { sql, type Kysely } from "kysely";
import { countsUpsert, countValues, type PortalCounts } from "./crawl-runs.ts";
import type { Database } from "./database.ts";

// The crawler's URL history: every fetch it made, with what came of it. Conditional requests read
// the last good answer of a URL (its ETag, Last-Modified and WARC record, to re-read a page that
// answers 304); removal detection reads whether a URL that once gave a report now fails twice.

export interface FetchRow {
  runId: string;
  portalId: string;
  url: string;
  method?: string;
  kind: string;
  finalUrl?: string | null;
  httpStatus?: number | null;
  etag?: string | null;
  lastModified?: string | null;
  contentType?: string | null;
  sha256?: string | null;
  size?: number | null;
  warc?: { file: string; offset: number; length: number } | null;
  outcome: string;
  detail?: string | null;
  captureId?: string | null;
  reportId?: string | null;
  fetchedAt?: Date;
}

export async function recordFetch(db: Kysely<Database>, row: FetchRow): Promise<void> {
  await db.insertInto("crawl_fetches").values(fetchValues(row)).execute();
}

function fetchValues(row: FetchRow) {
  return {
    run_id: row.runId, portal_id: row.portalId, url: row.url, method: row.method ?? "GET", kind: row.kind,
    final_url: row.finalUrl ?? null, http_status: row.httpStatus ?? null, etag: row.etag ?? null, last_modified: row.lastModified ?? null,
    content_type: row.contentType ?? null, sha256: row.sha256 ?? null, size: row.size ?? null,
    warc_file: row.warc?.file ?? null, warc_offset: row.warc?.offset ?? null, warc_length: row.warc?.length ?? null,
    outcome: row.outcome, detail: row.detail?.slice(0, 2000) ?? null, capture_id: row.captureId ?? null, report_id: row.reportId ?? null,
    fetched_at: row.fetchedAt ?? new Date(),
  };
}

/** What a crawl writes in one go (crawl-log.ts gathers it): fetches, each portal's counts, and sightings. */
export interface CrawlLogBatch {
  fetches: FetchRow[];
  counts: { runId: string; portalId: string; counts: PortalCounts }[];
  /** Reports seen again unchanged (a 304, or the same bytes): their sighting windows widen. */
  sightings: { reportId: string; at: Date }[];
}

/**
 * A batch of the crawl log in one transaction whose commit does not wait for the disk
 * (synchronous_commit off, for this transaction only): the crawl log is bookkeeping — a crash may
 * lose its last fraction of a second, which costs a re-download, never an archived version. A
 * crawl logs every request, so one transaction per request (and waiting for a flush each time)
 * would dominate a recrawl.
 */
export async function recordCrawlLog(db: Kysely<Database>, batch: CrawlLogBatch): Promise<void> {
  if (!batch.fetches.length && !batch.counts.length && !batch.sightings.length) return;
  await db.transaction().execute(async (tx) => {
    await sql`set local synchronous_commit = off`.execute(tx);
    if (batch.fetches.length) await tx.insertInto("crawl_fetches").values(batch.fetches.map(fetchValues)).execute();
    for (const c of batch.counts) await sql`${countsUpsert(c.runId, c.portalId, countValues(c.counts))}`.execute(tx);
    if (batch.sightings.length) await recordSightings(tx, batch.sightings);
  });
}

export interface PreviousFetch {
  etag: string | null;
  lastModified: string | null;
  sha256: string | null;
  contentType: string | null;
  warc: { file: string; offset: number; length: number } | null;
  reportId: string | null;
  captureId: string | null;
}

/** The last answer with a body (200) for a URL, requested or reached by redirect; undefined if never. */
export async function previousFetch(db: Kysely<Database>, url: string, method = "GET"): Promise<PreviousFetch | undefined> {
  const { rows } = await sql<{ etag: string | null; last_modified: string | null; sha256: string | null; content_type: string | null; warc_file: string | null; warc_offset: string | null; warc_length: string | null; report_id: string | null; capture_id: string | null }>`
    select etag, last_modified, sha256, content_type, warc_file, warc_offset, warc_length, report_id, capture_id from (
      (select * from crawl_fetches where url = ${url} and method = ${method} and http_status = 200 order by fetched_at desc limit 1)
      union all
      (select * from crawl_fetches where final_url = ${url} and method = ${method} and http_status = 200 order by fetched_at desc limit 1)
    ) f order by fetched_at desc limit 1`.execute(db);
  return rows[0] && toPrevious(rows[0]);
}

/**
 * Every URL's last answer with a body among these portals' fetches, keyed by the URL requested and
 * by the URL a redirect reached: loaded once when a crawl starts, instead of one lookup per request.
 */
export async function previousFetches(db: Kysely<Database>, portalIds: string[]): Promise<Map<string, PreviousFetch>> {
  const { rows } = await sql<{ url: string; final_url: string | null; etag: string | null; last_modified: string | null; sha256: string | null; content_type: string | null; warc_file: string | null; warc_offset: string | null; warc_length: string | null; report_id: string | null; capture_id: string | null }>`
    select distinct on (url) url, final_url, etag, last_modified, sha256, content_type, warc_file, warc_offset, warc_length, report_id, capture_id
    from crawl_fetches where portal_id = any(${portalIds}::bigint[]) and method = 'GET' and http_status = 200
    order by url, fetched_at desc`.execute(db);
  const map = new Map<string, PreviousFetch>();
  for (const r of rows) {
    const previous = toPrevious(r);
    map.set(r.url, previous);
    if (r.final_url && r.final_url !== r.url && !map.has(r.final_url)) map.set(r.final_url, previous);
  }
  return map;
}

function toPrevious(r: { etag: string | null; last_modified: string | null; sha256: string | null; content_type: string | null; warc_file: string | null; warc_offset: string | null; warc_length: string | null; report_id: string | null; capture_id: string | null }): PreviousFetch {
  return {
    etag: r.etag, lastModified: r.last_modified, sha256: r.sha256, contentType: r.content_type, reportId: r.report_id, captureId: r.capture_id,
    warc: r.warc_file ? { file: r.warc_file, offset: Number(r.warc_offset), length: Number(r.warc_length) } : null,
  };
}

/**
 * The report a URL once gave, if its answers in the last two runs that fetched it (this one
 * included) were both "gone" (404/410): the report is then to be marked removed.
 */
export async function goneTwice(db: Kysely<Database>, url: string): Promise<string | undefined> {
  const { rows } = await sql<{ report_id: string | null; statuses: number[] }>`
    with recent as (
      select distinct on (run_id) run_id, http_status from crawl_fetches where url = ${url} order by run_id desc, fetched_at desc
    )
    select (select report_id from crawl_fetches where url = ${url} and report_id is not null order by fetched_at desc limit 1) as report_id,
      (select array_agg(http_status order by run_id desc) from (select * from recent order by run_id desc limit 2) t) as statuses`.execute(db);
  const r = rows[0];
  if (!r?.report_id || !r.statuses || r.statuses.length < 2) return undefined;
  return r.statuses.every((s) => s === 404 || s === 410) ? r.report_id : undefined;
}

/** URLs of a portal that once gave a report (latest kind of each), for a recrawl to revisit. */
export async function knownReportUrls(db: Kysely<Database>, portalId: string): Promise<{ url: string; kind: string; method: string }[]> {
  const { rows } = await sql<{ url: string; kind: string; method: string }>`
    select distinct on (url, method) url, kind, method from crawl_fetches
    where portal_id = ${portalId} and report_id is not null order by url, method, fetched_at desc`.execute(db);
  return rows;
}

/** Reports seen again unchanged: each sighting window widens, a removal mark older than the sighting clears. */
async function recordSightings(db: Kysely<Database>, sightings: { reportId: string; at: Date }[]): Promise<void> {
  const latest = new Map<string, Date>();
  for (const { reportId, at } of sightings) if (!latest.has(reportId) || at > latest.get(reportId)!) latest.set(reportId, at);
  const ids = [...latest.keys()], ats = [...latest.values()];
  await sql`with seen as (select * from unnest(${ids}::bigint[], ${ats}::timestamptz[]) as s(id, at)),
    r as (
      update reports r set last_seen = greatest(r.last_seen, seen.at), removed_at = case when r.removed_at is not null and seen.at > r.removed_at then null else r.removed_at end
      from seen where r.id = seen.id returning r.latest_version_id, seen.at
    )
    update report_versions v set last_seen = greatest(v.last_seen, r.at) from r where v.id = r.latest_version_id`.execute(db);
}
