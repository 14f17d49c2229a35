import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listAgencies } from "../../src/store/agencies/list-agencies.ts";
import { checkContinuity } from "../../src/store/continuity.ts";
import { findAgency } from "../../src/store/find-agency.ts";
import { findReport } from "../../src/store/find-report.ts";
import { ingestDocument } from "../../src/store/ingest-document.ts";
import { listReports } from "../../src/store/list-reports.ts";
import { reportHistory } from "../../src/store/report-history.ts";
import { diffYears } from "../../src/store/year-diff.ts";
import { forwardOf, ingestSpelled } from "./agency-fixtures.ts";
import { corpus } from "./corpus.ts";
import { freshDatabase, type FreshDatabase } from "./support/index.ts";

// Agency identities in the archive: the corpus placed where its text determines, spellings of
// one body filed under one identity (its years line up for diff, history and continuity), and
// --region matching codes.

let fresh: FreshDatabase;
beforeAll(async () => { fresh = await freshDatabase(); });
afterAll(async () => { await fresh?.drop(); });

describe("the corpus", () => {
  it("places every seed agency its text determines, leaves 高平镇 unplaced with a warning, one identity per body", async () => {
    const warnings: Record<string, string[]> = {};
    for (const doc of corpus()) {
      const r = await ingestDocument(fresh.db, { bytes: doc.bytes, url: `file://${doc.path}`, fetchedAt: new Date("2025-01-10T00:00:00Z"), origin: "ingest" });
      if (r.status === "skipped") throw new Error(r.reason);
      warnings[r.agency] = r.warnings;
    }
    const agencies = await listAgencies(fresh.db);
    const placed = Object.fromEntries(agencies.map((a) => [a.name, [a.regionCode, a.level, a.years]]));
    expect(placed).toEqual({
      大孝堡镇人民政府: ["141181107", "township", [2023]],
      桃江县桃花江镇人民政府: ["430922112", "township", [2023]],
      海原县西安镇人民政府: ["640522103", "township", [2023]],
      大通区人民政府办公室: ["340402", "department", [2023]],
      淮安市人民政府: ["320800", "city", [2024]],
      高平镇人民政府: [null, null, [2021]],
    });
    expect(agencies.find((a) => a.name === "海原县西安镇人民政府")!.region).toBe("宁夏回族自治区/中卫市/海原县/西安镇");
    expect(agencies.find((a) => a.name === "高平镇人民政府")!.placementNote).toMatch(/^fits 3 divisions/);
    expect(warnings["高平镇人民政府"]).toEqual([expect.stringMatching(/高平镇人民政府: fits 3 divisions.*not placed/)]);
    expect(warnings["淮安市人民政府"]).toEqual([]);
  });

  it("reports --region matches codes (a prefix) and place names", async () => {
    const agencyOf = async (region: string) => (await listReports(fresh.db, { region })).map((r) => r.agency).sort();
    expect(await agencyOf("6405")).toEqual(["海原县西安镇人民政府"]);
    expect(await agencyOf("640522")).toEqual(["海原县西安镇人民政府"]);
    expect(await agencyOf("640000")).toEqual(["海原县西安镇人民政府"]);
    expect(await agencyOf("海原")).toEqual(["海原县西安镇人民政府"]);
    expect(await agencyOf("3208")).toEqual(["淮安市人民政府"]);
    expect(await agencyOf("320800")).toEqual(["淮安市人民政府"]);
    expect(await agencyOf("43")).toEqual(["桃江县桃花江镇人民政府"]);
    expect(await agencyOf("吕梁市")).toEqual(["大孝堡镇人民政府"]);
    expect(await agencyOf("99")).toEqual([]);
    expect((await listReports(fresh.db, { region: "340402" }))[0]).toMatchObject({ regionCode: "340402" });
  });
});

