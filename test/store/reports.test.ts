import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatReportList, run } from "../../src/cli/reports-command.ts";
import { listReports } from "../../src/store/list-reports.ts";
import { freshDatabase, type FreshDatabase } from "./support/index.ts";
import { capture, ingestSynthetic, NEW_ROW, setCell } from "./read-side-fixtures.ts";

let fresh: FreshDatabase;

beforeAll(async () => {
  fresh = await freshDatabase();
  await ingestSynthetic(fresh.db, { seed: 1, agency: "青山镇人民政府", year: 2022 });
  await ingestSynthetic(fresh.db, { seed: 1, agency: "青山镇人民政府", year: 2022, edit: (t) => setCell(t, NEW_ROW, 3, 999), fetchedAt: new Date("2024-04-01T00:00:00Z") });
  await ingestSynthetic(fresh.db, { seed: 2, agency: "青山镇人民政府", year: 2023 });
  await ingestSynthetic(fresh.db, { seed: 3, agency: "绿水县人民政府办公室", year: 2020, template: "2019" });
  await fresh.db.updateTable("agencies").set({ region: "山西省/吕梁市/孝义市" }).where("name", "=", "青山镇人民政府").execute();
  await fresh.db.updateTable("reports").set({ removed_at: new Date("2024-09-01T00:00:00Z") }).where("year", "=", 2023).execute();
  process.env.DATABASE_URL = fresh.url;
});
afterAll(async () => {
  delete process.env.DATABASE_URL;
  await fresh?.drop();
});

describe("listReports", () => {
  it("lists every report with its current version, versions counted", async () => {
    const all = await listReports(fresh.db);
    expect(all.map((r) => [r.agency, r.year, r.template, r.versions])).toEqual([
      ["绿水县人民政府办公室", 2020, "2019", 1],
      ["青山镇人民政府", 2022, "2021", 2],
      ["青山镇人民政府", 2023, "2021", 1],
    ].sort((a, b) => String(a[0]).localeCompare(String(b[0]), "en") || Number(a[1]) - Number(b[1])));
    const edited = all.find((r) => r.year === 2022)!;
    expect(edited.failedChecks.sort()).toEqual(["requests.balance", "requests.columns"]); // the current (edited) version
    expect(all.find((r) => r.year === 2023)!.removedAt).toEqual(new Date("2024-09-01T00:00:00Z"));
  });

  it("filters by agency, region, year, template and failed checks", async () => {
    expect((await listReports(fresh.db, { agency: "青山" })).map((r) => r.year)).toEqual([2022, 2023]);
    expect((await listReports(fresh.db, { region: "吕梁" })).map((r) => r.year)).toEqual([2022, 2023]);
    expect((await listReports(fresh.db, { year: 2020 })).map((r) => r.agency)).toEqual(["绿水县人民政府办公室"]);
    expect((await listReports(fresh.db, { template: "2019" })).map((r) => r.year)).toEqual([2020]);
    expect((await listReports(fresh.db, { failedChecks: true })).map((r) => r.year)).toEqual([2022]);
    expect(await listReports(fresh.db, { agency: "%" })).toEqual([]); // LIKE wildcards are literal
  });
});

describe("nianbao reports", () => {
  it("prints a table aligned for CJK (two columns per character)", async () => {
    const { result, stdout } = await capture(() => run(["--agency", "青山"]));
    expect(result).toBe(0);
    const lines = stdout.split("\n");
    expect(lines[0]).toMatch(/^id +agency +year +template +versions +failed checks +removed +source$/);
    const row = lines.find((l) => l.includes("2023"))!;
    expect(row).toContain("2024-09-01");
    expect(lines.find((l) => l.includes(" 2022 "))!).toContain("requests.balance,requests.columns");
    expect(stdout).toContain("2 reports");
  });

  it("--json prints one object per line", async () => {
    const { stdout } = await capture(() => run(["--json", "--year", "2020"]));
    const rows = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ agency: "绿水县人民政府办公室", year: 2020, template: "2019", versions: 1, failed_checks: [], removed_at: null });
    expect(rows[0].source_url).toMatch(/^https:\/\/example\.gov\.cn\//);
  });

  it("rejects a bad --template as a usage error", async () => {
    await expect(run(["--template", "2018"])).rejects.toMatchObject({ exitCode: 2, message: "--template must be 2021, 2019 or none, not '2018'" });
  });
});

describe("formatReportList", () => {
  it("pads CJK names by display width", () => {
    const text = formatReportList([
      { id: "1", agencyId: "1", agency: "甲镇", region: null, regionCode: null, year: 2023, template: "2021", title: null, versionId: "1", versions: 1, failedChecks: [], removedAt: null, sourceUrl: "u1" },
      { id: "22", agencyId: "2", agency: "abcdef", region: null, regionCode: null, year: 2022, template: "none", title: null, versionId: "2", versions: 3, failedChecks: ["appeals.total"], removedAt: null, sourceUrl: "u2" },
    ], false);
    const lines = text.split("\n");
    expect(lines[0]).toBe("id  agency  year  template  versions  failed checks  removed  source");
    expect(lines[2]).toBe(` 1  甲镇    2023  2021             1  ${" ".repeat(13)}  ${" ".repeat(7)}  u1`);
    expect(lines[3]).toBe(`22  abcdef  2022  none             3  appeals.total  ${" ".repeat(7)}  u2`);
  });
});
