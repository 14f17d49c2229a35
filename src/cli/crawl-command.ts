import { parseArgs } from "node:util";
import type { Kysely } from "kysely";
import type { Database } from "../store/database.ts";
import { addPortal, findPortals, type Portal } from "../store/portals.ts";
import { CrawlTotals, type CrawlEvent } from "../crawlers/crawl/crawl-events.ts";
import type { CrawlSummary } from "../crawlers/crawl/crawl-portals.ts";
import type { ThreadCrawlOptions } from "../crawlers/crawl/crawl-thread.ts";
import { crawlInThread, CrawlOutOfMemory, CrawlThreadError, defaultCrawlHeapMb } from "../crawlers/crawl/crawl-thread.ts";
import { userAgent } from "../crawlers/fetch/user-agent.ts";
import { parseCount, parseWhole, snakeKeys } from "./cli-args.ts";
import { UserError } from "./fail.ts";
import { colorEnabled, paint } from "./format/ansi.ts";
import { truncate } from "./format/display-width.ts";
import { textTable } from "./format/text-table.ts";
import { checkUrl } from "./portal-file.ts";
import { createProgress } from "./progress.ts";
import { STORE_OPTIONS, STORE_USAGE, withStore } from "./with-store.ts";
import { storageDir } from "../store/open-store.ts";
import { runFailures, runPortalStats } from "../store/crawl-runs.ts";

export const USAGE = `usage: nianbao crawl [--portal ID …] [--start URL …] [--demo] [options]

Crawls portals for annual reports and archives every one it finds (raw bytes in WARC files under
<storage>/warc, records and versions in the archive). Without --portal or --start it crawls every
registered portal ('nianbao portals'). --start URL crawls a site ad hoc (registered on the fly,
without a region; repeat it for several). --demo starts a small built-in demo portal on 127.0.0.1
and crawls it: no network needed.

A crawl that was interrupted (Ctrl-C, a crash, kill -9) resumes where it stopped when the same
command runs again; --fresh abandons it and starts over. A portal another nianbao process is
crawling is not crawled a second time: the command says so and stops. Recrawls send
conditional requests, so unchanged pages and documents cost a 304 and make no new version.

options:
  --portal ID          a registered portal (id, name or start URL); repeatable
  --start URL          a homepage or 年报 column to crawl ad hoc; repeatable
  --demo               crawl the built-in demo portal
  --delay MS           pause between two requests to one host (default 1000)
  --per-host N         requests in flight per host (default 1)
  --concurrency N      requests in flight in all (default 4)
  --max-pages N        pages per portal and crawl, documents not counted (default 2000)
  --contact URL|EMAIL  how portal operators reach you; goes into the User-Agent (or NIANBAO_CONTACT)
  --no-browser         never start Chromium (challenged hosts are then reported blocked, script-only lists left unread)
  --fresh              do not resume an interrupted crawl of the same portals
  --memory MB          heap of the crawl's thread (default 256, and 1 more per portal)
  --extractors N       threads extracting documents (default: one per core and GiB beyond the first, 1 to 4)
  --json               print the summary as JSON

${STORE_USAGE}`;

export async function run(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    allowPositionals: false,
    options: {
      ...STORE_OPTIONS,
      help: { type: "boolean", short: "h" }, json: { type: "boolean" },
      portal: { type: "string", multiple: true }, start: { type: "string", multiple: true }, demo: { type: "boolean" },
      delay: { type: "string" }, "per-host": { type: "string" }, concurrency: { type: "string" }, "max-pages": { type: "string" },
      contact: { type: "string" }, "no-browser": { type: "boolean" }, fresh: { type: "boolean" }, memory: { type: "string" }, extractors: { type: "string" },
    },
  });
  if (values.help) { console.log(USAGE); return 0; }
  const starts = (values.start ?? []).map((u) => checkUrl(u, "--start"));
  const demo = values.demo ? await startDemo() : undefined;
  try {
    const memory = parseCount(values.memory, "--memory", 1_000_000);
    const extractors = parseCount(values.extractors, "--extractors", 16);
    return await withStore(values, async (db, store) => {
      const portals = await choosePortals(db, values.portal, starts, demo);
      if (portals.length === 0) {
        throw new UserError("no portals to crawl: register some ('nianbao portals add URL --name NAME' or 'portals import FILE'), give --start URL, or try --demo");
      }
      const progress = createProgress();
      const color = colorEnabled();
      const totals = new CrawlTotals();
      const heapMb = memory ?? defaultCrawlHeapMb(portals.length);
      const summary = await crawlWithSignals(store.url, {
        storage: storageDir(values.storage),
        portals,
        userAgent: userAgent(values.contact),
        politeness: {
          perHost: parseCount(values["per-host"], "--per-host", 64) ?? 1,
          delayMs: parseWhole(values.delay, "--delay", 600_000) ?? (demo ? 0 : 1000),
          maxWaitMs: 120_000,
        },
        limits: { maxPages: parseCount(values["max-pages"], "--max-pages", 1_000_000) ?? 2000, maxNavDepth: 4, maxListPages: 300 },
        concurrency: parseCount(values.concurrency, "--concurrency", 256) ?? 4,
        extractors,
        fresh: values.fresh ?? false,
        browser: !values["no-browser"],
        robots: true,
      }, heapMb, (e) => report(e, totals, progress, color));
      progress.done();
      await printSummary(db, summary, values.json ?? false, color);
      if (demo) process.stderr.write(`\nnext: npx nianbao reports · npx nianbao show 青峰县人民政府 2023 · npx nianbao diff 青峰县人民政府 2022 2023\n`);
      return summary.status === "finished" ? 0 : 130;
    });
  } finally {
    await demo?.close();
  }
}