describe("spellings of one body", () => {
  it("two spellings (with and without the county) are one identity with both years; diff, history and continuity follow it", async () => {
    const y2022 = await ingestSpelled(fresh.db, { seed: 21, agency: "孝义市兑镇镇人民政府", year: 2022 });
    const y2023 = await ingestSpelled(fresh.db, { seed: 22, agency: "兑镇镇人民政府", year: 2023, carriedOver: forwardOf(y2022) });
    expect(y2023.agencyId).toBe(y2022.agencyId);
    expect(y2023.newReport).toBe(true);
    const [agency] = await listAgencies(fresh.db, { name: "兑镇镇" });
    expect(agency).toMatchObject({ name: "孝义市兑镇镇人民政府", aliases: ["兑镇镇人民政府"], regionCode: "141181100", level: "township", years: [2022, 2023] });

    // Either spelling finds it; diff and continuity see both years.
    for (const name of ["兑镇镇人民政府", "孝义市兑镇镇人民政府", "兑镇镇政府"]) expect((await findAgency(fresh.db, name)).agency?.id).toBe(agency.id);
    const { diff } = await diffYears(fresh.db, agency.id, 2022, 2023);
    expect(diff?.after.reportId).toBe(y2023.reportId);
    const continuity = await checkContinuity(fresh.db, { agencyId: agency.id });
    expect(continuity[0].pairs).toEqual([expect.objectContaining({ yearBefore: 2022, yearAfter: 2023, status: "ok", compared: 7 })]);
  });

  it("the document's other names (record.source.names) join an ambiguous spelling to its body", async () => {
    const a = await ingestSpelled(fresh.db, { seed: 31, agency: "海原县西安镇人民政府", year: 2022 });
    const b = await ingestSpelled(fresh.db, { seed: 32, agency: "西安镇人民政府", year: 2021, names: ["海原县西安镇人民政府", "西安镇人民政府"] });
    expect(b.agencyId).toBe(a.agencyId);
    expect(b.warnings).toEqual([]);
    // Without them (and without a region) the short name is not placed: another identity, and a warning.
    const c = await ingestSpelled(fresh.db, { seed: 33, agency: "西安镇人民政府", year: 2020 });
    expect(c.agencyId).not.toBe(a.agencyId);
    expect(c.warnings[0]).toMatch(/fits 3 divisions/);
    // A region settles it.
    const d = await ingestSpelled(fresh.db, { seed: 34, agency: "西安镇人民政府", year: 2019, region: "宁夏回族自治区/中卫市/海原县" });
    expect(d.agencyId).toBe(a.agencyId);
    expect((await listAgencies(fresh.db, { region: "640522103" }))[0].years).toEqual([2019, 2021, 2022, 2023]);
  });

  it("a second spelling of the same year is a new version of that report, not a second report", async () => {
    const first = await ingestSpelled(fresh.db, { seed: 41, agency: "淮安市淮安区人民政府", year: 2023 });
    const second = await ingestSpelled(fresh.db, { seed: 41, agency: "淮安区人民政府", year: 2023 });
    expect(second).toMatchObject({ status: "new", newReport: false, reportId: first.reportId, agencyId: first.agencyId });
    const history = await reportHistory(fresh.db, first.reportId);
    expect(history.map((h) => h.versionId)).toEqual([first.versionId, second.versionId]);
    const spellings = await fresh.db.selectFrom("report_versions").select("agency_name").where("report_id", "=", first.reportId).orderBy("id").execute();
    expect(spellings.map((s) => s.agency_name)).toEqual(["淮安市淮安区人民政府", "淮安区人民政府"]);
    expect(await findReport(fresh.db, { agencyId: first.agencyId, year: 2023 })).toMatchObject({ id: first.reportId });
  });

  it("the same name in two counties stays two bodies", async () => {
    const a = await ingestSpelled(fresh.db, { seed: 51, agency: "白石镇人民政府", year: 2023, regionCode: "330822" });
    const b = await ingestSpelled(fresh.db, { seed: 52, agency: "白石镇人民政府", year: 2023, regionCode: "370830" });
    expect(a.agencyId).not.toBe(b.agencyId);
    const found = await findAgency(fresh.db, "白石镇人民政府");
    expect(found).toMatchObject({ agency: null, reason: "ambiguous", count: 2 });
  });
});
