import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addPortalCounts, runPortalStats, setRunStatus, startRun, unfinishedRun } from "../../src/store/crawl-runs.ts";
import { goneTwice, knownReportUrls, previousFetch, recordCrawlLog, recordFetch } from "../../src/store/crawl-fetches.ts";
import { markRemoved } from "../../src/store/mark-removed.ts";
import { addPortal, findPortals, listPortals } from "../../src/store/portals.ts";
import { StoreError } from "../../src/store/store-error.ts";
import { freshDatabase, type FreshDatabase } from "./support/index.ts";
import { ingestSynthetic } from "./read-side-fixtures.ts";

let fresh: FreshDatabase;
beforeAll(async () => { fresh = await freshDatabase(); });
afterAll(async () => { await fresh?.drop(); });

describe("the portal registry", () => {
  it("adds a portal, updates it by start URL, finds it by id, name or URL, and refuses unknown ones", async () => {
    const a = await addPortal(fresh.db, { name: "孝义市人民政府", startUrl: "http://www.xiaoyi.gov.cn/", region: "山西省/吕梁市/孝义市", regionCode: "141181" });
    expect(a.created).toBe(true);
    const b = await addPortal(fresh.db, { name: "孝义市人民政府门户", startUrl: "http://www.xiaoyi.gov.cn/", hosts: ["xxgk.xiaoyi.gov.cn"], delayMs: 3000 });
    expect(b.created).toBe(false);
    expect(b.portal).toMatchObject({ id: a.portal.id, name: "孝义市人民政府门户", region: "山西省/吕梁市/孝义市", regionCode: "141181", hosts: ["xxgk.xiaoyi.gov.cn"], delayMs: 3000 });
    expect((await findPortals(fresh.db, [a.portal.id])).map((p) => p.id)).toEqual([a.portal.id]);
    expect((await findPortals(fresh.db, ["孝义市人民政府门户"])).map((p) => p.id)).toEqual([a.portal.id]);
    await expect(findPortals(fresh.db, ["999", "nope"])).rejects.toThrow(/no portal '999', 'nope' in the registry/);
    await expect(addPortal(fresh.db, { name: "x", startUrl: "http://x.gov.cn/", regionCode: "12" })).rejects.toBeInstanceOf(StoreError);
  });

  it("keeps ad hoc portals out of 'every portal' until added for real", async () => {
    const adHoc = await addPortal(fresh.db, { name: "a.gov.cn", startUrl: "http://a.gov.cn/", adHoc: true });
    expect((await findPortals(fresh.db)).some((p) => p.id === adHoc.portal.id)).toBe(false);
    await addPortal(fresh.db, { name: "某县", startUrl: "http://a.gov.cn/" });
    expect((await findPortals(fresh.db)).some((p) => p.id === adHoc.portal.id)).toBe(true);
  });
});

