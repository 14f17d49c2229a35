import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserLane } from "../../../src/crawlers/fetch/browser-lane.ts";
import type { Portal } from "../../../src/store/portals.ts";
import { freshDatabase, type FreshDatabase } from "../../store/support/index.ts";
import { startFixturePortals, type ExpectedReport, type FixturePortals } from "../fixture-portal/index.ts";
import { archived, crawl, registerSites, tempStorage, versionCount, warcProblems } from "./crawl-support.ts";

// End to end: from each fixture portal's homepage to archived records with exact values, then a
// recrawl (conditional requests, no new version), a republished report (one new version naming
// the changed cell), and a removed one (marked removed after two crawls, never deleted).

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

describe("a recrawl", () => {
  it("asks conditionally, gets 304s, and makes no new version", async () => {
    const before = await versionCount(fresh.db);
    portals.log.clear();
    const again = await crawl(fresh.db, storage.dir, registered);
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

describe("a removed report", () => {
  it("is marked removed after answering 404 on two crawls, and kept", async () => {
    const target = portals.sites.hanweb.expected[0];
    portals.mutate.remove(target.id, 404);
    await crawl(fresh.db, storage.dir, registered);
    let report = (await archived(fresh.db)).find((r) => r.agency === target.agency && r.year === target.year)!;
    expect(report.removed_at).toBeNull();
    await crawl(fresh.db, storage.dir, registered);
    report = (await archived(fresh.db)).find((r) => r.agency === target.agency && r.year === target.year)!;
    expect(report.removed_at).not.toBeNull();
    expect(report.values).toEqual(target.values);
  });
});
