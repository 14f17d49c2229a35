import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import { enableReader } from "../src/store/reader-role.ts";
import { progress } from "./progress.ts";
import { databaseCpuMs, postmasterOf, processCpuMs } from "./serve-cpu.ts";
import { load, type LoadFigures } from "./serve-load.ts";
import { benchAgencies } from "./store-agencies.ts";
import { ingestAll } from "./store-ingest.ts";
import { prepareReports } from "./store-records.ts";
import { openStore } from "../src/store/open-store.ts";
import { openTempArchive } from "./store-temp-archive.ts";

// `npm run bench:serve`: the web server over an archive of 10,000 synthetic reports (bench:store's
// generator: 2,000 agencies × 2019–2023, in 10 counties), loaded by autocannon with 20
// connections against the report page, the agency-across-years page, a year diff, the
// key-across-agencies page and search, beside a trivial route in the same run. Each page's
// paths rotate over many reports and agencies. Prints the figures and writes
// .bench/serve-results.json. Goals: p95 < 50 ms (report, agency, diff), < 150 ms (search, values).
//
// Knobs (environment): BENCH_SERVE_AGENCIES (2000), BENCH_SERVE_SECONDS (10), BENCH_SERVE_CONNECTIONS (20),
// BENCH_SERVE_STORAGE (keep the archive in that folder between runs), BENCH_SERVE_RUNS (1: load
// each route this many times, the rounds interleaved, and give the medians and the p95's range:
// the machine is shared, one run can be unlucky), BENCH_SERVE_ROUTES (a pattern: only the routes
// whose name it matches, and the trivial one), BENCH_SERVE_MODES ("no cache,cache": the servers),
// BENCH_SERVE_BASE (another checkout of nianbao, e.g. `git worktree add /tmp/base main` with its
// node_modules: its server, without a page cache, is loaded too, route by route alternately
// with this one's, so a before/after comparison meets the same machine at the same moments).

const AGENCIES = Number(process.env.BENCH_SERVE_AGENCIES ?? 2000);
const SECONDS = Number(process.env.BENCH_SERVE_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_SERVE_CONNECTIONS ?? 20);
const RUNS = Math.max(1, Number(process.env.BENCH_SERVE_RUNS ?? 1));
const ROUTES = new RegExp(process.env.BENCH_SERVE_ROUTES ?? "", "i");
const MODES = (process.env.BENCH_SERVE_MODES ?? "no cache,cache").split(",").map((m) => m.trim());
const YEARS = [2019, 2020, 2021, 2022, 2023];
const READER_PASSWORD = "0123456789abcdef0123456789abcdef";
const root = fileURLToPath(new URL("../", import.meta.url));
const log = (line: string) => process.stderr.write(`${line}\n`);

const agencies = benchAgencies(AGENCIES);
const bar = progress("prepare", agencies.length * YEARS.length);
const reports = prepareReports(agencies, YEARS, (done) => { if (done % 1000 === 0) bar.tick(done); });
bar.end(`${reports.length} records`);

// BENCH_SERVE_STORAGE: an archive folder to keep between runs (filled on the first), instead of a temp one.
const keep = process.env.BENCH_SERVE_STORAGE;
log(keep ? `opening the archive in ${keep} …` : "starting a fresh embedded PostgreSQL in a temp folder …");
const archive = keep ? await openStore({ storage: keep }) : await openTempArchive((line) => log(`nianbao: ${line}`));
const results: (LoadFigures & { mode: string; run: number; serverCpu: number | null; dbCpu: number | null })[] = [];
const servers: ReturnType<typeof spawn>[] = [];
const serverPids = new Map<string, number | undefined>();

