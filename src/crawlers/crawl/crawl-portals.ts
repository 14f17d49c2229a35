import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CheerioCrawler, Configuration, log as crawleeLog, Log, LogLevel, RequestQueueV1, type Request } from "@crawlee/cheerio";
import type { Kysely } from "kysely";
import type { Database } from "../../store/database.ts";
import { knownReportUrls, previousFetches } from "../../store/crawl-fetches.ts";
import { addPortalCounts, setRunStatus, startRun, unfinishedRun } from "../../store/crawl-runs.ts";
import { withPortalLocks } from "../../store/portal-locks.ts";
import type { Portal } from "../../store/portals.ts";
import { BrowserLane } from "../fetch/browser-lane.ts";
import { FetchError } from "../fetch/fetch-error.ts";
import { Fetcher } from "../fetch/fetcher.ts";
import { closeAgents } from "../fetch/http-exchange.ts";
import type { Politeness } from "../fetch/host-state.ts";
import { recoverWarcDir } from "../warc/warc-recover.ts";
import { WarcWriter } from "../warc/warc-writer.ts";
import type { CrawlEvent } from "./crawl-events.ts";
import { EdgeHttpClient, REQUEST_OPTION } from "./edge-http-client.ts";
import { conditionalFor } from "./fetched-page.ts";
import { crawlRouter } from "./crawl-router.ts";
import { defaultExtractors } from "./extraction-pool.ts";
import { JournaledStorage } from "./journaled-storage.ts";
import { requestKey, RunContext, type CrawlData, type CrawlLimits } from "./run-context.ts";

// One crawl over some portals: Crawlee's CheerioCrawler on a persisted request queue, journaled
// under <storage>/crawlee/request_queues (journaled-queue.ts: a crawl killed mid-way resumes where
// it stopped: the same command finds the unfinished run and goes on; Crawlee's first queue,
// without the request locks its second keeps for queues shared by many processes — a crawl is one
// process, and the locks cost a third of a recrawl), the edge for every request, WARC files under
// <storage>/warc (a record torn by a crash is cut before writing on), and the browser lane only when a page
// needs it. Cookies (a challenge's above all) are kept between crawls in <storage>/crawl-cookies.json
// and replayed until they expire. A new run starts at each portal's start page (or its 年报 column) and also revisits
// the report URLs earlier crawls found, so a report that changed or vanished is seen even when
// no list links it any more.

export interface CrawlOptions {
  storage: string;
  portals: Portal[];
  userAgent: string;
  politeness: Politeness;
  limits: CrawlLimits;
  /** Requests in flight in all (per host the politeness decides). */
  concurrency: number;
  /** Threads extracting documents (default: defaultExtractors(), by the machine's cores). */
  extractors?: number;
  /** Use Chromium for challenges and script-only lists (when installed). */
  browser: boolean;
  robots: boolean;
  timeoutMs?: number;
  onEvent?: (e: CrawlEvent) => void;
  /** Give up an interrupted run of these portals instead of resuming it. */
  fresh?: boolean;
  /** Stops the crawl (it ends "interrupted", resumable); without it, SIGINT and SIGTERM do. */
  signal?: AbortSignal;
}

export interface CrawlSummary {
  runId: string;
  resumed: boolean;
  status: "finished" | "interrupted";
  totals: RunContext["totals"];
  blockedHosts: { host: string; reason: string }[];
  warcRepairs: { file: string; cutBytes: number }[];
}

/** A crawl of these portals; refused (PortalsBusy) while another process crawls any of them. */
export async function crawlPortals(db: Kysely<Database>, options: CrawlOptions): Promise<CrawlSummary> {
  return withPortalLocks(db, options.portals, () => crawlLocked(db, options));
}

