import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserLane } from "../../../src/crawlers/fetch/browser-lane.ts";
import { addPortal, type Portal } from "../../../src/store/portals.ts";
import { freshDatabase, type FreshDatabase } from "../../store/support/index.ts";
import { startFixturePortals, type ExpectedReport, type FixturePortals } from "../fixture-portal/index.ts";
import { apiPath } from "../fixture-portal/sites/scriptlist-pages.ts";
import { archived, crawl, registerSites, tempStorage, versionCount, warcProblems, warcRecords } from "./crawl-support.ts";

// End to end: from each fixture portal's homepage to archived records with exact values (a list
// that exists only once its script runs rendered in Chromium, its API's answers in the WARC
// files), then a recrawl (conditional requests, no new version — the rendered list's too), a
// republished report (one new version naming the changed cell), and a removed one (marked removed
// after two crawls, never deleted).

let fresh: FreshDatabase;
let portals: FixturePortals;
let storage: Awaited<ReturnType<typeof tempStorage>>;
let registered: Portal[];
let first: Awaited<ReturnType<typeof crawl>>;

beforeAll(async () => {
  if (!BrowserLane.available()) throw new Error("these tests need Chromium at /usr/bin/chromium (apt-get install chromium)");
  fresh = await freshDatabase();
  portals = await startFixturePortals();
  storage = await tempStorage();
  registered = await registerSites(fresh.db, Object.values(portals.sites));
  first = await crawl(fresh.db, storage.dir, registered);
}, 300_000);
afterAll(async () => {
  await portals?.close();
  await fresh?.drop();
  await storage?.remove();
});

const allExpected = (): ExpectedReport[] => Object.values(portals.sites).flatMap((s) => s.expected);
const rendered = (events: typeof first.events): string[] => events.flatMap((e) => (e.type === "host" ? /; rendering (\S+) in Chromium$/.exec(e.message)?.[1] ?? [] : []));
const scriptList = (path: string) => `http://${portals.sites.scriptlist.host}${path}`;

describe("a first crawl of every fixture portal", () => {
  it("archives every expected report once, with exactly its values, and nothing else", async () => {
    const reports = await archived(fresh.db);
    const expected = allExpected();
    const got = reports.map((r) => `${r.agency} ${r.year}`).sort();
    expect(got).toEqual(expected.map((e) => `${e.agency} ${e.year}`).sort());
    for (const e of expected) {
      const r = reports.find((x) => x.agency === e.agency && x.year === e.year)!;
      expect(r.template, e.id).toBe(e.template);
      expect(r.values, e.id).toEqual(e.values);
    }
    // One report is one report: its PDF beside its page, its mobile and https twins make no second version.
    expect(await versionCount(fresh.db)).toBe(expected.length);
  });

  it("reports what it did: finished, no failures beyond the portals' scripted ones, no blocked host", () => {
    expect(first.status).toBe("finished");
    // Finished as soon as its last request was handled (Crawlee's queue kept no count it never reached).
    expect(first.tailMs).toBeLessThan(3000);
    expect(first.blockedHosts).toEqual([]);
    const failed = first.events.filter((e) => e.type === "fetch" && (e.outcome === "failed" || e.outcome === "blocked"));
    expect(failed.map((e) => e.type === "fetch" && `${e.url}: ${e.detail}`)).toEqual([]);
  });

  it("never requests what robots.txt forbids it, and keeps to one request at a time per host", () => {
    for (const site of Object.values(portals.sites)) {
      for (const f of site.forbidden) expect(portals.log.to(f.url), f.url).toEqual([]);
      for (const host of site.hosts) expect(portals.log.maxInFlight(host), host).toBeLessThanOrEqual(1);
    }
  });

  it("stops at the pagination trap (a list answering every page number with its first page)", () => {
    const trap = portals.log.requests.filter((r) => r.site === "trs" && /\/zwgk\/tzgg\/index_\d+\.html/.test(r.url));
    expect(trap.length).toBeLessThanOrEqual(3);
  });

  it("passes the challenge site in Chromium and falls back to http for the gkmlpt site", () => {
    const hosts = first.events.filter((e) => e.type === "host").map((e) => e.type === "host" && `${e.host} ${e.message}`);
    expect(hosts.some((h) => h && h.startsWith(portals.sites.challenge.host) && /Chromium/.test(h))).toBe(true);
    expect(hosts.some((h) => h && h.startsWith(portals.sites.gkmlpt.host) && /plain http/.test(h))).toBe(true);
  });

  it("writes WARC files that validate", async () => {
    expect(await warcProblems(storage.dir)).toEqual([]);
  });
});

