import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/export-command.ts";
import { openParquetFile } from "../../src/export/parquet-file.ts";
import { freshDatabase, type FreshDatabase } from "./support/index.ts";
import { capture, ingestSynthetic, NEW_ROW, setCell } from "./read-side-fixtures.ts";

// `nianbao export --format parquet [--wide] --out FILE`, read back with hyparquet.

let fresh: FreshDatabase;
let dir: string;
const reports: { agency: string; year: number; values: Record<string, number>; versionId: string; reportId: string }[] = [];

async function readParquet(path: string) {
  const file = await asyncBufferFromFile(path);
  const metadata = await parquetMetadataAsync(file);
  const rows = await parquetReadObjects({ file, metadata });
  const schema = Object.fromEntries(metadata.schema.slice(1).map((s) => [s.name, { type: s.type, converted: s.converted_type, repetition: s.repetition_type }]));
  return { metadata, rows, schema };
}

beforeAll(async () => {
  fresh = await freshDatabase();
  dir = await mkdtemp(join(tmpdir(), "nianbao-export-parquet-"));
  const add = async (opts: Parameters<typeof ingestSynthetic>[1]) => {
    const r = await ingestSynthetic(fresh.db, opts);
    if (r.status === "skipped") throw new Error("skipped");
    const entry = { agency: r.agency, year: r.year, values: r.values, versionId: r.versionId, reportId: r.reportId };
    const i = reports.findIndex((x) => x.agency === r.agency && x.year === r.year);
    if (i >= 0) reports[i] = entry; else reports.push(entry);
  };
  await add({ seed: 1, agency: "青山镇人民政府", year: 2022 });
  await add({ seed: 1, agency: "青山镇人民政府", year: 2022, edit: (t) => setCell(t, NEW_ROW, 3, 777), fetchedAt: new Date("2024-05-01T00:00:00Z") });
  reports[0].values = { ...reports[0].values, "requests.new.natural_person": 777 };
  await add({ seed: 2, agency: "绿水县人民政府办公室", year: 2020, template: "2019" });
  await add({ seed: 3, agency: "白云乡人民政府", year: 2023 });
  await fresh.db.updateTable("agencies").set({ region: "山西省/吕梁市", region_code: "141100000000" }).where("name", "=", "白云乡人民政府").execute();
  await fresh.db.updateTable("agencies").set({ region: null, region_code: null }).where("name", "=", "青山镇人民政府").execute();
  process.env.DATABASE_URL = fresh.url;
});
afterAll(async () => {
  delete process.env.DATABASE_URL;
  await fresh?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("nianbao export --format parquet", () => {
  it("long form: one row per value, typed columns, exact values", async () => {
    const out = join(dir, "long.parquet");
    const { result, stderr } = await capture(() => run(["--format", "parquet", "--out", out]));
    expect(result).toBe(0);
    expect(stderr).toContain(`exported 3 reports to ${out}`);
    const { metadata, rows, schema } = await readParquet(out);

    expect(schema).toEqual({
      report_id: { type: "INT64", converted: undefined, repetition: "REQUIRED" },
      version_id: { type: "INT64", converted: undefined, repetition: "REQUIRED" },
      agency: { type: "BYTE_ARRAY", converted: "UTF8", repetition: "REQUIRED" },
      region: { type: "BYTE_ARRAY", converted: "UTF8", repetition: "OPTIONAL" },
      region_code: { type: "BYTE_ARRAY", converted: "UTF8", repetition: "OPTIONAL" },
      year: { type: "INT32", converted: undefined, repetition: "REQUIRED" },
      template: { type: "BYTE_ARRAY", converted: "UTF8", repetition: "REQUIRED" },
      key: { type: "BYTE_ARRAY", converted: "UTF8", repetition: "REQUIRED" },
      table: { type: "BYTE_ARRAY", converted: "UTF8", repetition: "REQUIRED" },
      row_key: { type: "BYTE_ARRAY", converted: "UTF8", repetition: "REQUIRED" },
      column_key: { type: "BYTE_ARRAY", converted: "UTF8", repetition: "REQUIRED" },
      value: { type: "DOUBLE", converted: undefined, repetition: "REQUIRED" },
    });
    expect(metadata.row_groups[0].columns.every((c) => c.meta_data?.codec === "SNAPPY")).toBe(true);

    const total = reports.reduce((s, r) => s + Object.keys(r.values).length, 0);
    expect(total).toBeGreaterThan(100);
    expect(rows).toHaveLength(total);
    expect(Number(metadata.num_rows)).toBe(total);

    const edited = rows.find((r) => r.agency === "青山镇人民政府" && r.key === "requests.new.natural_person")!;
    expect(edited).toMatchObject({ report_id: BigInt(reports[0].reportId), version_id: BigInt(reports[0].versionId), year: 2022, template: "2021", table: "requests", row_key: "new", column_key: "natural_person", value: 777, region: null, region_code: null });
    const denied = rows.find((r) => r.agency === "白云乡人民政府" && r.key === "requests.denied.state_secret.total")!;
    expect(denied).toMatchObject({ region: "山西省/吕梁市", region_code: "141100000000", year: 2023, row_key: "denied.state_secret", column_key: "total", value: reports[2].values["requests.denied.state_secret.total"] });
    // every value of every report, exactly
    for (const r of reports) {
      const mine = rows.filter((x) => x.version_id === BigInt(r.versionId));
      expect(Object.fromEntries(mine.map((x) => [x.key, x.value]))).toEqual(r.values);
    }
    expect(rows.filter((r) => r.year === 2020).every((r) => r.template === "2019")).toBe(true);
  });

  it("wide form: one row per report, one nullable DOUBLE column per key, null (not 0) where absent", async () => {
    const out = join(dir, "wide.parquet");
    const { result } = await capture(() => run(["--format", "parquet", "--wide", "--out", out]));
    expect(result).toBe(0);
    const { rows, schema, metadata } = await readParquet(out);
    const keys = new Set(reports.flatMap((r) => Object.keys(r.values)));
    const names = metadata.schema.slice(1).map((s) => s.name);
    expect(names.slice(0, 7)).toEqual(["report_id", "version_id", "agency", "region", "region_code", "year", "template"]);
    expect(names.length - 7).toBe(keys.size);
    expect(names.indexOf("active.rules.issued")).toBeLessThan(names.indexOf("requests.new.natural_person")); // form order
    expect(schema["requests.new.natural_person"]).toEqual({ type: "DOUBLE", converted: undefined, repetition: "OPTIONAL" });
    expect(schema.report_id).toEqual({ type: "INT64", converted: undefined, repetition: "REQUIRED" });
    expect(schema.year).toEqual({ type: "INT32", converted: undefined, repetition: "REQUIRED" });

    expect(rows).toHaveLength(3);
    const y2020 = rows.find((r) => r.year === 2020)!;
    expect(y2020["active.procurement.items"]).toBe(reports[1].values["active.procurement.items"]);
    expect(y2020["active.rules.issued"]).toBeNull(); // a 2021-format cell: absent, not 0
    const y2022 = rows.find((r) => r.year === 2022)!;
    expect(y2022).toMatchObject({ agency: "青山镇人民政府", report_id: BigInt(reports[0].reportId), region: null, "requests.new.natural_person": 777 });
    expect(y2022["active.procurement.items"]).toBeNull();
    for (const [i, r] of reports.entries()) {
      const row = rows.find((x) => x.version_id === BigInt(r.versionId))!;
      for (const k of keys) expect(row[k], `${i} ${k}`).toBe(r.values[k] ?? null);
    }
  });

  it("parquet needs --out FILE: one line, exit code 2, before touching the store", async () => {
    await expect(run(["--format", "parquet"])).rejects.toMatchObject({ exitCode: 2, message: "export: --format parquet writes a file; add --out FILE (e.g. --out reports.parquet)" });
    await expect(run(["--format", "parquet", "--wide"])).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining("add --out FILE") });
    await expect(run(["--format", "xlsx", "--out", join(dir, "x")])).rejects.toMatchObject({ exitCode: 2, message: "export: --format must be jsonl, csv or parquet, not 'xlsx'" });
  });
});

