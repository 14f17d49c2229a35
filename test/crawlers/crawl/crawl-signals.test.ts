import { spawn } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN } from "../../cli/run-cli.ts";
import { startFixturePortals, type FixturePortals } from "../fixture-portal/index.ts";
import { tempStorage } from "./crawl-support.ts";

// `nianbao crawl` on the embedded archive, stopped as a user stops it: Ctrl-C (SIGINT) mid-crawl
// winds the crawl down (exit 130, the run "interrupted", no error), the archive's server kept up
// until its last write; the same command then resumes the run and finishes it with every report
// (requests in flight at the stop, often one the portal answers 500 before 200, used to be cut off
// and marked handled: their reports were lost to the resume — the check fails then about one run
// in three, as the stop does not always meet such a request). And a crawl that
// outgrows the heap it was given says so in one line, with the option that gives it more.

let portals: FixturePortals;
let storage: Awaited<ReturnType<typeof tempStorage>>;

beforeAll(async () => {
  portals = await startFixturePortals({ sites: ["trs"], latencyMs: 10 });
  storage = await tempStorage();
}, 120_000);
afterAll(async () => {
  await portals?.close();
  await storage?.remove();
});

interface Run { code: number | null; stdout: string; stderr: string }

/**
 * The CLI on the embedded archive in `storage`; with interruptAfter, SIGINT once that many fetches
 * had the outcome (a new report unless told); onFetch is called at its first fetch.
 */
function cli(args: string[], interruptAfter?: number, outcome = "report_new", onFetch?: () => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args, "--storage", storage.dir], { env: { ...process.env, DATABASE_URL: "", NIANBAO_CHROMIUM: "/nonexistent" } });
    let stdout = "", stderr = "", sent = false;
    child.stdout.on("data", (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (onFetch && stderr.includes('"type":"fetch"')) {
        onFetch();
        onFetch = undefined;
      }
      if (interruptAfter !== undefined && !sent && (stderr.match(new RegExp(`"outcome":"${outcome}"`, "g")) ?? []).length >= interruptAfter) {
        sent = true;
        child.kill("SIGINT");
      }
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("nianbao crawl stopped with Ctrl-C", () => {
  it("ends the run interrupted with exit 130, then the same command resumes and finishes it", async () => {
    const expected = portals.sites.trs.expected;
    const args = ["crawl", "--start", portals.sites.trs.url, "--delay", "150"];

    const stopped = await cli(args, 2);
    expect(stopped.code, stopped.stderr).toBe(130);
    expect(stopped.stdout).toMatch(/crawl run 1 interrupted/);
    expect(stopped.stderr).toContain("stopping the crawl");
    expect(stopped.stderr).not.toMatch(/internal error|terminating connection|\n\s+at /);
    const second = await cli(["crawl", "--start", portals.sites.trs.url, "--delay", "0", "--json"]);
    const resumed = JSON.parse(second.stdout) as { run_id: string; status: string; resumed: boolean };
    expect(resumed).toMatchObject({ run_id: "1", status: "finished", resumed: true });

    const reports = await cli(["reports", "--json"]);
    expect(reports.code, reports.stderr).toBe(0);
    const rows = reports.stdout.trim().split("\n").map((l) => JSON.parse(l) as { agency: string; year: number });
    expect(rows.map((r) => `${r.agency} ${r.year}`).sort()).toEqual(expected.map((e) => `${e.agency} ${e.year}`).sort());
  }, 180_000);

  it("--fresh gives an interrupted run up: it ends failed, its request queue is removed, and a new run crawls", async () => {
    const args = ["crawl", "--start", portals.sites.trs.url, "--delay", "150", "--json"];
    const stopped = await cli(args, 1, "report_unchanged");
    expect(stopped.code, stopped.stderr).toBe(130);
    const queues = join(storage.dir, "crawlee", "request_queues");
    expect(await readdir(queues)).toEqual(["crawl-2"]);
    const fresh = await cli([...args, "--fresh"]);
    expect(JSON.parse(fresh.stdout)).toMatchObject({ run_id: "3", status: "finished", resumed: false });
    expect(await readdir(queues)).toEqual([]);
  }, 120_000);

  it("refuses a second crawl of a portal another process is crawling (--fresh too), and the first goes on", async () => {
    const url = portals.sites.trs.url;
    let others: Promise<Run[]> | undefined;
    const first = await cli(["crawl", "--start", url, "--delay", "300", "--json"], undefined, undefined, () => {
      others = Promise.all([cli(["crawl", "--start", url, "--json"]), cli(["crawl", "--start", url, "--fresh", "--json"])]);
    });
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ status: "finished", resumed: false });
    for (const other of await others!) {
      expect(other.code).toBe(1);
      const lines = other.stderr.trim().split("\n").filter((l) => !l.startsWith("{"));
      expect(lines).toEqual([expect.stringMatching(/^nianbao: portal 1 \(127\.0\.0\.1\) is being crawled by another nianbao process; wait for that crawl to finish/)]);
    }
  }, 120_000);

  it("says in one line when the crawl outgrows its heap, and how to give it more", async () => {
    const r = await cli(["crawl", "--start", portals.sites.trs.url, "--delay", "0", "--memory", "16", "--fresh"]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n").filter((l) => !l.startsWith("{"));
    expect(lines.at(-1)).toMatch(/^nianbao: the crawl ran out of memory \(its heap is limited to 16 MB\); run the same command with --memory 32: it resumes/);
    expect(r.stderr).not.toMatch(/\n\s+at /);

  }, 120_000);
});
