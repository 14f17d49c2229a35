import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BIN } from "../cli/run-cli.ts";
import { ingestSynthetic } from "../store/read-side-fixtures.ts";
import { freshDatabase, type FreshDatabase } from "../store/support/index.ts";

// `nianbao serve` and `nianbao db` as a user runs them (the built CLI): until Ctrl-C, then a
// clean exit; the embedded PostgreSQL kept for whoever still uses it and stopped by the last.

interface Running { child: ChildProcess; stdout: string; stderr: string; exited: Promise<number | null> }

function start(args: string[], env: Record<string, string | undefined>): Running {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k];
  const child = spawn(process.execPath, [BIN, ...args], { env: merged, stdio: ["ignore", "pipe", "pipe"] });
  const r: Running = { child, stdout: "", stderr: "", exited: new Promise((resolve) => child.on("exit", (code) => resolve(code))) };
  child.stdout!.on("data", (d: Buffer) => { r.stdout += d.toString("utf8"); });
  child.stderr!.on("data", (d: Buffer) => { r.stderr += d.toString("utf8"); });
  return r;
}

async function waitFor(r: Running, pattern: RegExp, within = 60_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + within;
  for (;;) {
    const m = (r.stdout + r.stderr).match(pattern);
    if (m) return m;
    if (r.child.exitCode !== null || Date.now() > deadline) throw new Error(`no ${pattern} (exit ${r.child.exitCode}): ${r.stdout}${r.stderr}`);
    await new Promise((res) => setTimeout(res, 100));
  }
}

async function stop(r: Running): Promise<number | null> {
  r.child.kill("SIGINT");
  return r.exited;
}

describe("nianbao serve with DATABASE_URL", () => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    fresh = await freshDatabase();
    await ingestSynthetic(fresh.db, { seed: 7, agency: "青山镇人民政府", year: 2023 });
  });
  afterAll(async () => { await fresh?.drop(); });

  it("serves on a loopback port until Ctrl-C, then exits 0", async () => {
    const r = start(["serve", "--port", "0"], { DATABASE_URL: fresh.url });
    try {
      const [, url] = await waitFor(r, /serving the archive at (http:\/\/127\.0\.0\.1:\d+\/) \(read-only\)/);
      const home = await fetch(url);
      expect(home.status).toBe(200);
      expect(await home.text()).toContain("青山镇人民政府");
      expect(await stop(r)).toBe(0);
      expect(r.stderr).toContain("stopping");
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      r.child.kill("SIGKILL");
    }
  });

  it("rejects a bad port or host with one line (exit 2)", () => {
    for (const args of [["--port", "http"], ["--port", "70000"], ["--host", "example.org"]]) {
      const r = spawnSync(process.execPath, [BIN, "serve", ...args], { encoding: "utf8", env: { ...process.env, DATABASE_URL: fresh.url } });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
    }
  });

  it("nianbao db explains what to do with DATABASE_URL", () => {
    const r = spawnSync(process.execPath, [BIN, "db"], { encoding: "utf8", env: { ...process.env, DATABASE_URL: fresh.url } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/DATABASE_URL is set: .*ALTER ROLE nianbao_reader LOGIN PASSWORD/);
  });
});

describe("nianbao db and serve on the embedded server", () => {
  let storage: string;
  beforeAll(async () => {
    storage = await mkdtemp(join(tmpdir(), "nianbao-db-"));
    await chmod(storage, 0o755);
  });
  afterAll(async () => { await rm(storage, { recursive: true, force: true }); });

  it("db prints a read-only URL and keeps the server until Ctrl-C; serve shares it; the last one stops it", async () => {
    const env = { DATABASE_URL: undefined, NIANBAO_STORAGE: undefined };
    const db = start(["db", "--url", "--storage", storage], env);
    let serve: Running | undefined;
    try {
      const [url] = await waitFor(db, /^postgres:\/\/nianbao_reader:[0-9a-f]+@127\.0\.0\.1:\d+\/nianbao$/m, 90_000);
      expect(db.stdout.trim()).toBe(url); // --url: the URL alone on standard output
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        expect((await client.query("select count(*)::int as n from reports")).rows[0].n).toBe(0);
        await expect(client.query("insert into agencies (name) values ('x')")).rejects.toMatchObject({ code: expect.stringMatching(/^(42501|25006)$/) });
      } finally {
        await client.end();
      }

      serve = start(["serve", "--port", "0", "--storage", storage], env);
      const [, web] = await waitFor(serve, /serving the archive at (http:\/\/127\.0\.0\.1:\d+\/) \(read-only, as nianbao_reader\)/);
      expect((await fetch(web)).status).toBe(200);
      expect(await stop(serve)).toBe(0);
      // serve did not start the server: it is still there for db's users.
      const again = new pg.Client({ connectionString: url });
      await again.connect();
      await again.end();

      expect(await stop(db)).toBe(0);
      expect(existsSync(join(storage, "postgres", "postmaster.pid"))).toBe(false);
    } finally {
      serve?.child.kill("SIGKILL");
      db.child.kill("SIGKILL");
    }
  });
});
