import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixturePortals, type FixturePortals, type PortalSiteInfo } from "./index.ts";
import { plainLinks } from "./test-helpers.ts";

// The gkmlpt site (script app + JSON API, HTTP only behind an https start URL, ETag only) and
// the GBK site (charset only in <meta>).

let portals: FixturePortals;
let gk: PortalSiteInfo;
let gbk: PortalSiteInfo;
const api = (category: number, query: string) => fetch(`http://${gk.host}/gkmlpt/api/all/${category}?${query}`).then((r) => r.json()) as Promise<{ articles: { title: string; url: string; date: number; attachment: { name: string; url: string }[] }[]; total: number }>;

beforeAll(async () => {
  portals = await startFixturePortals({ sites: ["gkmlpt", "gbk"] });
  gk = portals.sites.gkmlpt;
  gbk = portals.sites.gbk;
});
afterAll(() => portals.close());

describe("gkmlpt portal", () => {
  it("serves the catalogue as a script application: _CONFIG with SID and TREE, no document links", async () => {
    const page = await (await fetch(`http://${gk.host}/gkmlpt/index`)).text();
    expect(plainLinks(page)).toEqual([]);
    expect(page).toContain("SID: '755012'");
    const tree = JSON.parse(page.match(/TREE: (\[.*\])/)![1]) as { id: number; name: string; post_count: number; children: { id: number; name: string }[] }[];
    const reports = tree.find((c) => c.name === "政府信息公开年报")!;
    expect([reports.id, reports.post_count, reports.children.map((c) => c.name)]).toEqual([10, 4, ["区政府", "镇街"]]);
  });

  it("lists a category as JSON two posts a page, page 0 the same as page 1, nothing for a wrong sid", async () => {
    const zero = await api(10, "page=0&sid=755012");
    const one = await api(10, "page=1&sid=755012");
    expect(zero).toEqual(one);
    expect(one.total).toBe(4);
    expect(one.articles.map((a) => a.title)).toEqual(["白云区景泰街道办事处2023年政府信息公开工作年度报告（图文解读）", "白云区人民政府办公室2023年政府信息公开工作年度报告"]);
    const two = await api(10, "page=2&sid=755012");
    expect(two.articles[0].attachment).toEqual([{ name: "白云区景泰街道办事处2023年政府信息公开工作年度报告.pdf", url: `http://${gk.host}/attachment/0/527/527301/2345610.pdf`, type: "pdf" }]);
    expect(two.articles[0].url).toBe(`http://${gk.host}/gkmlpt/content/2/2345/post_2345610.html`);
    expect(two.articles[1].title).toBe("白云区人民政府办公室2022年政府信息公开工作年度报告");
    expect((await api(10, "page=3&sid=755012")).articles).toEqual([]);
    expect(await api(10, "page=1&sid=1")).toEqual({ articles: [], total: 0 });
  });

  it("links attachments as 点击下载 with the name in alt", async () => {
    const page = await (await fetch(`http://${gk.host}/gkmlpt/content/2/2345/post_2345610.html`)).text();
    expect(page).toContain(`<a href="/attachment/0/527/527301/2345610.pdf" alt="白云区景泰街道办事处2023年政府信息公开工作年度报告.pdf" target="_blank">点击下载</a>`);
  });

  it("gives an https start URL on a port that speaks plain HTTP: TLS fails, http works", async () => {
    expect(gk.url).toBe(`https://${gk.host}/`);
    await expect(fetch(gk.url)).rejects.toThrow();
    expect(portals.log.refusedTls.some((t) => t.host === gk.host)).toBe(true);
    expect((await fetch(`http://${gk.host}/`)).status).toBe(200);
  });

  it("sends ETag only: If-None-Match gets 304, If-Modified-Since alone does not", async () => {
    const path = `http://${gk.host}/gkmlpt/index`;
    const first = await fetch(path);
    expect(first.headers.get("last-modified")).toBeNull();
    expect((await fetch(path, { headers: { "if-none-match": first.headers.get("etag")! } })).status).toBe(304);
    expect((await fetch(path, { headers: { "if-modified-since": new Date().toUTCString() } })).status).toBe(200);
  });
});

describe("GBK portal", () => {
  it("serves GBK pages declaring the charset only in <meta>", async () => {
    for (const path of ["/", "/zwgk/ndbg/", "/zwgk/ndbg/202401/t20240120_301.html"]) {
      const res = await fetch(`http://${gbk.host}${path}`);
      expect(res.headers.get("content-type")).toBe("text/html");
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
      const text = iconv.decode(bytes, "gbk");
      expect(text).toMatch(/<meta http-equiv="Content-Type" content="text\/html; charset=gbk"/i);
    }
    const list = iconv.decode(Buffer.from(await (await fetch(`http://${gbk.host}/zwgk/ndbg/`)).arrayBuffer()), "gbk");
    expect(list).toContain(`title="青山镇人民政府2023年政府信息公开工作年度报告"`);
    expect(gbk.expected.map((e) => [e.format, e.year])).toEqual([["html", 2023], ["pdf", 2020]]);
  });
});