describe("crawl runs and fetches", () => {
  it("finds an unfinished run over the same portals to resume, and lists the last crawl per portal", async () => {
    const [portal] = await findPortals(fresh.db, ["http://www.xiaoyi.gov.cn/"]);
    const run = await startRun(fresh.db, [portal.id], {});
    expect(run.queueName).toBe(`crawl-${run.id}`);
    expect((await unfinishedRun(fresh.db, [portal.id]))?.id).toBe(run.id);
    await addPortalCounts(fresh.db, run.id, portal.id, { pages: 3, reportsNew: 1, blockedHosts: ["a:1"] });
    await addPortalCounts(fresh.db, run.id, portal.id, { pages: 2, failures: 1, blockedHosts: ["a:1", "b:2"] });
    expect(await runPortalStats(fresh.db, run.id)).toEqual([expect.objectContaining({ pages: 5, reportsNew: 1, failures: 1, blockedHosts: ["a:1", "b:2"] })]);
    await setRunStatus(fresh.db, run.id, "finished");
    expect(await unfinishedRun(fresh.db, [portal.id])).toBeUndefined();
    const listed = (await listPortals(fresh.db)).find((p) => p.id === portal.id)!;
    expect(listed.lastCrawl).toMatchObject({ runId: run.id, status: "finished", pages: 5, reportsNew: 1, failures: 1 });
  });

  it("remembers each URL's last good answer (also under its redirect target) and sees a report gone on two crawls", async () => {
    const [portal] = await findPortals(fresh.db, ["http://www.xiaoyi.gov.cn/"]);
    const { reportId } = await ingestSynthetic(fresh.db, { seed: 7, agency: "某镇人民政府", year: 2023 }) as { reportId: string };
    const url = "http://www.xiaoyi.gov.cn/module/download/downfile.jsp?filename=a.pdf";
    const r1 = await startRun(fresh.db, [portal.id], {});
    await recordFetch(fresh.db, { runId: r1.id, portalId: portal.id, url, finalUrl: "http://www.xiaoyi.gov.cn/attach/a.pdf", kind: "attachment", httpStatus: 200, etag: '"v1"', warc: { file: "x.warc.gz", offset: 10, length: 20 }, outcome: "report_new", reportId });
    expect(await previousFetch(fresh.db, url)).toMatchObject({ etag: '"v1"', reportId, warc: { file: "x.warc.gz", offset: 10, length: 20 } });
    expect(await previousFetch(fresh.db, "http://www.xiaoyi.gov.cn/attach/a.pdf")).toMatchObject({ etag: '"v1"' });
    expect(await knownReportUrls(fresh.db, portal.id)).toEqual([{ url, kind: "attachment", method: "GET" }]);
    const r2 = await startRun(fresh.db, [portal.id], {});
    await recordFetch(fresh.db, { runId: r2.id, portalId: portal.id, url, kind: "attachment", httpStatus: 404, outcome: "not_found" });
    expect(await goneTwice(fresh.db, url)).toBeUndefined(); // once is not enough
    const r3 = await startRun(fresh.db, [portal.id], {});
    await recordFetch(fresh.db, { runId: r3.id, portalId: portal.id, url, kind: "attachment", httpStatus: 410, outcome: "not_found" });
    expect(await goneTwice(fresh.db, url)).toBe(reportId);
    expect(await previousFetch(fresh.db, url)).toMatchObject({ etag: '"v1"' }); // the last answer with a body
  });

  it("writes a batch of the crawl log in one go: its fetches, each portal's counts summed, and sightings", async () => {
    const [portal] = await findPortals(fresh.db, ["http://www.xiaoyi.gov.cn/"]);
    const seen = await ingestSynthetic(fresh.db, { seed: 8, agency: "某乡人民政府", year: 2023, fetchedAt: new Date("2024-03-01T00:00:00Z") }) as { reportId: string };
    const gone = await ingestSynthetic(fresh.db, { seed: 9, agency: "某街道办事处", year: 2023, fetchedAt: new Date("2024-03-01T00:00:00Z") }) as { reportId: string };
    expect(await markRemoved(fresh.db, gone.reportId, new Date("2024-04-01T00:00:00Z"))).toBe(true);
    const run = await startRun(fresh.db, [portal.id], {});
    const urls = ["http://www.xiaoyi.gov.cn/a.html", "http://www.xiaoyi.gov.cn/b.html"];
    await recordCrawlLog(fresh.db, {
      fetches: urls.map((url) => ({ runId: run.id, portalId: portal.id, url, kind: "detail", httpStatus: 304, outcome: "report_unchanged" })),
      counts: [{ runId: run.id, portalId: portal.id, counts: { documents: 2, reportsUnchanged: 2 } }],
      sightings: [
        { reportId: seen.reportId, at: new Date("2024-05-01T00:00:00Z") }, { reportId: seen.reportId, at: new Date("2024-06-01T00:00:00Z") },
        { reportId: gone.reportId, at: new Date("2024-05-01T00:00:00Z") },
      ],
    });
    const fetched = await fresh.db.selectFrom("crawl_fetches").select("url").where("run_id", "=", run.id).orderBy("url").execute();
    expect(fetched.map((f) => f.url)).toEqual(urls);
    expect(await runPortalStats(fresh.db, run.id)).toEqual([expect.objectContaining({ documents: 2, reportsUnchanged: 2 })]);
    const reports = await fresh.db.selectFrom("reports").select(["id", "last_seen", "removed_at"]).where("id", "in", [seen.reportId, gone.reportId]).execute();
    const byId = new Map(reports.map((r) => [String(r.id), r]));
    expect(byId.get(seen.reportId)!.last_seen.toISOString()).toBe("2024-06-01T00:00:00.000Z"); // the latest sighting
    expect(byId.get(gone.reportId)!.removed_at).toBeNull(); // seen after it was marked removed
    const version = await fresh.db.selectFrom("report_versions").select("last_seen").where("report_id", "=", seen.reportId).executeTakeFirstOrThrow();
    expect(version.last_seen.toISOString()).toBe("2024-06-01T00:00:00.000Z");
  });
});
