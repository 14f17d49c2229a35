import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { Kysely } from "kysely";
import type { Database } from "../src/store/database.ts";
import { openStore } from "../src/store/open-store.ts";
import { startBenchPortal } from "./crawl-portal.ts";

// npm run bench:crawl — the crawler on a generated portal of 5,000 pages and 500 reports (bench/
// crawl-portal.ts), politeness off, beside a bare fetch loop over the same URLs in the same run:
// - first crawl: requests/s of `nianbao crawl` (the real command, its own process, archiving into
//   a fresh embedded PostgreSQL) beside a sequential `fetch` loop over the URLs it fetched (ratio,
//   goal ≥ 0.5) — over the crawl run itself (crawl_runs: started → finished, documents extracted
//   and archived) and over the whole command (start-up and the archive's creation included) —
//   and the crawler's peak RSS (goal < 500 MB);
// - recrawl of the unchanged portal: share of document requests answered 304 (goal ≥ 95%), new
//   versions (goal 0), and its time beside the first crawl's (goal < 20%).
// Figures go to stdout and .bench/crawl.json.

const ROOT = resolve(import.meta.dirname, "..");
const BIN = join(ROOT, "bin", "nianbao.js");
const CONCURRENCY = Number(process.env.BENCH_CRAWL_CONCURRENCY ?? 8);
const MB = 1024 * 1024;

interface CrawlRun { seconds: number; peakRssMb: number; code: number | null; stdout: string }

/** Runs `nianbao crawl` in its own process, sampling its peak RSS (VmHWM) until it exits. */
function runCrawl(args: string[], env: NodeJS.ProcessEnv): Promise<CrawlRun> {
  return new Promise((done) => {
    const started = performance.now();
    const child = spawn(process.execPath, [BIN, "crawl", ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "ignore"] });
    let stdout = "";
    let peak = 0;
    child.stdout.on("data", (d: Buffer) => { stdout += d.toString(); });
    const sample = () => {
      try {
        const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
        if (hwm) peak = Math.max(peak, Number(hwm[1]) * 1024);
      } catch { /* exited */ }
    };
    const timer = setInterval(sample, 100);
    child.on("exit", (code) => {
      clearInterval(timer);
      done({ seconds: (performance.now() - started) / 1000, peakRssMb: peak / MB, code, stdout });
    });
  });
}

/** A bare sequential fetch loop over the URLs: the baseline. */
async function bareLoop(urls: string[]): Promise<number> {
  const started = performance.now();
  for (const url of urls) await (await fetch(url)).arrayBuffer();
  return (performance.now() - started) / 1000;
}

