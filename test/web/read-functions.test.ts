import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agencyYears } from "../../src/store/agency-years.ts";
import { diffRecords } from "../../src/store/diff/record-diff.ts";
import { valuesAcrossReports } from "../../src/store/key-across-reports.ts";
import { listReports } from "../../src/store/list-reports.ts";
import { reportDetail } from "../../src/store/report-detail.ts";
import { searchReportsPage } from "../../src/store/search-reports.ts";
import { loadSnapshots } from "../../src/store/version-snapshot.ts";
import { diffYears } from "../../src/store/year-diff.ts";
import { AGENCY, REGION, webArchive, type WebArchive } from "./support/web-archive.ts";

// The store's read functions as the pages use them, checked against plain reads of the same
// rows: the agency's values pivoted by key, the year diff in one statement, several keys across
// agencies in one statement, the region filter with and without case, and search's bounded
// ranking (a small rank limit stands in for the 1,000 of a real archive).

let w: WebArchive;
beforeAll(async () => { w = await webArchive(); });
afterAll(async () => { await w?.close(); });

const valuesOf = async (versionId: string) => {
  const rows = await w.fresh.db.selectFrom("report_values").select(["key", "value"]).where("version_id", "=", versionId).execute();
  return Object.fromEntries(rows.map((r) => [r.key, Number(r.value)]));
};

describe("agencyYears", () => {
  it("each year's values are its current version's, keys in form order", async () => {
    const a = (await agencyYears(w.reader, w.ids.agencyId))!;
    expect(a.years.map((y) => y.year)).toEqual([2021, 2022, 2023]);
    for (const y of a.years) expect(y.values).toEqual(await valuesOf(y.versionId));
    expect(a.years[2].values["requests.new.natural_person"]).toBe(999); // the edited 2023 report
    expect(a.keys).toEqual([...new Set(a.years.flatMap((y) => Object.keys(y.values)))].sort((x, y) => a.keys.indexOf(x) - a.keys.indexOf(y)));
    expect(a.keys.indexOf("active.rules.issued")).toBeLessThan(a.keys.indexOf("requests.new.total"));
    expect(await agencyYears(w.reader, "99999999")).toBeNull();
  });
});

describe("diffYears", () => {
  it("compares the current versions, as a diff of the loaded snapshots does", async () => {
    const result = await diffYears(w.reader, w.ids.agencyId, 2022, 2023);
    if (!result.diff) throw new Error("no diff");
    const [a, b] = await loadSnapshots(w.reader, [result.diff.before.versionId, result.diff.after.versionId]);
    expect(a.values).toEqual(await valuesOf(a.versionId));
    const record = (await w.fresh.db.selectFrom("report_versions").select("record").where("id", "=", b.versionId).executeTakeFirstOrThrow()).record as { checks: unknown[]; sections: unknown[] };
    expect(b.checks).toEqual(record.checks);
    expect(b.sections).toEqual(record.sections);
    const { cells, checks, sections } = diffRecords(a, b);
    expect(result.diff).toMatchObject({ cells, checks, sections, before: { year: 2022, reportId: w.ids.report2022 }, after: { year: 2023, reportId: w.ids.report2023 } });
    expect(cells.find((c) => c.key === "requests.new.natural_person")?.after).toBe(999);
    expect(await diffYears(w.reader, w.ids.agencyId, 2019, 2023)).toEqual({ diff: null, missing: [2019], archived: [2021, 2022, 2023] });
  });
});

describe("valuesAcrossReports", () => {
  it("the reports showing any of the keys, with those keys' values, paged by agency, year, id", async () => {
    const keys = ["requests.new.total", "requests.denied.state_secret.total", "no.such.key"];
    const all = [];
    for (let after: Parameters<typeof valuesAcrossReports>[3]["after"]; ;) {
      const page = await valuesAcrossReports(w.reader, keys, {}, { after, limit: 2 });
      all.push(...page.rows);
      if (!page.next) break;
      after = page.next;
    }
    const expected = [];
    for (const r of await listReports(w.reader, {})) {
      const values = Object.fromEntries(Object.entries(await valuesOf(r.versionId)).filter(([k]) => keys.includes(k)));
      if (Object.keys(values).length) expected.push({ reportId: r.id, agencyId: r.agencyId, agency: r.agency, region: r.region, year: r.year, values });
    }
    expect(all).toEqual(expected);
    expect(all.length).toBeGreaterThan(3);
    const filtered = await valuesAcrossReports(w.reader, keys, { region: "吕梁", year: 2023 }, { limit: 10 });
    expect(filtered.rows.map((r) => r.agency).sort()).toEqual([AGENCY, "绿水乡人民政府"].sort());
    expect(filtered.rows.every((r) => r.year === 2023 && r.region?.includes("吕梁"))).toBe(true);
  });
});

