import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/agencies-command.ts";
import { run as runDiff } from "../../src/cli/diff-command.ts";
import { run as runExport } from "../../src/cli/export-command.ts";
import { run as runHistory } from "../../src/cli/history-command.ts";
import { run as runReports } from "../../src/cli/reports-command.ts";
import { run as runShow } from "../../src/cli/show-command.ts";
import { ingestDocument } from "../../src/store/ingest-document.ts";
import { ingestSpelled } from "../store/agency-fixtures.ts";
import { corpus } from "../store/corpus.ts";
import { capture } from "../store/read-side-fixtures.ts";
import { freshDatabase, type FreshDatabase } from "../store/support/index.ts";
import { runCli } from "./run-cli.ts";

// nianbao agencies: the list (text and JSON lines), filters, and merge / split / changes, on the
// corpus plus a placed 泾川县高平镇人民政府; in-process, and the built command for exit codes.

let fresh: FreshDatabase;
const json = (stdout: string) => stdout.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

beforeAll(async () => {
  fresh = await freshDatabase();
  for (const doc of corpus()) await ingestDocument(fresh.db, { bytes: doc.bytes, url: `file://${doc.path}`, fetchedAt: new Date("2025-01-10T00:00:00Z"), origin: "ingest" });
  await ingestSpelled(fresh.db, { seed: 91, agency: "泾川县高平镇人民政府", year: 2022 });
  await ingestSpelled(fresh.db, { seed: 92, agency: "孝义市兑镇镇人民政府", year: 2022 });
  await ingestSpelled(fresh.db, { seed: 93, agency: "兑镇镇人民政府", year: 2023 });
  process.env.DATABASE_URL = fresh.url;
});
afterAll(async () => {
  delete process.env.DATABASE_URL;
  await fresh?.drop();
});