describe("a challenge whose cookies expire", () => {
  it("is passed again in Chromium when its cookies stop working, and the crawl still gets every report", async () => {
    const site = await startFixturePortals({ sites: ["challenge"], challenge: { maxUses: 8 } });
    const db = await freshDatabase();
    const dir = await tempStorage();
    try {
      const run = await crawl(db.db, dir.dir, await registerSites(db.db, [site.sites.challenge]));
      const solved = run.events.filter((e) => e.type === "host" && /passing it in Chromium/.test(e.message));
      expect(solved.length).toBeGreaterThanOrEqual(2);
      expect(run.blockedHosts).toEqual([]);
      expect((await archived(db.db)).map((r) => `${r.agency} ${r.year}`).sort()).toEqual(site.sites.challenge.expected.map((e) => `${e.agency} ${e.year}`).sort());
    } finally {
      await site.close();
      await db.drop();
      await dir.remove();
    }
  }, 180_000);
});

describe("a list that exists only once its script runs", () => {
  it("is rendered in Chromium, its pages turned; no other page is rendered", () => {
    expect(rendered(first.events)).toEqual([scriptList("/zwgk/xxgknb/index.html")]);
    const done = first.events.find((e) => e.type === "host" && e.message.startsWith(`rendered ${scriptList("/zwgk/xxgknb/index.html")}`));
    expect(done && done.type === "host" && done.message).toMatch(/: 3 pages of its list shown, 2 list answers read, 8 items$/);
  });

  it("gives the reports only its API lists, with their exact values", async () => {
    const reports = await archived(fresh.db);
    const apiOnly = portals.sites.scriptlist.expected.filter((e) => e.notes.some((n) => /API's page \d only/.test(n)));
    expect(apiOnly.map((e) => `${e.agency} ${e.year}`)).toEqual(["云溪县自然资源局 2023", "云溪县人民政府 2022", "云溪县人民政府 2021"]);
    for (const e of apiOnly) expect(reports.find((r) => r.agency === e.agency && r.year === e.year)?.values, e.id).toEqual(e.values);
  });

  it("archives the list's API answers in the WARC files, asked with the page's own headers and through robots.txt", async () => {
    const records = await warcRecords(storage.dir);
    const api = (page: number, type: string) => records.filter((r) => r.type === type && r.targetUri === scriptList(apiPath(page)));
    for (const page of [2, 3]) {
      const [response] = api(page, "response");
      expect(response?.status, `page ${page}`).toBe(200);
      const answer = JSON.parse(Buffer.from(response.body).toString("utf8")) as { data: { pageNo: number; records: { articleTitle: string }[] } };
      expect(answer.data.pageNo).toBe(page);
      expect(answer.data.records).toHaveLength(3);
      const [request] = api(page, "request");
      expect(request.headers?.find(([n]) => n.toLowerCase() === "x-requested-with")?.[1]).toBe("XMLHttpRequest");
      expect(request.headers?.find(([n]) => n.toLowerCase() === "referer")?.[1]).toBe(scriptList("/zwgk/xxgknb/index.html"));
    }
    expect(records.some((r) => r.type === "response" && r.targetUri === scriptList("/js/nb-list.js") && r.status === 200)).toBe(true);
    expect(records.some((r) => r.targetUri?.includes("/tongji/"))).toBe(false);
  });
});

describe("a portal registered as needing a browser", () => {
  it("has its columns rendered whatever discovery makes of them, and still gives every report", async () => {
    const site = await startFixturePortals({ sites: ["gbk"] });
    const db = await freshDatabase();
    const dir = await tempStorage();
    try {
      const [portal] = await registerSites(db.db, [site.sites.gbk]);
      const forced = (await addPortal(db.db, { name: portal.name, startUrl: portal.startUrl, needsBrowser: true })).portal;
      const run = await crawl(db.db, dir.dir, [forced]);
      const why = run.events.filter((e) => e.type === "host" && /^the portal is registered as needing a browser; rendering /.test(e.message));
      expect(why.length).toBeGreaterThanOrEqual(1);
      expect((await archived(db.db)).map((r) => `${r.agency} ${r.year}`).sort()).toEqual(site.sites.gbk.expected.map((e) => `${e.agency} ${e.year}`).sort());
    } finally {
      await site.close();
      await db.drop();
      await dir.remove();
    }
  }, 180_000);
});

describe("a recrawl", () => {
  let again: Awaited<ReturnType<typeof crawl>>;

  it("asks conditionally, gets 304s, and makes no new version", async () => {
    const before = await versionCount(fresh.db);
    portals.log.clear();
    again = await crawl(fresh.db, storage.dir, registered);
    expect(await versionCount(fresh.db)).toBe(before);
    const documents = allExpected().map((e) => e.url);
    const asked = documents.flatMap((u) => portals.log.to(u));
    expect(asked.length).toBeGreaterThan(0);
    const conditional = asked.filter((r) => r.headers["if-none-match"] || r.headers["if-modified-since"]);
    expect(asked.filter((r) => !conditional.includes(r)).map((r) => `${r.status} ${r.url}`)).toEqual([]);
    expect(conditional.length / asked.length).toBeGreaterThanOrEqual(0.95);
    expect(asked.filter((r) => r.status === 304).length / asked.length).toBeGreaterThanOrEqual(0.9);
    const outcomes = again.events.filter((e) => e.type === "fetch").map((e) => e.type === "fetch" && e.outcome);
    expect(outcomes).not.toContain("report_new");
    expect(outcomes).not.toContain("report_changed");
    expect(again.events.filter((e) => e.type === "fetch" && (e.outcome === "failed" || e.outcome === "blocked"))).toEqual([]);
    // Every report seen again (a report served at two URLs, its page and its PDF, is seen twice).
    expect(outcomes.filter((o) => o === "report_unchanged").length).toBeGreaterThanOrEqual(allExpected().length);
    expect(again.tailMs).toBeLessThan(3000);
  });

  it("renders the script-only list again, its page, script and API answers all 304s replayed from the WARC files", () => {
    expect(rendered(again.events)).toEqual([scriptList("/zwgk/xxgknb/index.html")]);
    for (const path of ["/zwgk/xxgknb/index.html", "/js/nb-list.js", apiPath(2), apiPath(3)]) {
      expect(portals.log.to(scriptList(path)).map((r) => `${r.status} ${r.ifNoneMatch ? "conditional" : "plain"}`), path).toEqual(["304 conditional"]);
    }
    const apiOnly = portals.sites.scriptlist.expected.filter((e) => e.notes.some((n) => /API's page \d only/.test(n)));
    for (const e of apiOnly) expect(again.events.some((x) => x.type === "fetch" && x.url === e.url && x.outcome === "report_unchanged"), e.id).toBe(true);
  });
});

describe("a republished report", () => {
  it("becomes one new version whose changed cell is the one changed", async () => {
    const target = portals.sites.trs.expected.find((e) => e.format === "html" && e.source.startsWith("synthetic") && !e.alsoAt.some((u) => u.endsWith(".pdf")))!;
    const before = await versionCount(fresh.db);
    await portals.mutate.republish(target.id, { key: "active.penalty.decisions", value: 77 });
    const run = await crawl(fresh.db, storage.dir, registered);
    expect(await versionCount(fresh.db)).toBe(before + 1);
    expect(run.events.filter((e) => e.type === "fetch" && e.outcome === "report_changed").map((e) => e.type === "fetch" && e.url)).toEqual([target.url]);
    const report = (await archived(fresh.db)).find((r) => r.agency === target.agency && r.year === target.year)!;
    expect(report.values["active.penalty.decisions"]).toBe(77);
    const versions = await fresh.db.selectFrom("report_versions").select(["id"]).where("report_id", "=", report.report_id).orderBy("id").execute();
    expect(versions).toHaveLength(2);
  });
});

describe("a removed report, and one added to the script-only list meanwhile", () => {
  let added: ExpectedReport;

  it("is marked removed after answering 404 on two crawls, and kept", async () => {
    const target = portals.sites.hanweb.expected[0];
    portals.mutate.remove(target.id, 404);
    added = await portals.mutate.addReport("scriptlist"); // every record moves one place down the list's API
    portals.log.clear();
    await crawl(fresh.db, storage.dir, registered);
    let report = (await archived(fresh.db)).find((r) => r.agency === target.agency && r.year === target.year)!;
    expect(report.removed_at).toBeNull();
    await crawl(fresh.db, storage.dir, registered);
    report = (await archived(fresh.db)).find((r) => r.agency === target.agency && r.year === target.year)!;
    expect(report.removed_at).not.toBeNull();
    expect(report.values).toEqual(target.values);
  });

  it("the rendered list's new record is archived, and its API pages changed are fetched anew, up to the page it grew", async () => {
    const report = (await archived(fresh.db)).find((r) => r.agency === added.agency && r.year === added.year);
    expect(report?.values).toEqual(added.values);
    // Two crawls since the report was added: pages 2 and 3 changed and page 4 is new in the first, all unchanged in the second.
    for (const page of [2, 3, 4]) expect(portals.log.to(scriptList(apiPath(page))).map((r) => r.status), `page ${page}`).toEqual([200, 304]);
  });
});
