import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/export-command.ts";
import { parseCsv } from "../../src/export/csv.ts";
import { latestReportBatches } from "../../src/store/export-batches.ts";
import { freshDatabase, type FreshDatabase } from "./support/index.ts";
import { capture, ingestSynthetic, NEW_ROW, setCell } from "./read-side-fixtures.ts";

let fresh: FreshDatabase;
let dir: string;
const reports: { agency: string; year: number; values: Record<string, number>; versionId: string }[] = [];

const csvRows = (text: string) => parseCsv(text).rows;

beforeAll(async () => {
  fresh = await freshDatabase();
  dir = await mkdtemp(join(tmpdir(), "nianbao-export-"));
  const add = async (opts: Parameters<typeof ingestSynthetic>[1]) => {
    const r = await ingestSynthetic(fresh.db, opts);
    if (r.status === "skipped") throw new Error("skipped");
    const i = reports.findIndex((x) => x.agency === r.agency && x.year === r.year);
    const entry = { agency: r.agency, year: r.year, values: r.values, versionId: r.versionId };
    if (i >= 0) reports[i] = entry; else reports.push(entry);
  };
  await add({ seed: 1, agency: "青山镇人民政府", year: 2022 });
  await add({ seed: 1, agency: "青山镇人民政府", year: 2022, edit: (t) => setCell(t, NEW_ROW, 3, 777), fetchedAt: new Date("2024-05-01T00:00:00Z") });
  reports[0].values = { ...reports[0].values, "requests.new.natural_person": 777 };
  await add({ seed: 2, agency: "绿水县人民政府办公室", year: 2020, template: "2019" });
  await add({ seed: 3, agency: "白云乡人民政府", year: 2023 });
  await fresh.db.updateTable("agencies").set({ region: '山西省/"吕梁",市' }).where("name", "=", "白云乡人民政府").execute();
  process.env.DATABASE_URL = fresh.url;
});
afterAll(async () => {
  delete process.env.DATABASE_URL;
  await fresh?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("latestReportBatches", () => {
  it("pages through every report by id, current versions only", async () => {
    const batches = [];
    for await (const b of latestReportBatches(fresh.db, { batchSize: 2 })) batches.push(b.map((r) => r.versionId));
    expect(batches.map((b) => b.length)).toEqual([2, 1]);
    expect(batches.flat().sort()).toEqual(reports.map((r) => r.versionId).sort());
  });
});

describe("nianbao export", () => {
  it("JSONL: one record per line, plus agency, region, year, source_url, version_id", async () => {
    const { result, stdout } = await capture(() => run([]));
    expect(result).toBe(0);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    for (const r of reports) {
      const line = lines.find((l) => l.agency === r.agency && l.year === r.year);
      expect(line.version_id).toBe(r.versionId);
      expect(line.values).toEqual(r.values);
      expect(line.schema).toBe("nianbao.report/1");
      expect(line.source_url).toMatch(/^https:\/\/example\.gov\.cn\//);
    }
    expect(lines.find((l) => l.agency === "白云乡人民政府").region).toBe('山西省/"吕梁",市');
  });

  it("CSV long: one row per cell of the current versions, quoted where needed", async () => {
    const out = join(dir, "long.csv");
    const { stderr } = await capture(() => run(["--format", "csv", "--out", out]));
    expect(stderr).toContain(`exported 3 reports to ${out}`);
    const text = await readFile(out, "utf8");
    const rows = csvRows(text);
    expect(rows[0]).toEqual(["report_id", "version_id", "agency", "region", "year", "template", "key", "table", "row_key", "column_key", "value"]);
    const total = reports.reduce((s, r) => s + Object.keys(r.values).length, 0);
    expect(rows).toHaveLength(total + 1);
    const cell = rows.find((r) => r[2] === "青山镇人民政府" && r[6] === "requests.new.natural_person")!;
    expect(cell.slice(7)).toEqual(["requests", "new", "natural_person", "777"]);
    const denied = rows.find((r) => r[2] === "白云乡人民政府" && r[6] === "requests.denied.state_secret.total")!;
    expect(denied.slice(3, 4)).toEqual(['山西省/"吕梁",市']);
    expect(denied.slice(7)).toEqual(["requests", "denied.state_secret", "total", String(reports[2].values["requests.denied.state_secret.total"])]);
    expect(text).toContain('"山西省/""吕梁"",市"');
  });

  it("CSV wide: one row per report, one column per key in any report, blank (not 0) where absent", async () => {
    const { stdout } = await capture(() => run(["--format", "csv", "--wide"]));
    const rows = csvRows(stdout);
    const header = rows[0];
    expect(header.slice(0, 6)).toEqual(["report_id", "version_id", "agency", "region", "year", "template"]);
    const keys = new Set(reports.flatMap((r) => Object.keys(r.values)));
    expect(header.length - 6).toBe(keys.size);
    expect(header.indexOf("active.rules.issued")).toBeLessThan(header.indexOf("requests.new.natural_person")); // form order
    const y2020 = rows.find((r) => r[4] === "2020")!;
    expect(y2020[header.indexOf("active.procurement.items")]).toBe(String(reports[1].values["active.procurement.items"]));
    expect(y2020[header.indexOf("active.rules.issued")]).toBe(""); // a 2021-format cell: absent, not 0
    const y2022 = rows.find((r) => r[4] === "2022")!;
    expect(y2022[header.indexOf("requests.new.natural_person")]).toBe("777");
    expect(y2022[header.indexOf("active.procurement.items")]).toBe("");
  });

  it("parquet without --out, and --wide without a layout format, are answered with one line", async () => {
    await expect(run(["--format", "parquet"])).rejects.toMatchObject({ exitCode: 2, message: "export: --format parquet writes a file; add --out FILE (e.g. --out reports.parquet)" });
    await expect(run(["--wide"])).rejects.toMatchObject({ exitCode: 2, message: "export: --wide is a CSV or Parquet layout; add --format csv (or parquet)" });
  });
});
