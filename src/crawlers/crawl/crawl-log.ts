import type { Kysely } from "kysely";
import { recordCrawlLog, type CrawlLogBatch, type FetchRow } from "../../store/crawl-fetches.ts";
import type { PortalCounts } from "../../store/crawl-runs.ts";
import type { Database } from "../../store/database.ts";

// The crawl's bookkeeping (every fetch, each portal's counts, reports seen again unchanged),
// gathered and written in batches: a recrawl of 700 unchanged URLs made some 1,400 one-row
// transactions, each a round trip and a commit. A batch goes when it holds BATCH fetches or has
// waited WAIT_MS, and always before anything reads the log back (flush). What it has not
// written when the process dies is lost, as unflushed commits were before: a re-download
// next time, never an archived version (those are written by the archive, not here).

const BATCH = 100;
const WAIT_MS = 250;

type CountKey = Exclude<keyof PortalCounts, "blockedHosts">;

export class CrawlLog {
  private batch: CrawlLogBatch = { fetches: [], counts: [], sightings: [] };
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private failure: unknown;
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  /** A fetch and what it adds to its portal's counts. */
  async fetch(row: FetchRow, counts: PortalCounts): Promise<void> {
    this.batch.fetches.push(row);
    const entry = this.batch.counts.find((c) => c.runId === row.runId && c.portalId === row.portalId);
    if (entry) {
      for (const [k, v] of Object.entries(counts) as [CountKey, number][]) entry.counts[k] = (entry.counts[k] ?? 0) + v;
    } else {
      this.batch.counts.push({ runId: row.runId, portalId: row.portalId, counts: { ...counts } });
    }
    await this.queued();
  }

  /** A report seen again unchanged. */
  async sighting(reportId: string, at: Date): Promise<void> {
    this.batch.sightings.push({ reportId, at });
    await this.queued();
  }

  /** Writes what is gathered, and waits for every earlier write; throws if one failed. */
  async flush(): Promise<void> {
    await this.write();
    if (this.failure) {
      const err = this.failure;
      this.failure = undefined;
      throw err;
    }
  }

  /** Starts writing what is gathered (after the writes before it); a failure is kept for the next flush. */
  private write(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.batch;
    this.batch = { fetches: [], counts: [], sightings: [] };
    this.writing = this.writing.then(() => recordCrawlLog(this.db, batch)).catch((err: unknown) => { this.failure ??= err; });
    return this.writing;
  }

  private async queued(): Promise<void> {
    if (this.failure) await this.flush(); // a failed write is reported to the next writer
    if (this.batch.fetches.length + this.batch.sightings.length >= BATCH) await this.flush();
    else this.timer ??= setTimeout(() => void this.write(), WAIT_MS);
  }
}
