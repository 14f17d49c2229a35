import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listChanges } from "../../src/store/agencies/agency-changes.ts";
import { listAgencies } from "../../src/store/agencies/list-agencies.ts";
import { mergeAgencies } from "../../src/store/agencies/merge-agencies.ts";
import { placeAgency } from "../../src/store/agencies/place-agency.ts";
import { splitMerge } from "../../src/store/agencies/split-merge.ts";
import { checkContinuity } from "../../src/store/continuity.ts";
import { listReports } from "../../src/store/list-reports.ts";
import { StoreError } from "../../src/store/store-error.ts";
import { forwardOf, ingestSpelled, type Archived } from "./agency-fixtures.ts";
import { freshDatabase, type FreshDatabase } from "./support/index.ts";

// Merging two identities by hand and splitting them again: recorded, reversible, and never
// losing or altering a version. 高平镇人民政府 (unplaced: three 高平镇) has 2021 and 2022;
// 泾川县高平镇人民政府 (placed) has 2021 and 2023: the merge makes one body with 2021–2023,
// its 2021 report holding the versions of both sides.

let fresh: FreshDatabase;
let loose: { y2021: Archived; y2022: Archived }, placed: { y2021: Archived; y2023: Archived }, another: Archived;
const at = (d: string) => new Date(`${d}T00:00:00Z`);

/** Every version with its report, content hash and values count: what must survive intact. */
async function snapshot() {
  const { rows } = await sql<{ id: string; report_id: string; content_hash: string; values: number; captures: number }>`
    select v.id, v.report_id, v.content_hash,
      (select count(*)::int from report_values rv where rv.version_id = v.id) as values,
      (select count(*)::int from version_captures vc where vc.version_id = v.id) as captures
    from report_versions v order by v.id`.execute(fresh.db);
  const reports = await fresh.db.selectFrom("reports").select(["id", "agency_id", "year", "latest_version_id", "first_seen", "last_seen", "source_url"]).orderBy("id").execute();
  return { versions: rows, reports };
}

beforeAll(async () => {
  fresh = await freshDatabase();
  const l2021 = await ingestSpelled(fresh.db, { seed: 61, agency: "高平镇人民政府", year: 2021, fetchedAt: at("2024-01-01") });
  loose = { y2021: l2021, y2022: await ingestSpelled(fresh.db, { seed: 62, agency: "高平镇人民政府", year: 2022, carriedOver: forwardOf(l2021), fetchedAt: at("2024-01-02") }) };
  const p2021 = await ingestSpelled(fresh.db, { seed: 63, agency: "泾川县高平镇人民政府", year: 2021, fetchedAt: at("2024-02-01") });
  placed = { y2021: p2021, y2023: await ingestSpelled(fresh.db, { seed: 64, agency: "泾川县高平镇人民政府", year: 2023, fetchedAt: at("2024-02-02") }) };
});
afterAll(async () => { await fresh?.drop(); });