describe("nianbao agencies", () => {
  it("--json: one object per identity with name, aliases, region_code, level and years", async () => {
    const { result, stdout } = await capture(() => run(["--json"]));
    expect(result).toBe(0);
    const rows = json(stdout);
    const by = Object.fromEntries(rows.map((r) => [r.name as string, r]));
    expect(Object.keys(by).sort()).toEqual(["孝义市兑镇镇人民政府", "大孝堡镇人民政府", "大通区人民政府办公室", "桃江县桃花江镇人民政府", "泾川县高平镇人民政府", "海原县西安镇人民政府", "淮安市人民政府", "高平镇人民政府"].sort());
    expect(by["淮安市人民政府"]).toMatchObject({ region_code: "320800", level: "city", years: [2024], aliases: [] });
    expect(by["大通区人民政府办公室"]).toMatchObject({ region_code: "340402", level: "department", region: "安徽省/淮南市/大通区" });
    expect(by["海原县西安镇人民政府"]).toMatchObject({ region_code: "640522103", level: "township", years: [2023] });
    expect(by["高平镇人民政府"]).toMatchObject({ region_code: null, level: null, years: [2021], placement_note: expect.stringMatching(/^fits 3 divisions/) });
    expect(Object.keys(rows[0]).sort()).toEqual(["aliases", "id", "level", "name", "placement_note", "region", "region_code", "years"]);
  });

  it("filters by region (code prefix or place names) and by a part of a name", async () => {
    expect(json((await capture(() => run(["--region", "6405", "--json"]))).stdout).map((r) => r.name)).toEqual(["海原县西安镇人民政府"]);
    expect(json((await capture(() => run(["--region", "淮南", "--json"]))).stdout).map((r) => r.name)).toEqual(["大通区人民政府办公室"]);
    const { stdout } = await capture(() => run(["高平"]));
    expect(stdout).toMatch(/泾川县高平镇人民政府\s+township\s+620821102/);
    expect(stdout).toMatch(/高平镇人民政府\s+unplaced/);
    expect(stdout).toContain("2 agencies, 1 not placed");
  });

  it("show, history, diff and export follow the identity across spellings", async () => {
    const show = JSON.parse((await capture(() => runShow(["兑镇镇人民政府", "2022", "--json"]))).stdout);
    expect(show.agency).toMatchObject({ name: "孝义市兑镇镇人民政府", region_code: "141181100", level: "township" });
    expect((await capture(() => runShow(["兑镇镇人民政府 2023"]))).stdout).toContain("region     山西省/吕梁市/孝义市/兑镇镇 141181100 (township)");
    const history = JSON.parse((await capture(() => runHistory(["孝义市兑镇镇人民政府", "2023", "--json"]))).stdout);
    expect(history.versions).toHaveLength(1);
    const diff = JSON.parse((await capture(() => runDiff(["兑镇镇政府", "2022", "2023", "--json"]))).stdout);
    expect([diff.before.year, diff.after.year]).toEqual([2022, 2023]);
    const exported = json((await capture(() => runExport([]))).stdout).filter((r) => r.region_code === "141181100");
    expect(exported.map((r) => [r.agency, r.year])).toEqual([["孝义市兑镇镇人民政府", 2022], ["孝义市兑镇镇人民政府", 2023]]);
  });

  it("reports --region matches by code", async () => {
    const { stdout } = await capture(() => runReports(["--region", "640522", "--json"]));
    expect(json(stdout).map((r) => [r.agency, r.region_code])).toEqual([["海原县西安镇人民政府", "640522103"]]);
  });

  it("merge with an ambiguous part is exit 2 listing the candidates; a usage error too", () => {
    const r = runCli(["agencies", "merge", "高平", "淮安市人民政府"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^nianbao: agency '高平' is ambiguous: 高平镇人民政府 \(id \d+\), 泾川县高平镇人民政府 \(id \d+, 甘肃省\/平凉市\/泾川县\/高平镇\); give the full name or the id\n$/);
    expect(runCli(["agencies", "merge", "高平镇人民政府"]).code).toBe(2);
    expect(runCli(["agencies", "split", "abc"]).code).toBe(2);
  });

  it("place: a region given later settles the unplaced 高平镇", async () => {
    const refused = await capture(() => run(["place", "高平镇人民政府", "--region", "湖北省"])).catch((e: Error) => e);
    expect(String(refused)).toMatch(/高平镇人民政府 is not placed by that region: .*outside 湖北省/);
    const placed = await capture(() => run(["place", "高平镇人民政府", "--region-code", "620821", "--by", "tester"]));
    expect(placed.stdout).toMatch(/^placed 高平镇人民政府 \(agency \d+\) at 甘肃省\/平凉市\/泾川县\/高平镇 620821102 \(township\), joining 泾川县高平镇人民政府 \(agency \d+\): change (\d+)\n/);
    expect(json((await capture(() => run(["高平", "--json"]))).stdout).map((r) => [r.name, r.years])).toEqual([["泾川县高平镇人民政府", [2021, 2022]]]);
    const changeId = /change (\d+)/.exec(placed.stdout)![1];
    await capture(() => run(["split", changeId, "--by", "tester"]));
    expect(runCli(["agencies", "place", "高平镇人民政府"]).code).toBe(2);
  });

  it("merge, changes, split: recorded, reversible", async () => {
    const merged = await capture(() => run(["merge", "泾川县高平镇人民政府", "高平镇人民政府", "--by", "tester", "--note", "one township"]));
    expect(merged.result).toBe(0);
    const changeId = /change (\d+)/.exec(merged.stdout)![1];
    expect(merged.stdout).toContain("1 report moved whole; 0 versions joined the report of the same year");
    expect(merged.stdout).toContain(`undo with: nianbao agencies split ${changeId}`);
    const [placed] = json((await capture(() => run(["高平", "--json"]))).stdout);
    expect(placed).toMatchObject({ name: "泾川县高平镇人民政府", aliases: ["高平镇人民政府"], years: [2021, 2022] });
    // The merged spelling now finds the kept identity.
    expect(json((await capture(() => runReports(["--agency", "高平镇人民政府", "--json"]))).stdout).map((r) => r.year)).toEqual([2021, 2022]);

    const changes = json((await capture(() => run(["changes", "--json"]))).stdout);
    expect(changes.at(-1)).toEqual(expect.objectContaining({ id: changeId, kind: "merge", made_by: "tester", note: "one township", undone_at: null }));
    const text = (await capture(() => run(["changes"]))).stdout;
    expect(text).toMatch(new RegExp(`\\nmerge ${changeId}: 高平镇人民政府 \\(agency \\d+\\) into 泾川县高平镇人民政府 \\(agency \\d+\\), \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\dZ by tester — one township\\n$`));

    const split = await capture(() => run(["split", changeId, "--by", "tester"]));
    expect(split.stdout).toContain(`undoing merge ${changeId}`);
    expect(json((await capture(() => run(["高平", "--json"]))).stdout).map((r) => [r.name, r.years])).toEqual([
      ["泾川县高平镇人民政府", [2022]], ["高平镇人民政府", [2021]],
    ]);
    expect((await capture(() => run(["changes"]))).stdout).toMatch(/undone .* by tester \(split \d+\)/);
  });
});