async function crawlLocked(db: Kysely<Database>, options: CrawlOptions): Promise<CrawlSummary> {
  const emit = options.onEvent ?? (() => undefined);
  const portalIds = options.portals.map((p) => p.id);
  const storageClient = new JournaledStorage(join(options.storage, "crawlee", "request_queues"), join(options.storage, "crawlee", "in-memory"));
  let existing = await unfinishedRun(db, portalIds);
  if (existing && options.fresh) {
    // Given up: the run ends "failed" and its queue goes (what it archived stays).
    await setRunStatus(db, existing.id, "failed");
    await storageClient.dropQueue(existing.queueName);
    emit({ type: "run", runId: existing.id, message: `crawl run ${existing.id} abandoned (--fresh)` });
    existing = undefined;
  }
  const run = existing ?? (await startRun(db, portalIds, { limits: options.limits, politeness: options.politeness }));
  if (existing) await setRunStatus(db, run.id, "running");
  emit({ type: "run", runId: run.id, message: existing ? `resuming crawl run ${run.id}` : `crawl run ${run.id} started` });

  const warcDir = join(options.storage, "warc");
  await mkdir(warcDir, { recursive: true });
  const repairs = await recoverWarcDir(warcDir);
  for (const r of repairs) emit({ type: "run", runId: run.id, message: `WARC ${r.file}: cut ${r.cutBytes} bytes of a record torn by an interrupted crawl` });
  const warc = await WarcWriter.open({ dir: warcDir, software: options.userAgent.split(" ")[0] });

  crawleeLog.setLevel(LogLevel.OFF); // Crawlee's own lines (queue, statistics): the crawl reports through onEvent
  const config = new Configuration({
    storageClient, persistStorage: false, purgeOnStart: false,
    // Crawlee samples memory every second by running `ps` over the process tree (the embedded
    // PostgreSQL included), for an autoscaling this crawl does not use (the pool runs at a fixed
    // concurrency): once a minute is enough, and it saved a twentieth of a crawl's CPU.
    systemInfoIntervalMillis: 60_000,
  });
  const queue = await RequestQueueV1.open(run.queueName, { config });
  for (const message of storageClient.repairs) emit({ type: "run", runId: run.id, message });
  shrinkSeenCache(queue);
  const lane = options.browser && BrowserLane.available() ? new BrowserLane({ userAgent: options.userAgent }) : undefined;
  const fetcher = new Fetcher({
    userAgent: options.userAgent, politeness: options.politeness, warc, browser: lane, robots: options.robots, timeoutMs: options.timeoutMs,
    onEvent: ({ host, message }) => emit({ type: "host", host, message }),
  });
  const cookieFile = join(options.storage, "crawl-cookies.json");
  fetcher.importCookies(await readFile(cookieFile, "utf8").then((t) => JSON.parse(t) as Record<string, unknown>).catch(() => ({})));
  let rc: RunContext;
  const client = new EdgeHttpClient(fetcher, {
    prepare: (request: Request) => {
      const data = request.userData as CrawlData;
      const scope = rc.portal(data.portalId).scope;
      return {
        document: data.kind === "attachment" || data.kind === "detail",
        conditional: (url: string) => conditionalFor(rc, url, request.method),
        allowRedirect: (url: URL) => scope.allows(url, data.kind),
      };
    },
  });
  rc = new RunContext({ db, run, fetcher, client, queue, warcDir, lane, limits: options.limits, portals: options.portals, onEvent: emit,
    extractors: options.extractors ?? defaultExtractors() });
  // Seeding again on resume is harmless (the queue knows each request once, handled or not) and
  // brings back a start page a crash kept from reaching the queue.
  await seedStarts(rc, options.portals);
  let revisits: Promise<number> | undefined;
  for (const [url, previous] of await previousFetches(db, portalIds)) rc.previous.set(url, previous);

  const crawler = new CheerioCrawler({
    requestQueue: queue,
    httpClient: client,
    requestHandler: crawlRouter(rc),
    maxConcurrency: options.concurrency,
    minConcurrency: options.concurrency, // no ramp-up: politeness is per host (the edge), not the pool's business
    maxRequestRetries: 1,
    navigationTimeoutSecs: 3600, // waits for a host's politeness slot count too; the edge bounds each download
    requestHandlerTimeoutSecs: 900,
    additionalMimeTypes: ["*/*"],
    ignoreHttpErrorStatusCodes: Array.from({ length: 200 }, (_, i) => 400 + i),
    useSessionPool: false,
    persistCookiesPerSession: false,
    log: new Log({ level: LogLevel.OFF }), // every outcome is recorded and reported by the handlers
    preNavigationHooks: [({ request }, gotOptions) => { (gotOptions as Record<string, unknown>)[REQUEST_OPTION] = request; }],
    autoscaledPoolOptions: {
      // When the queue runs dry, the report URLs of earlier crawls this run has not met (no list
      // links them any more; attachments of a detail page that answered 304) join it, once.
      isFinishedFunction: async () => {
        if (!(await queue.isFinished())) return false;
        if (!revisits) return (await (revisits = addRevisits(rc, options.portals))) === 0;
        return (await revisits) === 0 || queue.isFinished();
      },
      maybeRunIntervalSecs: 0.05, // how soon those revisits start (checking the queue's head costs next to nothing)
    },
    failedRequestHandler: async ({ request }, error) => {
      const data = request.userData as CrawlData;
      const kind = error instanceof FetchError ? error.kind : "failed";
      const outcome = kind === "blocked" ? "blocked" : kind === "robots" || kind === "out_of_scope" ? "skipped" : "failed";
      await rc.outcome(request, data, outcome, { detail: error.message.split("\n")[0] }, Date.now());
    },
  }, config);

  let interrupted = false;
  let ended = false;
  // Graceful: no request starts any more, those in flight finish (their reports archived, their queue
  // entries marked handled), and the rest stay queued for the resume. Cutting them off instead lost
  // their reports: a handler cut mid-way can still mark its request handled. Before the pool runs,
  // the crawler's start would clear the stop, so it is said again until it holds.
  const stop = () => {
    interrupted = true;
    crawler.stop("stopped");
    if (!crawler.autoscaledPool && !ended) setTimeout(stop, 100).unref();
  };
  const signal = options.signal;
  if (signal) signal.addEventListener("abort", stop, { once: true });
  else {
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  }
  try {
    if (signal?.aborted) interrupted = true;
    else await crawler.run();
  } finally {
    ended = true;
    signal?.removeEventListener("abort", stop);
    process.removeListener("SIGINT", stop);
    process.removeListener("SIGTERM", stop);
    await lane?.close();
    await rc.extractor.close();
    await warc.close();
    storageClient.close();
    await writeFile(cookieFile, JSON.stringify(fetcher.exportCookies()), { mode: 0o600 });
    closeAgents();
  }
  await rc.log.flush();
  const blockedHosts = fetcher.blockedHosts();
  for (const [portalId, p] of rc.portals) {
    const hosts = p.scope.list();
    const blocked = blockedHosts.filter((b) => hosts.includes(b.host.replace(/:\d+$/, "")));
    if (blocked.length) await addPortalCounts(db, run.id, portalId, { blockedHosts: blocked.map((b) => b.host) });
  }
  const status = interrupted ? "interrupted" : "finished";
  await setRunStatus(db, run.id, status, { ...rc.totals, blockedHosts });
  if (!interrupted) await queue.drop();
  return { runId: run.id, resumed: Boolean(existing), status, totals: rc.totals, blockedHosts, warcRepairs: repairs.map((r) => ({ file: r.file, cutBytes: r.cutBytes })) };
}