describe("openParquetFile", () => {
  it("writes row groups as rows are drained, and reads back across groups", async () => {
    const path = join(dir, "groups.parquet");
    const file = await openParquetFile(path, [{ name: "id", type: "INT64" }, { name: "name", type: "STRING", nullable: true }, { name: "x", type: "DOUBLE", nullable: true }], { rowGroupCells: 300 });
    for (let i = 0; i < 1050; i++) {
      file.push([BigInt(i), i % 7 === 0 ? null : `名${i % 5}`, i % 3 === 0 ? null : i / 2]);
      if (i % 250 === 249) await file.drain();
    }
    expect(await file.close()).toBe(1050);
    const { metadata, rows } = await readParquet(path);
    expect(metadata.row_groups.map((g) => Number(g.num_rows))).toEqual([...Array(10).fill(100), 50]);
    expect(rows).toHaveLength(1050);
    expect(rows[701]).toEqual({ id: 701n, name: "名1", x: 350.5 });
    expect(rows[700]).toEqual({ id: 700n, name: null, x: 350 });
    expect(rows[999]).toEqual({ id: 999n, name: "名4", x: null });
  });

  it("abort removes the partial file", async () => {
    const path = join(dir, "aborted.parquet");
    await writeFile(path, "old");
    const file = await openParquetFile(path, [{ name: "id", type: "INT64" }]);
    file.push([1n]);
    await file.abort();
    expect(existsSync(path)).toBe(false);
  });

  it("a wrongly typed cell fails the write", async () => {
    const file = await openParquetFile(join(dir, "bad.parquet"), [{ name: "id", type: "INT64" }]);
    file.push([1]);
    await expect(file.close()).rejects.toThrow(/bigint/);
    await file.abort();
  });
});
