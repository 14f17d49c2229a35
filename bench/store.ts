import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { progress } from "./progress.ts";
import { benchAgencies } from "./store-agencies.ts";
import { copyBaseline, unnestBaseline } from "./store-baseline.ts";
import { formatResults } from "./store-format.ts";
import { ingestAll } from "./store-ingest.ts";
import { measureReads } from "./store-reads.ts";
import { prepareReports } from "./store-records.ts";
import { GOALS, throughput, type StoreBenchResults } from "./store-results.ts";
import { measureSize } from "./store-size.ts";
import { openTempArchive } from "./store-temp-archive.ts";

// `npm run bench:store`: the archive on a fresh embedded PostgreSQL (temp folder, removed at the
// end). 10,000 synthetic reports (2,000 agencies × 2019–2023, ≈200 values each) go through the
// write path's database part (one transaction per report, as ingestDocument runs it after
// extraction); the same values are then loaded bare with COPY (the baseline) and with a bulk
// unnest insert. Then the two research reads are timed and explained, and the database weighed.
// Prints a table and writes .bench/store-results.json.
//
// Knobs (environment): BENCH_STORE_AGENCIES (2000), BENCH_STORE_CONCURRENCY (4), BENCH_STORE_RUNS (50).

const AGENCIES = Number(process.env.BENCH_STORE_AGENCIES ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_STORE_CONCURRENCY ?? 4);
const RUNS = Number(process.env.BENCH_STORE_RUNS ?? 50);
const YEARS = [2019, 2020, 2021, 2022, 2023];

const root = fileURLToPath(new URL("../", import.meta.url));
const benchDir = join(root, ".bench");
const log = (line: string) => process.stderr.write(`${line}\n`);

const loadAtStart = loadavg()[0];
const agencies = benchAgencies(AGENCIES);
const total = agencies.length * YEARS.length;
const bar = progress("prepare", total);
const prepareStart = performance.now();
const reports = prepareReports(agencies, YEARS, (done) => { if (process.stderr.isTTY || done % 1000 === 0) bar.tick(done); });
const prepareMs = performance.now() - prepareStart;
const values = reports.reduce((s, r) => s + Object.keys(r.record.values).length, 0);
const textBytes = reports.reduce((s, r) => s + Buffer.byteLength(r.text), 0);
bar.end(`${reports.length} records, ${values} values in ${(prepareMs / 1000).toFixed(1)} s`);

log("starting a fresh embedded PostgreSQL in a temp folder …");
const archive = await openTempArchive((line) => log(`nianbao: ${line}`));
let results: StoreBenchResults;
try {
  const { db } = archive;
  const { rows: [{ version }] } = await sql<{ version: string }>`select current_setting('server_version') as version`.execute(db);

  const ingest = await ingestAll(db, reports, CONCURRENCY);
  const { rows: [stored] } = await sql<{ reports: number; values: number }>`
    select (select count(*)::int from reports) as reports, (select count(*)::int from report_values) as values`.execute(db);
  if (stored.reports !== reports.length || stored.values !== values) {
    throw new Error(`stored ${stored.reports} reports and ${stored.values} values, expected ${reports.length} and ${values}`);
  }

  const client = await archive.client();
  // Let the ingest's dirty pages and dead rows settle first, so the baseline does not pay for
  // the checkpoint and autovacuum our writes left behind (which halved COPY's rate in some runs).
  await sql`vacuum analyze`.execute(db);
  await sql`checkpoint`.execute(db);
  log("baseline: COPY of the same values into a scratch copy of report_values …");
  const copy = throughput(await copyBaseline(client, reports, ingest.versionIds));
  log("baseline: bulk unnest insert of the same values …");
  const unnestRun = await unnestBaseline(client, reports, ingest.versionIds);
  const unnest = { ...throughput(unnestRun), batch: unnestRun.batch ?? 0 };
  if (copy.values !== values || unnest.values !== values) throw new Error(`baselines loaded ${copy.values} / ${unnest.values} values, expected ${values}`);

  // Statistics and visibility map as autovacuum would soon leave them:
  log("vacuum analyze …");
  await sql`vacuum analyze`.execute(db);
  const size = await measureSize(db);

  log(`reads: ${RUNS} runs each after warm-up …`);
  const agencyIds = (await db.selectFrom("agencies").select("id").orderBy("id").execute()).map((a) => a.id);
  const { reads, checks } = await measureReads({
    db, recordingDb: archive.recordingDb, agencyIds, years: [2022, 2023], reports: reports.length, runs: RUNS,
  });

  const valuesPerSecond = ingest.values / (ingest.ms / 1000);
  results = {
    date: new Date().toISOString(),
    node: process.version,
    cpu: `${cpus()[0]?.model.trim() ?? "unknown CPU"} ×${cpus().length}`,
    postgres: version,
    load: { start: loadAtStart, end: loadavg()[0] },
    corpus: { agencies: agencies.length, years: YEARS, reports: reports.length, values, valuesPerReport: values / reports.length, textKbPerReport: textBytes / 1024 / reports.length, prepareMs },
    ingest: { values: ingest.values, ms: ingest.ms, valuesPerSecond, records: ingest.records, recordsPerSecond: ingest.records / (ingest.ms / 1000), concurrency: ingest.concurrency },
    baselines: { copy, unnest },
    ratio: valuesPerSecond / copy.valuesPerSecond,
    ratioUnnest: valuesPerSecond / unnest.valuesPerSecond,
    reads,
    planChecks: checks,
    size,
  };
} finally {
  log("stopping the embedded PostgreSQL and removing its temp folder …");
  await archive.close();
}

console.log(formatResults(results));
mkdirSync(benchDir, { recursive: true });
writeFileSync(join(benchDir, "store-results.json"), JSON.stringify(results, null, 1) + "\n");
console.log(`(figures in .bench/store-results.json; goals: ratio >= ${GOALS.ratio}, reads < ${GOALS.latencyMs} ms)`);
if (results.planChecks.some((c) => c.level === "failed")) process.exitCode = 1;
