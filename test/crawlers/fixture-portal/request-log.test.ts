import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixturePortals, type FixturePortals } from "./index.ts";
import { plainLinks } from "./test-helpers.ts";

// The request log (what tests assert a crawler did) and the split-host site.

let portals: FixturePortals;

beforeAll(async () => { portals = await startFixturePortals({ sites: ["xxgk"], latencyMs: 40 }); });
afterAll(() => portals.close());

describe("request log", () => {
  it("records method, URL, headers, times and status of every request", async () => {
    const { host } = portals.sites.xxgk;
    await fetch(`http://${host}/`, { headers: { "user-agent": "nianbao-test/1", cookie: "a=1", "if-none-match": `"x"` } });
    const [entry] = portals.log.forHost(host);
    expect(entry).toMatchObject({ site: "xxgk", host, scheme: "http", method: "GET", url: `http://${host}/`, path: "/", userAgent: "nianbao-test/1", cookie: "a=1", ifNoneMatch: `"x"`, status: 200 });
    expect(entry.end! - entry.start).toBeGreaterThanOrEqual(39);
    expect(portals.log.fetched("/")).toBe(true);
    expect(portals.log.fetched("/nowhere")).toBe(false);
  });

  it("measures how many requests a host had in flight at once, and the gaps between them", async () => {
    const [, platform] = portals.sites.xxgk.hosts;
    portals.log.clear();
    for (let i = 0; i < 3; i++) await fetch(`http://${platform}/xxgk/index.html`);
    expect(portals.log.maxInFlight(platform)).toBe(1);
    expect(portals.log.gaps(platform).every((g) => g >= 39)).toBe(true);
    await Promise.all([1, 2, 3, 4].map(() => fetch(`http://${platform}/xxgk/gknb/index.html`)));
    expect(portals.log.maxInFlight(platform)).toBe(4);
    expect(portals.log.maxInFlight(portals.sites.xxgk.host)).toBe(0);
  });
});

describe("split-host portal", () => {
  it("links its 信息公开 platform on another host, where every report is", async () => {
    const site = portals.sites.xxgk;
    expect(site.hosts).toHaveLength(2);
    expect(site.hosts[1]).not.toBe(site.host);
    expect(plainLinks(await (await fetch(site.url)).text())).toContain(`http://${site.hosts[1]}/xxgk/index.html`);
    expect(site.expected.every((e) => new URL(e.url).host === site.hosts[1])).toBe(true);
    const list = await (await fetch(`http://${site.hosts[1]}/xxgk/gknb/index.html`)).text();
    expect(list).toContain("<tr><th>名称</th><th>索引号</th><th>发布机构</th><th>发布日期</th></tr>");
  });
});