async function main(): Promise<void> {
  process.stdout.write("bench:crawl: starting the generated portal (the first start renders its attachments, ~25 s) …\n");
  const portal = await startBenchPortal({ pages: 5000, documents: 500 });
  const storage = await mkdtemp(join(tmpdir(), "nianbao-bench-crawl-"));
  try {
    const args = ["--start", portal.url, "--storage", storage, "--delay", "0", "--per-host", String(CONCURRENCY), "--concurrency", String(CONCURRENCY), "--max-pages", "20000", "--no-browser", "--json"];
    const env = { DATABASE_URL: "" };
    const first = await runCrawl(args, env);
    if (first.code !== 0) throw new Error(`the first crawl failed (exit ${first.code})`);
    const firstServed = portal.served();

    const store = await openStore({ storage, onProgress: () => undefined });
    let fetched: string[];
    let versionsAfterFirst: number;
    let firstRun: number;
    try {
      fetched = (await store.db.selectFrom("crawl_fetches").select("url").where("run_id", "=", "1").execute()).map((r) => r.url);
      firstRun = await runSeconds(store.db, "1");
      versionsAfterFirst = Number((await store.db.selectFrom("report_versions").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
    } finally {
      await store.close();
    }
    const bare = await bareLoop(fetched);
    const beforeRecrawl = portal.served();

    const second = await runCrawl(args, env);
    if (second.code !== 0) throw new Error(`the recrawl failed (exit ${second.code})`);
    const served = portal.served();
    const store2 = await openStore({ storage, onProgress: () => undefined });
    let documentRequests = 0, document304 = 0, versionsAfterSecond = 0, secondRun = 0;
    try {
      secondRun = await runSeconds(store2.db, "2");
      const rows = await store2.db.selectFrom("crawl_fetches").select(["kind", "http_status"]).where("run_id", "=", "2").execute();
      for (const r of rows) {
        if (r.kind !== "detail" && r.kind !== "attachment") continue;
        documentRequests++;
        if (r.http_status === 304) document304++;
      }
      versionsAfterSecond = Number((await store2.db.selectFrom("report_versions").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);
    } finally {
      await store2.close();
    }

    const figures = {
      portal: portal.expected,
      first: {
        requests: fetched.length, runSeconds: round(firstRun, 2), runRequestsPerSecond: round(fetched.length / firstRun), ratio: round(bare / firstRun, 3),
        seconds: round(first.seconds), requestsPerSecond: round(fetched.length / first.seconds), commandRatio: round(bare / first.seconds, 3),
        bareSeconds: round(bare, 2), bareRequestsPerSecond: round(fetched.length / bare),
        peakRssMb: round(first.peakRssMb), versions: versionsAfterFirst, served: firstServed,
      },
      recrawl: {
        seconds: round(second.seconds), timeShare: round(second.seconds / first.seconds, 3), runSeconds: round(secondRun, 2), runRequestsPerSecond: round(fetched.length / secondRun),
        documentRequests, document304,
        share304: round(document304 / Math.max(1, documentRequests), 3), newVersions: versionsAfterSecond - versionsAfterFirst,
        served: { requests: served.requests - beforeRecrawl.requests, notModified: served.notModified - beforeRecrawl.notModified },
      },
      goals: { ratio: 0.5, peakRssMb: 500, share304: 0.95, newVersions: 0, timeShare: 0.2 },
      concurrency: CONCURRENCY,
    };
    const f = figures.first, r = figures.recrawl;
    process.stdout.write([
      `first crawl: ${f.requests} requests; bare fetch loop over the same URLs ${f.bareSeconds} s = ${f.bareRequestsPerSecond}/s`,
      `  crawl run ${f.runSeconds} s = ${f.runRequestsPerSecond}/s, ratio ${f.ratio} (goal ≥ 0.5); whole command ${f.seconds} s = ${f.requestsPerSecond}/s, ratio ${f.commandRatio}`,
      `  archived ${f.versions} report versions of ${figures.portal.documents} reports; crawler peak RSS ${f.peakRssMb} MB (goal < 500)`,
      `recrawl: ${r.seconds} s = ${Math.round(r.timeShare * 100)}% of the first (goal < 20%), crawl run ${r.runSeconds} s = ${r.runRequestsPerSecond}/s; document requests ${r.documentRequests}, 304 ${r.document304} (${Math.round(r.share304 * 100)}%, goal ≥ 95%); new versions ${r.newVersions} (goal 0)`,
    ].join("\n") + "\n");
    await mkdir(join(ROOT, ".bench"), { recursive: true });
    await writeFile(join(ROOT, ".bench", "crawl.json"), `${JSON.stringify(figures, null, 2)}\n`);
  } finally {
    await portal.close();
    await rm(storage, { recursive: true, force: true });
  }
}

/** A crawl run's own time: from its start (archive open, portals read) to its end (every document archived, the log written). */
async function runSeconds(db: Kysely<Database>, runId: string): Promise<number> {
  const run = await db.selectFrom("crawl_runs").select(["started_at", "finished_at"]).where("id", "=", runId).executeTakeFirstOrThrow();
  if (!run.finished_at) throw new Error(`crawl run ${runId} did not finish`);
  return (new Date(run.finished_at).getTime() - new Date(run.started_at).getTime()) / 1000;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

main().catch((err: unknown) => {
  process.stderr.write(`bench:crawl: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