/** The crawl in its own thread (crawl-thread.ts); SIGINT and SIGTERM stop it, resumable. */
async function crawlWithSignals(databaseUrl: string, options: ThreadCrawlOptions, heapMb: number, onEvent: (e: CrawlEvent) => void): Promise<CrawlSummary> {
  const abort = new AbortController();
  const stop = (signal: NodeJS.Signals) => {
    if (!abort.signal.aborted) {
      process.stderr.write(`\nnianbao: stopping the crawl (it resumes with the same command; ${signal} again quits at once) …\n`);
      abort.abort();
      return;
    }
    process.removeListener("SIGINT", stop);
    process.removeListener("SIGTERM", stop);
    process.kill(process.pid, signal);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  try {
    return await crawlInThread(databaseUrl, options, { heapMb, onEvent, signal: abort.signal });
  } catch (err) {
    if (err instanceof CrawlOutOfMemory) {
      throw new UserError(`${err.message}; run the same command with --memory ${err.heapMb * 2}: it resumes where this one stopped`);
    }
    if (err instanceof CrawlThreadError && (err.kind === "StoreError" || err.kind === "UserError" || err.kind === "PortalsBusy")) throw new UserError(err.message);
    if (err instanceof CrawlThreadError && err.threadStack) err.stack = err.threadStack;
    throw err;
  } finally {
    process.removeListener("SIGINT", stop);
    process.removeListener("SIGTERM", stop);
  }
}

/** The demo portal on its usual port (so a second crawl is a recrawl of the same URLs: 304s), else on any free one. */
async function startDemo() {
  const { startDemoPortal } = await import("../crawlers/demo/demo-portal.ts");
  return startDemoPortal({ port: DEMO_PORT }).catch(() => startDemoPortal());
}

const DEMO_PORT = 8618;

async function choosePortals(db: Kysely<Database>, refs: string[] | undefined, starts: string[], demo: { url: string } | undefined): Promise<Portal[]> {
  const chosen: Portal[] = [];
  if (demo) chosen.push((await addPortal(db, { name: "青峰县人民政府（演示）", startUrl: demo.url, region: "示例省/示例市/青峰县", adHoc: true })).portal);
  for (const url of starts) chosen.push((await addPortal(db, { name: new URL(url).hostname, startUrl: url, adHoc: true })).portal);
  if (refs?.length) chosen.push(...(await findPortals(db, refs)));
  if (!demo && !starts.length && !refs?.length) chosen.push(...(await findPortals(db)));
  return [...new Map(chosen.map((p) => [p.id, p])).values()];
}

/** On a terminal: a live totals line, failures and host events as lines above it; otherwise one JSON line per event. */
function report(e: CrawlEvent, totals: CrawlTotals, progress: ReturnType<typeof createProgress>, color: boolean): void {
  const p = paint(color);
  if (!process.stderr.isTTY) {
    process.stderr.write(`${JSON.stringify({ time: new Date().toISOString(), ...e })}\n`);
    return;
  }
  if (e.type === "fetch") {
    if (e.outcome === "failed" || e.outcome === "blocked") {
      progress.done();
      process.stderr.write(`${p.red(e.outcome)} ${e.url}: ${e.detail ?? ""}\n`);
    }
    totals.count(e);
    progress.step(totals.line());
    return;
  }
  progress.done();
  process.stderr.write(`${e.type === "host" ? e.host : `run ${e.runId}`}: ${e.message}\n`);
}

async function printSummary(db: Kysely<Database>, summary: CrawlSummary, json: boolean, color: boolean): Promise<void> {
  const stats = await runPortalStats(db, summary.runId);
  const failures = await runFailures(db, summary.runId);
  if (json) {
    process.stdout.write(`${JSON.stringify(snakeKeys({ runId: summary.runId, status: summary.status, resumed: summary.resumed, portals: stats, blockedHosts: summary.blockedHosts, failures, warcRepairs: summary.warcRepairs }))}\n`);
    return;
  }
  const p = paint(color);
  const rows = stats.map((s) => [
    s.portalId, truncate(s.name, 28), String(s.pages), String(s.documents), String(s.reportsNew), String(s.reportsChanged),
    String(s.reportsUnchanged), String(s.notReports), s.failures ? p.red(String(s.failures)) : "0", s.blockedHosts.length ? p.red(s.blockedHosts.join(" ")) : "",
  ]);
  process.stdout.write(`crawl run ${summary.runId} ${summary.status}${summary.resumed ? " (resumed)" : ""}\n`);
  process.stdout.write(textTable(["portal", "name", "pages", "documents", "new", "changed", "unchanged", "not reports", "failures", "blocked hosts"], rows, { right: [0, 2, 3, 4, 5, 6, 7, 8], header: p.bold }));
  for (const b of summary.blockedHosts) process.stdout.write(`${p.red("blocked")} ${b.host}: ${b.reason} — reported as blocked, not as "no reports"\n`);
  for (const f of failures) process.stdout.write(`${p.red(f.outcome)} ${f.url}: ${f.detail ?? ""}\n`);
}
