import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDatabase } from "../store/support/index.ts";
import { BIN } from "./run-cli.ts";

// `nianbao portals` and `nianbao crawl` as a user runs them: the demo crawl into an archive and a
// recrawl of it, the registry's commands, and one-line errors for bad input.

let fresh: FreshDatabase;
let dir: string;
beforeAll(async () => {
  fresh = await freshDatabase();
  dir = await mkdtemp(join(tmpdir(), "nianbao-crawl-cli-"));
});
afterAll(async () => {
  await fresh?.drop();
  await rm(dir, { recursive: true, force: true });
});

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: fresh.url, NIANBAO_CHROMIUM: "/nonexistent" } });
    let stdout = "", stderr = "";
    child.stdout.on("data", (d: Buffer) => { stdout += d.toString(); });
    child.stderr.on("data", (d: Buffer) => { stderr += d.toString(); });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("nianbao crawl --demo", () => {
  it("crawls the demo portal into the archive, then recrawls it with no new version", async () => {
    const first = await cli(["crawl", "--demo", "--storage", dir]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/crawl run \d+ finished/);
    expect(first.stdout).toMatch(/青峰县人民政府（演示）\s+\d+\s+\d+\s+9\s+0\s+0/); // 9 new reports
    const reports = await cli(["reports", "--json"]);
    const rows = reports.stdout.trim().split("\n").map((l) => JSON.parse(l) as { agency: string; year: number });
    expect(rows.map((r) => `${r.agency} ${r.year}`)).toContain("青峰县人民政府 2023");
    expect(rows).toHaveLength(9);

    const again = await cli(["crawl", "--demo", "--storage", dir, "--json"]);
    expect(again.code, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout) as { portals: { reports_new: number; reports_changed: number; reports_unchanged: number }[] };
    expect(summary.portals[0]).toMatchObject({ reports_new: 0, reports_changed: 0, reports_unchanged: 9 });
    expect(again.stderr.split("\n").filter((l) => l.includes('"kind":"attachment"')).every((l) => l.includes('"status":304'))).toBe(true);
  }, 120_000);
});

describe("nianbao portals", () => {
  it("adds, imports and lists portals (with the last crawl)", async () => {
    const added = await cli(["portals", "add", "http://www.xiaoyi.gov.cn/", "--name", "孝义市人民政府", "--region", "山西省/吕梁市/孝义市", "--code", "141181", "--host", "xxgk.xiaoyi.gov.cn"]);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(/^added portal \d+: 孝义市人民政府 http:\/\/www\.xiaoyi\.gov\.cn\//);
    const file = join(dir, "portals.csv");
    await writeFile(file, "name,start_url,region,code\n淮安市人民政府,http://www.huaian.gov.cn/,江苏省/淮安市,320800\n孝义市人民政府,http://www.xiaoyi.gov.cn/,,\n");
    const imported = await cli(["portals", "import", file]);
    expect(imported.stdout).toContain("imported 2 portals from");
    expect(imported.stdout).toContain("1 added, 1 updated");
    const listed = await cli(["portals", "--json"]);
    const portals = listed.stdout.trim().split("\n").map((l) => JSON.parse(l) as { name: string; region: string | null; hosts: string[]; last_crawl: unknown; ad_hoc: boolean });
    expect(portals.find((p) => p.name === "孝义市人民政府")).toMatchObject({ region: "山西省/吕梁市/孝义市", hosts: ["xxgk.xiaoyi.gov.cn"], last_crawl: null });
    expect(portals.find((p) => p.name.includes("演示"))?.last_crawl).toMatchObject({ reports_unchanged: 9 });
    const table = await cli(["portals"]);
    expect(table.stdout).toMatch(/孝义市人民政府\s+山西省\/吕梁市\/孝义市\s+http:\/\/www\.xiaoyi\.gov\.cn\/\s+never/);
  }, 60_000);

  it("refuses bad input in one line, with exit code 2", async () => {
    for (const [args, message] of [
      [["portals", "add", "http://a.gov.cn/"], /--name is required/],
      [["portals", "add", "ftp://a.gov.cn/", "--name", "x"], /not an http\(s\) URL/],
      [["portals", "add", "http://a.gov.cn/", "--name", "x", "--code", "12"], /not a 6- or 9-digit 行政区划代码/],
      [["crawl", "--start", "not a url at all"], /not a URL/],
      [["crawl", "--delay=-1"], /--delay must be a whole number/],
      [["crawl", "--extractors", "0"], /--extractors must be a whole number from 1 to 16/],
      [["crawl", "--delay", "-1"], /--delay. argument is ambiguous/],
      [["portals", "frobnicate"], /unknown subcommand/],
    ] as const) {
      const r = await cli([...args]);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
  }, 60_000);

  it("names an unknown portal and says how to list them", async () => {
    const r = await cli(["crawl", "--portal", "没有这个门户"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no portal '没有这个门户' in the registry; list them with 'nianbao portals'/);
  });
});
