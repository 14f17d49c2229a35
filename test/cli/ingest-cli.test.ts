import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { chmod, copyFile, mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { corpus } from "../store/corpus.ts";
import { BIN } from "./run-cli.ts";

// `nianbao ingest` and `nianbao reextract` as a user runs them: the built CLI, its own embedded
// PostgreSQL in a temp --storage folder (DATABASE_URL unset).

function nianbao(args: string[], env: Record<string, string | undefined> = {}) {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete merged[k];
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: "utf8", timeout: 120_000, env: merged });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("nianbao ingest / reextract", () => {
  let work: string;
  let storage: string;
  let docs: string;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), "nianbao-cli-"));
    await chmod(work, 0o755);
    storage = join(work, "archive");
    docs = join(work, "docs");
    await mkdir(join(docs, "nested"), { recursive: true });
    for (const doc of corpus()) await copyFile(doc.path, join(docs, doc.name.includes("huaian") ? "nested/huaian-2024.pdf" : doc.name.replace("seeds/", "")));
    await writeFile(join(docs, "notice.txt"), "关于召开会议的通知\n\n各单位：定于明天开会。\n");
    await writeFile(join(docs, "nested", "logo.png"), new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  });
  afterAll(async () => { await rm(work, { recursive: true, force: true }); });

  it("archives a folder: 6 reports, the notice skipped with its reason, a missing path failed (exit 1)", () => {
    const r = nianbao(["ingest", docs, join(work, "missing.pdf"), "--storage", storage], { DATABASE_URL: undefined, NIANBAO_STORAGE: undefined });
    expect(r.stdout).toContain("ingested 7 documents: 6 archived (6 new versions, of which 6 new reports; 0 unchanged), 1 skipped, 1 failed; 1 file in folders ignored (not documents)");
    expect(r.stdout).toMatch(/skipped .*notice\.txt: not an annual report/);
    expect(r.stdout).toMatch(/failed .*missing\.pdf: no such file or directory/);
    expect(r.code).toBe(1);
    // The one agency its text does not place is named in a warning.
    expect(r.stderr).toMatch(/^nianbao: warning: 高平镇人民政府: fits 3 divisions: .* not placed \(give --region or --region-code\)$/m);
    expect(r.stderr.match(/warning:/g)).toHaveLength(1);
    // Not a terminal: progress as JSON lines on stderr.
    const events = r.stderr.split("\n").filter((l) => l.startsWith("{")).map((l) => JSON.parse(l) as { status: string; agency?: string; file?: string });
    expect(events.filter((e) => e.status === "new").map((e) => e.agency).sort()).toEqual(
      ["大孝堡镇人民政府", "大通区人民政府办公室", "桃江县桃花江镇人民政府", "海原县西安镇人民政府", "淮安市人民政府", "高平镇人民政府"].sort(),
    );
    // The embedded server was created in the storage folder, and stopped on exit.
    const config = JSON.parse(readFileSync(join(storage, "postgres.json"), "utf8")) as { port: number; password: string };
    expect(config.port).toBeGreaterThan(0);
    expect(existsSync(join(storage, "postgres", "PG_VERSION"))).toBe(true);
    expect(existsSync(join(storage, "postgres", "postmaster.pid"))).toBe(false);
  });

  it("ingesting again changes nothing (exit 0); NIANBAO_STORAGE names the folder too", () => {
    const r = nianbao(["ingest", docs], { DATABASE_URL: undefined, NIANBAO_STORAGE: storage });
    expect(r.stdout).toContain("ingested 7 documents: 6 archived (0 new versions, of which 0 new reports; 6 unchanged), 1 skipped, 0 failed");
    expect(r.code).toBe(0);
  });

  it("--agency/--year/--url file one document under the given identity", async () => {
    const seed = join(docs, "002_dbf068044dca84d8.txt");
    const r = nianbao(["ingest", seed, "--agency", "高平镇人民政府（测试）", "--year", "2020", "--url", "https://example.gov.cn/gp.html",
      "--region", "四川省/南充市/南部县", "--region-code", "511321100000", "--storage", storage], { DATABASE_URL: undefined });
    expect(r.stdout).toContain("1 archived (1 new version, of which 1 new report; 0 unchanged)");
    expect(r.code).toBe(0);
    const listed = nianbao(["reports", "--region", "南充", "--json", "--storage", storage]).stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(listed.map((x: { agency: string; year: number }) => [x.agency, x.year])).toEqual([["高平镇人民政府（测试）", 2020]]);
    expect(nianbao(["ingest", seed, "--region-code", "12", "--storage", storage]).stderr).toContain("--region-code 12 is not");
    expect(nianbao(["ingest", docs, "--url", "https://x", "--storage", storage]).code).toBe(2);
    expect(nianbao(["ingest", seed, "--year", "20x", "--storage", storage]).stderr).toContain("--year 20x is not a year");
  });

  it("reextract re-reads every capture without fetching", () => {
    const r = nianbao(["reextract", "--storage", storage], { DATABASE_URL: undefined });
    expect(r.stdout).toMatch(/^re-extracted 15 captures with nianbao-extract\/[^:]+: 0 new versions \(0 new reports\), 13 unchanged, 2 skipped\n$/);
    expect(r.code).toBe(0);
  });

  it("the archive holds what was ingested, for any PostgreSQL client", async () => {
    const config = JSON.parse(readFileSync(join(storage, "postgres.json"), "utf8")) as { port: number; password: string };
    const { startEmbeddedServer } = await import("../../src/store/embedded-server.ts");
    const server = await startEmbeddedServer({ storage, onProgress: () => undefined });
    try {
      expect(server.port).toBe(config.port);
      const client = new pg.Client({ connectionString: server.url() });
      await client.connect();
      const rows = (await client.query("select agency, year, value from latest_values where key = 'requests.new.total' order by agency, year")).rows;
      const reports = (await client.query("select count(*)::int as n from latest_versions")).rows[0].n;
      await client.end();
      expect(reports).toBe(7);
      expect(rows).toContainEqual({ agency: "淮安市人民政府", year: 2024, value: expect.any(String) });
      expect(rows).toContainEqual({ agency: "高平镇人民政府（测试）", year: 2020, value: expect.any(String) });
      expect(rows).toContainEqual({ agency: "大通区人民政府办公室", year: 2023, value: "2" });
      expect(rows.map((r) => r.agency)).not.toContain("大孝堡镇人民政府"); // its table 三 is cut short: no number
    } finally {
      await server.stop();
    }
  });

  it("an unreachable DATABASE_URL is one line on stderr, exit 1, within seconds", () => {
    const started = Date.now();
    const r = nianbao(["ingest", docs], { DATABASE_URL: "postgres://u:p@127.0.0.1:1/x" });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("nianbao: cannot connect to PostgreSQL at 127.0.0.1:1/x: connection refused; is the server running, and is the address in DATABASE_URL right?\n");
  });
});