/** A run's first requests: each portal's start page (or column). */
async function seedStarts(rc: RunContext, portals: Portal[]): Promise<void> {
  const starts = portals.map((portal) => {
    const url = portal.columnUrl ?? portal.startUrl;
    const kind = portal.columnUrl ? "column" : "nav";
    return { url, uniqueKey: requestKey(url), label: kind, userData: { portalId: portal.id, kind, depth: 0 } as CrawlData };
  });
  await rc.addSeeds(starts);
}

/**
 * The report URLs earlier crawls found that this run has not queued, so that a report that
 * changed or vanished is seen even when no list links it any more. Added when the queue first
 * runs dry rather than up front: a recrawl meets most of them through its lists anyway, and
 * handing Crawlee's queue hundreds of requests before the first fetch cost a recrawl a fifth of
 * its time.
 */
async function addRevisits(rc: RunContext, portals: Portal[]): Promise<number> {
  let added = 0;
  for (const portal of portals) {
    const revisits = (await knownReportUrls(rc.db, portal.id)).map((k) => ({
      url: k.url, method: k.method as "GET" | "POST", uniqueKey: requestKey(k.url, k.method), label: k.kind,
      userData: { portalId: portal.id, kind: k.kind, depth: 0, revisit: true } as CrawlData,
    }));
    added += await rc.addSeeds(revisits);
  }
  return added;
}

/**
 * Crawlee gives every queue a direct-mapped cache of a million request keys (two arrays, 16 MB,
 * allocated up front) to skip re-adding requests it has seen. RunContext already hands the queue
 * each request key once, so 64 Ki slots do; a miss only costs a re-submission Crawlee answers
 * "already present". Left alone if a Crawlee version changes the field.
 */
function shrinkSeenCache(queue: RequestQueueV1): void {
  interface SeenCache { constructor: new (size: number) => SeenCache; size?: number }
  const q = queue as unknown as { requestSeenCache?: SeenCache };
  const cache = q.requestSeenCache;
  if (cache && typeof cache.size === "number" && cache.size > 65_536) q.requestSeenCache = new cache.constructor(65_536);
}