function startServer(url: string, cacheMb: number, checkout = root): Promise<string> {
  const child = spawn(process.execPath, [join(checkout, "bench/serve-server.ts"), url, String(cacheMb)], { stdio: ["ignore", "pipe", "inherit"] });
  servers.push(child);
  return new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d: Buffer) => { out += d; const m = /\{"url":"([^"]+)"\}/.exec(out); if (m) resolve(m[1].replace(/\/$/, "")); });
    child.on("exit", (code) => reject(new Error(`the server exited (${code})`)));
  });
}
try {
  const { db } = archive;
  const { n } = await db.selectFrom("reports").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  if (Number(n) === 0) {
    await ingestAll(db, reports, 4);
    await sql`vacuum analyze`.execute(db);
  } else if (Number(n) !== reports.length) throw new Error(`${keep} holds ${n} reports, not ${reports.length}: use an empty folder`);
  if (!(await enableReader(db, READER_PASSWORD))) throw new Error("no read-only role (migration 0006)");
  const readerUrl = new URL(archive.url);
  readerUrl.username = "nianbao_reader";
  readerUrl.password = READER_PASSWORD;

  // Two servers on the same archive: without a page cache (every request queries and renders),
  // and with `nianbao serve`'s default cache (64 MB) — each route's paths rotate over hundreds of
  // reports or agencies, so the cached figures mix hits and misses as real traffic would.
  const kinds = [["no cache", 0], ["cache", 64]] as const;
  const bases: [string, string][] = [];
  if (process.env.BENCH_SERVE_BASE) bases.push(["base", await startServer(readerUrl.href, 0, process.env.BENCH_SERVE_BASE)]);
  for (const [mode, mb] of kinds) if (MODES.includes(mode)) bases.push([mode, await startServer(readerUrl.href, mb)]);
  bases.forEach(([mode], i) => serverPids.set(mode, servers[i].pid));
  const { rows: [backend] } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
  const postmaster = new URL(archive.url).hostname.match(/^(127\.|localhost$|\[?::1)/) ? postmasterOf(backend.pid) : undefined;

  const ids = (await db.selectFrom("reports").select(["id", "agency_id"]).orderBy("id").execute());
  const pick = <T>(list: readonly T[], n: number) => Array.from({ length: n }, (_, i) => list[Math.floor((i * 7919) % list.length)]);
  const agencyIds = [...new Set(ids.map((r) => r.agency_id))];
  const counties = [...new Set(agencies.map((a) => a.region))];
  const names = pick(agencies, 50).map((a) => a.name.slice(0, 3)); // e.g. 青山镇: one township's reports
  const all: [string, string[]][] = [
    ["trivial (/healthz)", ["/healthz"]],
    ["report page", pick(ids, 500).map((r) => `/reports/${r.id}`)],
    ["agency across years", pick(agencyIds, 500).map((id) => `/agencies/${id}`)],
    ["year diff", pick(agencyIds, 500).map((id) => `/agencies/${id}/diff?from=2022&to=2023`)],
    ["key across agencies (a county, a year)", counties.flatMap((c) => YEARS.map((y) => `/values?key=requests.new.total&year=${y}&region=${encodeURIComponent(c)}`))],
    ["key ratio (denied per 100 new, a county)", counties.map((c) => `/values?key=sum%3Arequests.denied.total&per=requests.new.total&year=2023&region=${encodeURIComponent(c)}`)],
    ["search (a place name)", names.map((n) => `/search?q=${encodeURIComponent(n)}`)],
    ["search (a phrase in every report)", ["/search?q=%E4%B8%BB%E5%8A%A8%E5%85%AC%E5%BC%80"]],
    ["api: report", pick(ids, 500).map((r) => `/api/reports/${r.id}`)],
  ];
  const targets = all.filter(([name], i) => i === 0 || ROUTES.test(name));
  for (const [mode, base] of bases) {
    for (const [name, paths] of targets) await load(name, base, paths.slice(0, 3), { connections: 2, seconds: 1 }); // warm-up: code paths, not the page cache
  }
  for (let run = 1; run <= RUNS; run++) {
    for (const [name, paths] of targets) {
      for (const [mode, base] of bases) {
        log(`load: ${name}, ${mode} (${CONNECTIONS} connections, ${SECONDS} s${RUNS > 1 ? `, run ${run} of ${RUNS}` : ""}) …`);
        const cpu0 = processCpuMs(serverPids.get(mode)), db0 = databaseCpuMs(postmaster);
        const figures = await load(name, base, paths, { connections: CONNECTIONS, seconds: SECONDS });
        const cpu1 = processCpuMs(serverPids.get(mode)), db1 = databaseCpuMs(postmaster);
        const perRequest = (a: number | null, b: number | null) => (a === null || b === null || !figures.requests ? null : (b - a) / figures.requests);
        results.push({ ...figures, mode, run, serverCpu: perRequest(cpu0, cpu1), dbCpu: perRequest(db0, db1) });
      }
    }
  }
} finally {
  for (const s of servers) s.kill("SIGTERM");
  await new Promise((r) => setTimeout(r, 500));
  log("stopping the embedded PostgreSQL and removing its temp folder …");
  await archive.close();
}

const GOAL: Record<string, number> = { "report page": 50, "agency across years": 50, "year diff": 50, "key across agencies (a county, a year)": 150, "search (a place name)": 150 };
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
// One line per route and server: the medians over the runs (the p95's range beside them when there are several).
const summary = [...new Set(results.map((r) => `${r.mode}\u0000${r.name}`))].map((id) => {
  const runs = results.filter((r) => `${r.mode}\u0000${r.name}` === id);
  const p95s = runs.map((r) => r.p95);
  return {
    name: runs[0].name, mode: runs[0].mode, rps: median(runs.map((r) => r.rps)), p50: median(runs.map((r) => r.p50)), p95: median(p95s),
    p99: median(runs.map((r) => r.p99)), bytes: median(runs.map((r) => r.bytes)), range: runs.length > 1 ? `${Math.min(...p95s).toFixed(0)}–${Math.max(...p95s).toFixed(0)}` : "",
    errors: runs.reduce((n, r) => n + r.errors + r.non2xx, 0),
    serverCpu: runs.every((r) => r.serverCpu !== null) ? median(runs.map((r) => r.serverCpu!)) : null,
    dbCpu: runs.every((r) => r.dbCpu !== null) ? median(runs.map((r) => r.dbCpu!)) : null,
  };
});
const lines = [
  `bench:serve — ${reports.length} reports, ${CONNECTIONS} connections × ${SECONDS} s per route${RUNS > 1 ? `, ${RUNS} runs (medians)` : ""}; ${cpus()[0]?.model.trim()} ×${cpus().length}; load ${loadavg()[0].toFixed(2)}`,
  "",
  `${"route".padEnd(44)}${"server".padStart(9)}${"req/s".padStart(8)}${"ratio".padStart(8)}${"p50 ms".padStart(8)}${"p95 ms".padStart(8)}${"p95 range".padStart(11)}${"p99 ms".padStart(8)}${"KB".padStart(7)}${"cpu ms".padStart(8)}${"db ms".padStart(7)}${"goal".padStart(9)}  errors`,
  ...summary.map((r) => {
    const trivial = summary.find((x) => x.mode === r.mode)!;
    const goal = GOAL[r.name] ? `<${GOAL[r.name]}${r.p95 < GOAL[r.name] ? " ok" : " !"}` : "";
    return `${r.name.padEnd(44)}${r.mode.padStart(9)}${r.rps.toFixed(0).padStart(8)}${(r.rps / trivial.rps).toFixed(3).padStart(8)}${r.p50.toFixed(1).padStart(8)}${r.p95.toFixed(1).padStart(8)}${r.range.padStart(11)}${r.p99.toFixed(1).padStart(8)}${(r.bytes / 1024).toFixed(1).padStart(7)}${(r.serverCpu?.toFixed(2) ?? "-").padStart(8)}${(r.dbCpu?.toFixed(2) ?? "-").padStart(7)}${goal.padStart(9)}  ${r.errors}`;
  }),
  "",
  "ratio: the route's requests per second over the trivial route's, same server, same run. KB: an answer as sent (headers included),",
  "to a client that accepts compression as browsers do. cpu ms, db ms: CPU time per answer of the web server's process and of the",
  "database server (all its processes): the work an answer costs, which the machine's other load hardly changes.",
];
console.log(lines.join("\n"));
mkdirSync(join(root, ".bench"), { recursive: true });
writeFileSync(join(root, ".bench/serve-results.json"), `${JSON.stringify({ date: new Date().toISOString(), reports: reports.length, connections: CONNECTIONS, seconds: SECONDS, runs: RUNS, summary, results }, null, 1)}\n`);
if (results.some((r) => r.errors + r.non2xx > 0)) process.exitCode = 1;
