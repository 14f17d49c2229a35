import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN } from "../../cli/run-cli.ts";
import { freshDatabase, type FreshDatabase } from "../../store/support/index.ts";
import { startFixturePortals, type FixturePortals } from "../fixture-portal/index.ts";
import { archived, tempStorage, versionCount, warcProblems } from "./crawl-support.ts";

// Crash safety, as a user meets it: `nianbao crawl` killed with SIGKILL mid-crawl, then the same
// command again. It resumes the interrupted run from Crawlee's journaled request queue, finishes,
// and the archive holds each report exactly once; the WARC files are valid (a record torn by the
// kill is cut before the crawl writes on).

let fresh: FreshDatabase;
let portals: FixturePortals;
let storage: Awaited<ReturnType<typeof tempStorage>>;

beforeAll(async () => {
  fresh = await freshDatabase();
  portals = await startFixturePortals({ sites: ["trs", "hanweb"], latencyMs: 15 });
  storage = await tempStorage();
}, 120_000);
afterAll(async () => {
  await portals?.close();
  await fresh?.drop();
  await storage?.remove();
});

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; events: { type: string; outcome?: string }[] }

/** Runs the crawl command; with killAfter, sends SIGKILL once that many reports have been archived. */
function runCrawl(args: string[], killAfter?: number): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, "crawl", ...args], { env: { ...process.env, DATABASE_URL: fresh.url, NIANBAO_CHROMIUM: "/nonexistent" } });
    let stdout = "";
    let buffer = "";
    const events: Run["events"] = [];
    child.stdout.on("data", (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on("data", (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) {
        try { events.push(JSON.parse(line) as Run["events"][number]); } catch { continue; }
      }
      if (killAfter !== undefined && events.filter((e) => e.outcome === "report_new").length >= killAfter && child.exitCode === null) child.kill("SIGKILL");
    });
    child.on("close", (code, signal) => resolve({ code, signal, stdout, events }));
  });
}

describe("nianbao crawl after kill -9", () => {
  it("resumes the same run, finishes, and holds each report exactly once with valid WARC files", async () => {
    const expected = [...portals.sites.trs.expected, ...portals.sites.hanweb.expected];
    const args = ["--start", portals.sites.trs.url, "--start", portals.sites.hanweb.url, "--storage", storage.dir, "--delay", "10", "--concurrency", "4"];

    const killed = await runCrawl(args, 4);
    expect(killed.signal).toBe("SIGKILL");
    const partly = await archived(fresh.db);
    expect(partly.length).toBeGreaterThanOrEqual(4);
    expect(partly.length).toBeLessThan(expected.length);
    const run = await fresh.db.selectFrom("crawl_runs").select(["id", "status", "queue_name"]).executeTakeFirstOrThrow();
    expect(run.status).toBe("running");
    expect(await readdir(join(storage.dir, "crawlee", "request_queues", run.queue_name))).not.toEqual([]);

    const resumed = await runCrawl(args);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain(`crawl run ${run.id} finished (resumed)`);
    expect(resumed.events.some((e) => e.type === "run" && /resuming crawl run/.test(String((e as { message?: string }).message)))).toBe(true);

    // Resumed, not started over: the start pages, handled before the kill, were fetched once.
    for (const site of [portals.sites.trs, portals.sites.hanweb]) expect(portals.log.to(site.url).filter((r) => r.method === "GET"), site.url).toHaveLength(1);

    const reports = await archived(fresh.db);
    expect(reports.map((r) => `${r.agency} ${r.year}`).sort()).toEqual(expected.map((e) => `${e.agency} ${e.year}`).sort());
    for (const e of expected) expect(reports.find((r) => r.agency === e.agency && r.year === e.year)!.values, e.id).toEqual(e.values);
    expect(await versionCount(fresh.db)).toBe(expected.length);
    expect(await warcProblems(storage.dir)).toEqual([]);
    const runs = await fresh.db.selectFrom("crawl_runs").select(["status"]).execute();
    expect(runs).toEqual([{ status: "finished" }]);
  }, 240_000);
});
