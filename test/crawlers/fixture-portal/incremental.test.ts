import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractDocument } from "../../../src/extract/index.ts";
import { startFixturePortals, type FixturePortals } from "./index.ts";

// Incremental behaviour: validators and 304s on pages and documents, and the mutations a
// recrawl test makes (republish with one number changed, remove, add).

let portals: FixturePortals;
const NB = "/zwgk/zfxxgknb";
const trs = (path: string) => `http://${portals.sites.trs.host}${path}`;
const values = async (url: string) => (await extractDocument(new Uint8Array(await (await fetch(url)).arrayBuffer()))).record.values;

beforeAll(async () => { portals = await startFixturePortals({ sites: ["trs", "hanweb", "gkmlpt", "xxgk"] }); });
afterAll(() => portals.close());

describe("conditional requests", () => {
  it("answer 304 without a body to a matching If-None-Match or If-Modified-Since, on pages and documents", async () => {
    for (const path of [`${NB}/index.html`, `${NB}/xzf/202401/P020240130551234567890.pdf`]) {
      const first = await fetch(trs(path));
      const etag = first.headers.get("etag")!, lastModified = first.headers.get("last-modified")!;
      expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
      const byEtag = await fetch(trs(path), { headers: { "if-none-match": etag } });
      expect([byEtag.status, (await byEtag.arrayBuffer()).byteLength]).toEqual([304, 0]);
      expect((await fetch(trs(path), { headers: { "if-modified-since": lastModified } })).status).toBe(304);
      expect((await fetch(trs(path), { headers: { "if-none-match": `"0000000000000000"`, "if-modified-since": lastModified } })).status).toBe(200);
    }
    expect(new Date((await fetch(trs(`${NB}/xzf/202401/P020240130551234567890.pdf`))).headers.get("last-modified")!).toISOString()).toBe("2024-01-30T01:00:00.000Z");
    expect(portals.log.to(`${NB}/index.html`).map((r) => [r.status, r.ifNoneMatch !== undefined])).toEqual([[200, false], [304, true], [304, false], [200, true]]);
  });
});

describe("mutations", () => {
  it("republish a report with one number changed: new bytes, a new ETag, a later Last-Modified, the expected values follow", async () => {
    const path = `${NB}/xzf/202301/t20230131_7102.html`;
    await fetch(trs(path)); // the 500 the page answers once
    const before = await fetch(trs(path));
    const old = portals.sites.trs.expected.find((e) => e.id === "trs/county-2022")!;
    const next = await portals.mutate.republish("trs/county-2022");
    expect(next.values["active.penalty.decisions"]).toBe(old.values["active.penalty.decisions"] + 1);
    expect(portals.sites.trs.expected.find((e) => e.id === "trs/county-2022")).toBe(next);
    const after = await fetch(trs(path), { headers: { "if-none-match": before.headers.get("etag")! } });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(before.headers.get("etag"));
    expect(Date.parse(after.headers.get("last-modified")!)).toBeGreaterThan(Date.parse(before.headers.get("last-modified")!));
    expect(await values(trs(path))).toEqual(next.values);
  });

  it("republish a DOCX report with new bytes, and refuse copied fixtures", async () => {
    const edu = portals.sites.trs.expected.find((e) => e.id === "trs/edu-2023")!;
    const before = (await fetch(edu.url)).headers.get("etag");
    const next = await portals.mutate.republish("trs/edu-2023", { key: "active.fees.amount", value: 12.5 });
    expect((await fetch(edu.url)).headers.get("etag")).not.toBe(before);
    expect((await values(edu.url))["active.fees.amount"]).toBe(12.5);
    expect(next.values["active.fees.amount"]).toBe(12.5);
    await expect(portals.mutate.republish("trs/donghu-2023")).rejects.toThrow(/copy of test\/fixtures\/pdf\/carried-row\.pdf/);
    await expect(portals.mutate.republish("trs/county-2022", { key: "requests.new.total", value: 1 })).rejects.toThrow(/one cell of table 二/);
  });

  it("remove a report: its URLs answer 410 and its row leaves the list", async () => {
    const list = trs(`${NB}/xzjd/index.html`);
    expect(await (await fetch(list)).text()).toContain("南岭乡人民政府2023年");
    portals.mutate.remove("trs/nanling-2023", 410);
    expect((await fetch(trs(`${NB}/xzjd/202401/t20240128_7104.html`))).status).toBe(410);
    expect(await (await fetch(list)).text()).not.toContain("南岭乡人民政府2023年");
    expect(portals.sites.trs.expected.map((e) => e.id)).not.toContain("trs/nanling-2023");
  });

  it("add a report at the top of a site's list, on every family", async () => {
    const added = await portals.mutate.addReport("trs", { agency: "青龙镇人民政府", year: 2024, seed: 42 });
    expect(await (await fetch(trs(`${NB}/index.html`))).text()).toMatch(/<ul class="list">\n<li><a href="\.\/xzjd\/202501\/t20250120_\d+\.html" title="青龙镇人民政府2024年政府信息公开工作年度报告"/);
    expect(await values(added.url)).toEqual(added.values);
    expect(portals.sites.trs.expected).toContain(added);

    const hanweb = await portals.mutate.addReport("hanweb");
    const column = await (await fetch(`http://${portals.sites.hanweb.host}/col/col1229/index.html`)).text();
    expect(column.indexOf(new URL(hanweb.url).pathname)).toBeGreaterThan(0);
    expect(column.indexOf(new URL(hanweb.url).pathname)).toBeLessThan(column.indexOf("art_1229_5002"));

    const gk = await portals.mutate.addReport("gkmlpt");
    const json = await (await fetch(`http://${portals.sites.gkmlpt.host}/gkmlpt/api/all/10?page=1&sid=755012`)).json() as { articles: { url: string }[]; total: number };
    expect([json.articles[0].url, json.total]).toEqual([gk.url, 5]);

    const xx = await portals.mutate.addReport("xxgk");
    expect(await values(xx.url)).toEqual(xx.values);
  });
});