describe("merge and split", () => {
  it("before: two identities, one unplaced", async () => {
    expect(loose.y2021.agencyId).not.toBe(placed.y2021.agencyId);
    const agencies = await listAgencies(fresh.db, { name: "高平镇" });
    expect(agencies.map((a) => [a.name, a.regionCode, a.years])).toEqual([
      ["泾川县高平镇人民政府", "620821102", [2021, 2023]],
      ["高平镇人民政府", null, [2021, 2022]],
    ]);
  });

  it("merging keeps every version, makes one report per year, places the body, and is recorded", async () => {
    const before = await snapshot();
    const result = await mergeAgencies(fresh.db, placed.y2021.agencyId, loose.y2021.agencyId, { by: "tester", note: "same township (portal of 泾川县)" });
    expect(result.moves.reports.map((r) => r.year)).toEqual([2022]);
    expect(result.moves.versions).toEqual([{ id: loose.y2021.versionId, year: 2021, fromReport: loose.y2021.reportId, toReport: placed.y2021.reportId }]);
    expect(result.duplicates).toBe(0);

    const after = await snapshot();
    // Same versions, same content, same values and captures; only the 2021 one changed report.
    expect(after.versions.map(({ report_id: _, ...v }) => v)).toEqual(before.versions.map(({ report_id: _, ...v }) => v));
    expect(after.versions.find((v) => v.id === loose.y2021.versionId)!.report_id).toBe(placed.y2021.reportId);
    const [agency] = await listAgencies(fresh.db, { name: "高平镇" });
    expect(agency).toMatchObject({ id: placed.y2021.agencyId, regionCode: "620821102", aliases: ["高平镇人民政府"], years: [2021, 2022, 2023] });
    // 2021: one report whose current version is the one seen last (the placed one, Feb 2024), spanning both sightings.
    const y2021 = (await listReports(fresh.db, { agency: "高平镇", year: 2021 }));
    expect(y2021).toHaveLength(1);
    expect(y2021[0]).toMatchObject({ id: placed.y2021.reportId, versionId: placed.y2021.versionId, versions: 2 });
    const r2021 = after.reports.find((r) => r.id === placed.y2021.reportId)!;
    expect(r2021.first_seen.toISOString()).toBe("2024-01-01T00:00:00.000Z");
    // The merged identity's emptied report drops out; continuity now sees 2021→2022 and 2022→2023.
    expect(after.reports.find((r) => r.id === loose.y2021.reportId)!.latest_version_id).toBeNull();
    const pairs = (await checkContinuity(fresh.db)).flatMap((a) => a.pairs.map((p) => `${a.agency} ${p.yearBefore}→${p.yearAfter}`));
    expect(pairs).toEqual(["泾川县高平镇人民政府 2021→2022", "泾川县高平镇人民政府 2022→2023"]);
    // A new document of the placed spelling goes to the kept identity; one of the unplaced spelling
    // without a region may be another 高平镇: an unplaced identity of its own, never a guess.
    const y2024 = await ingestSpelled(fresh.db, { seed: 65, agency: "泾川县高平镇人民政府", year: 2024 });
    expect(y2024.agencyId).toBe(placed.y2021.agencyId);
    another = await ingestSpelled(fresh.db, { seed: 66, agency: "高平镇人民政府", year: 2024 });
    expect(another.agencyId).not.toBe(placed.y2021.agencyId);
    expect(another.agencyId).not.toBe(loose.y2021.agencyId);
    expect(another.warnings[0]).toMatch(/fits 3 divisions/);

    const [change] = await listChanges(fresh.db);
    expect(change).toMatchObject({ kind: "merge", agencyId: placed.y2021.agencyId, otherId: loose.y2021.agencyId, madeBy: "tester", note: "same township (portal of 泾川县)", undoneAt: null });
    expect(change.madeAt).toBeInstanceOf(Date);
  });

  it("a second merge of the merged identity, or of itself, is refused", async () => {
    await expect(mergeAgencies(fresh.db, placed.y2021.agencyId, loose.y2021.agencyId, { by: "tester" })).rejects.toThrow(/was merged into agency/);
    await expect(mergeAgencies(fresh.db, placed.y2021.agencyId, placed.y2021.agencyId, { by: "tester" })).rejects.toBeInstanceOf(StoreError);
  });

  it("splitting undoes it exactly; what arrived since stays where it was filed; recorded", async () => {
    const [merge] = await listChanges(fresh.db);
    const result = await splitMerge(fresh.db, merge.id, { by: "reviewer" });
    expect(result).toMatchObject({ undone: merge.id, restored: { id: loose.y2021.agencyId } });
    const agencies = await listAgencies(fresh.db, { name: "高平镇" });
    expect(agencies.map((a) => [a.id, a.regionCode, a.years])).toEqual([
      [placed.y2021.agencyId, "620821102", [2021, 2023, 2024]],
      [loose.y2021.agencyId, null, [2021, 2022]],
      [another.agencyId, null, [2024]],
    ]);
    // The unplaced key went to the new identity meanwhile: it keeps it (the restored one is found by name or id).
    const keys = await fresh.db.selectFrom("agencies").select(["id", "identity_key"]).where("id", "in", [loose.y2021.agencyId, another.agencyId]).orderBy("id").execute();
    expect(keys.map((k) => k.identity_key)).toEqual([`?|高平镇|政府#${loose.y2021.agencyId}`, "?|高平镇|政府"]);
    const reports = await fresh.db.selectFrom("reports").select(["id", "agency_id", "latest_version_id"]).where("id", "in", [loose.y2021.reportId, loose.y2022.reportId, placed.y2021.reportId]).orderBy("id").execute();
    expect(reports).toEqual([
      { id: loose.y2021.reportId, agency_id: loose.y2021.agencyId, latest_version_id: loose.y2021.versionId },
      { id: loose.y2022.reportId, agency_id: loose.y2021.agencyId, latest_version_id: loose.y2022.versionId },
      { id: placed.y2021.reportId, agency_id: placed.y2021.agencyId, latest_version_id: placed.y2021.versionId },
    ]);
    const changes = await listChanges(fresh.db);
    expect(changes.map((c) => [c.kind, c.madeBy, c.undoneBy])).toEqual([["merge", "tester", "reviewer"], ["split", "reviewer", null]]);
    expect(changes[0].undoneByChange).toBe(changes[1].id);
    await expect(splitMerge(fresh.db, merge.id, { by: "reviewer" })).rejects.toThrow(/already undone/);
    await expect(splitMerge(fresh.db, changes[1].id, { by: "reviewer" })).rejects.toThrow(/is a split/);
  });

  it("same content on both sides: the version stays, its captures are linked to the kept one; undone too", async () => {
    // The same document filed under the unplaced identity and, with its region, the placed one.
    const a = await ingestSpelled(fresh.db, { seed: 71, agency: "高平镇人民政府", year: 2019, fetchedAt: at("2024-03-01") });
    const b = await ingestSpelled(fresh.db, { seed: 71, agency: "高平镇人民政府", year: 2019, region: "甘肃省/平凉市/泾川县", fetchedAt: at("2024-03-02") });
    expect(b.agencyId).toBe(placed.y2021.agencyId);
    const merged = await mergeAgencies(fresh.db, b.agencyId, a.agencyId, { by: "tester" });
    expect(merged.duplicates).toBe(1);
    expect(merged.moves.links).toHaveLength(1);
    const links = await fresh.db.selectFrom("version_captures").select("capture_id").where("version_id", "=", b.versionId).execute();
    expect(links).toHaveLength(2);
    expect(await fresh.db.selectFrom("report_versions").select("id").where("id", "=", a.versionId).executeTakeFirst()).toBeDefined();
    await splitMerge(fresh.db, merged.changeId, { by: "tester" });
    expect(await fresh.db.selectFrom("version_captures").select("capture_id").where("version_id", "=", b.versionId).execute()).toHaveLength(1);
  });

  it("an unplaced identity kept in a merge takes the other's place, and gives it back on the split", async () => {
    const a = await ingestSpelled(fresh.db, { seed: 75, agency: "西安镇人民政府", year: 2020 });
    const b = await ingestSpelled(fresh.db, { seed: 76, agency: "桃源县西安镇人民政府", year: 2021 });
    const merged = await mergeAgencies(fresh.db, a.agencyId, b.agencyId, { by: "tester" });
    const [kept] = await listAgencies(fresh.db, { name: "西安镇" });
    expect(kept).toMatchObject({ id: a.agencyId, regionCode: "430725112", level: "township", placementNote: null, years: [2020, 2021] });
    await splitMerge(fresh.db, merged.changeId, { by: "tester" });
    const after = await listAgencies(fresh.db, { name: "西安镇" });
    expect(after.map((x) => [x.id, x.regionCode, x.years])).toEqual([[b.agencyId, "430725112", [2021]], [a.agencyId, null, [2020]]]);
    expect(after[1].placementNote).toMatch(/^fits 3 divisions/);
  });

  it("a region given later places an unplaced identity: it joins the placed one, or a new one; recorded, undone by split", async () => {
    // 西安镇人民政府 (unplaced, 2020) with 海原县: no identity there yet, one is made.
    const a = await ingestSpelled(fresh.db, { seed: 77, agency: "城关镇人民政府", year: 2020 });
    await expect(placeAgency(fresh.db, a.agencyId, { region: "甘肃省" }, { by: "tester" })).rejects.toThrow(/not placed by that region: .*fits \d+ divisions/);
    const made = await placeAgency(fresh.db, a.agencyId, { regionCode: "620821" }, { by: "tester" });
    expect(made).toMatchObject({ created: true, identity: { regionCode: "620821100", level: "township" } });
    expect((await listAgencies(fresh.db, { region: "620821100" })).map((x) => [x.name, x.years])).toEqual([["城关镇人民政府", [2020]]]);
    // A second unplaced 城关镇 placed at the same township joins that identity.
    const b = await ingestSpelled(fresh.db, { seed: 78, agency: "城关镇政府", year: 2021 });
    const joined = await placeAgency(fresh.db, b.agencyId, { region: "泾川县" }, { by: "tester", note: "portal of 泾川县" });
    expect(joined).toMatchObject({ created: false, kept: { id: made.kept.id } });
    expect((await listAgencies(fresh.db, { region: "620821100" }))[0]).toMatchObject({ aliases: ["城关镇政府"], years: [2020, 2021] });
    const changes = await listChanges(fresh.db, { agencyId: made.kept.id });
    expect(changes.map((c) => c.note)).toEqual(["placed by region 620821", "portal of 泾川县"]);
    await splitMerge(fresh.db, joined.changeId, { by: "tester" });
    expect((await listAgencies(fresh.db, { region: "620821100" }))[0].years).toEqual([2020]);
    await expect(placeAgency(fresh.db, made.kept.id, { regionCode: "620821" }, { by: "tester" })).rejects.toThrow(/already placed at 620821100/);
  });

  it("different placements are refused unless forced", async () => {
    const other = await ingestSpelled(fresh.db, { seed: 81, agency: "隆回县高平镇人民政府", year: 2023 });
    await expect(mergeAgencies(fresh.db, placed.y2021.agencyId, other.agencyId, { by: "tester" })).rejects.toThrow(/620821102 .* 430524104: different divisions; add --force/);
  });
});