describe("the region filter", () => {
  it("a part of the place names: Chinese as it is, Latin letters in any case", async () => {
    const placed = await listReports(w.reader, { region: "吕梁市/孝义" });
    const all = await listReports(w.reader, {});
    expect(placed.map((r) => r.id)).toEqual(all.filter((r) => r.region?.includes("吕梁市/孝义")).map((r) => r.id));
    expect(placed.filter((r) => r.agency === AGENCY)).toHaveLength(3);
    const other = await w.fresh.db.selectFrom("agencies").select(["id", "region"]).where("name", "=", "绿水乡人民政府").executeTakeFirstOrThrow();
    await w.fresh.db.updateTable("agencies").set({ region: `${REGION}/Lvshui Xiang` }).where("id", "=", other.id).execute();
    try {
      expect((await listReports(w.reader, { region: "LVSHUI" })).map((r) => r.agency)).toEqual(["绿水乡人民政府"]);
      expect((await listReports(w.reader, { region: "lvshui xiang" })).map((r) => r.agency)).toEqual(["绿水乡人民政府"]);
    } finally {
      await w.fresh.db.updateTable("agencies").set({ region: other.region }).where("id", "=", other.id).execute();
    }
  });
});

describe("search: bounded ranking", () => {
  const PHRASE = "政府信息公开"; // in every report

  it("ranks every match when the candidates are within the limit, the pages covering them once each", async () => {
    const holding = Number((await sql<{ n: string }>`select count(*) as n from reports r join report_versions v on v.id = r.latest_version_id
      where v.search @@ phraseto_tsquery('simple', '政府 府信 信息 息公 公开')`.execute(w.fresh.db)).rows[0].n);
    expect(holding).toBeGreaterThan(5);
    const first = await searchReportsPage(w.reader, PHRASE, { limit: 3 });
    expect(first.limited).toBe(false);
    expect(first.matched).toHaveLength(holding);
    const seen: string[] = [];
    let page = first;
    for (;;) {
      seen.push(...page.hits.map((h) => h.reportId));
      for (let i = 1; i < page.hits.length; i++) expect(page.hits[i - 1].rank).toBeGreaterThanOrEqual(page.hits[i].rank);
      if (!page.next) break;
      page = await searchReportsPage(w.reader, PHRASE, { limit: 3, after: page.next });
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toHaveLength(first.matched.length);
  });

  it("beyond the limit: says so, and ranks the newest candidates only", async () => {
    const bounded = await searchReportsPage(w.reader, PHRASE, { limit: 20, rankLimit: 3 });
    expect(bounded.limited).toBe(true);
    expect(bounded.matched).toHaveLength(3);
    const newest = await w.fresh.db.selectFrom("reports as r").innerJoin("report_versions as v", "v.id", "r.latest_version_id")
      .select("v.id").where(sql<boolean>`v.search @@ plainto_tsquery('simple', '政府 府信 信息 息公 公开')`)
      .orderBy("r.year", "desc").orderBy("r.id", "desc").limit(3).execute();
    expect([...bounded.matched].sort()).toEqual(newest.map((r) => r.id).sort());
    expect(bounded.hits.map((h) => h.versionId).sort()).toEqual([...bounded.matched].sort());
    // A narrower search within the limit is complete again.
    const narrow = await searchReportsPage(w.reader, PHRASE, { limit: 20, rankLimit: 3, agency: "绿水乡" });
    expect(narrow.limited).toBe(false);
    expect(narrow.hits.map((h) => h.agency)).toEqual(["绿水乡人民政府"]);
  });

  it("the same hits as a detail read gives, with snippets", async () => {
    const page = await searchReportsPage(w.reader, "政府信息 年度报告", { limit: 5 });
    expect(page.hits).toHaveLength(5);
    for (const h of page.hits) {
      const d = (await reportDetail(w.reader, h.reportId))!;
      expect(h).toMatchObject({ versionId: d.versionId, agency: d.agency.name, year: d.year, title: d.title });
      expect(h.snippet).not.toBeNull();
    }
  });
});
