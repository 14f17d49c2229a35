import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixturePortals, type FixturePortals, type PortalSiteInfo } from "./index.ts";
import { plainLinks } from "./test-helpers.ts";

// The Hanweb site: first records inside <script type="text/xml">, dataproxy.jsp answering the
// POST form of one column and the GET page=N of the other, downfile.jsp redirects, and
// Last-Modified without ETag.

let portals: FixturePortals;
let site: PortalSiteInfo;
const url = (path: string) => `http://${site.host}${path}`;
const PROXY = "/module/web/jpage/dataproxy.jsp";
const FORM = "col=1&appid=1&webid=1&path=%2F&columnid=1229&sourceContentType=1&unitid=4567&webname=%E6%A1%83%E6%BA%90%E5%8E%BF%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C&permissiontype=0";
const post = (query: string, body: string) => fetch(url(`${PROXY}?${query}`), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });

beforeAll(async () => {
  portals = await startFixturePortals({ sites: ["hanweb"] });
  site = portals.sites.hanweb;
});
afterAll(() => portals.close());

describe("Hanweb portal", () => {
  it("keeps a column's first records inside <script type=\"text/xml\">, invisible to a plain link extractor", async () => {
    const page = await (await fetch(url("/col/col1229/index.html"))).text();
    expect(page).toMatch(/<script type="text\/xml">\s*<datastore>\s*<recordset>\s*<record><!\[CDATA\[<li><a href="\/art\/2024\/1\/29\/art_1229_5002\.html"/);
    expect(plainLinks(page).some((h) => h.startsWith("/art/"))).toBe(false);
    expect(page).toContain(`proxyUrl: '${PROXY}'`);
    expect(page).toContain(`"columnid":1229`);
    expect(page).toContain(`"unitid":4567`);
    expect(page).toContain("totalRecord: 3");
  });

  it("answers the POST form (startrecord/endrecord/perpage) with the next records and the totals", async () => {
    const xml = await (await post("startrecord=3&endrecord=4&perpage=2", FORM)).text();
    expect(xml).toContain(`<a href="/art/2023/1/20/art_1229_5001.html" title="桃源县人民政府办公室2022年政府信息公开工作年度报告"`);
    expect(xml).toContain("<totalrecord>3</totalrecord>");
    expect(xml).toContain("<totalpage>2</totalpage>");
    const wrongUnit = await (await post("startrecord=3&endrecord=4&perpage=2", FORM.replace("unitid=4567", "unitid=1"))).text();
    expect(wrongUnit).toContain("<totalrecord>0</totalrecord>");
    expect(wrongUnit).not.toContain("<record>");
  });

  it("pages the other column by GET page=N, following its nextgroup link", async () => {
    const page = await (await fetch(url("/col/col1230/index.html"))).text();
    const next = page.match(/<nextgroup><!\[CDATA\[<a href="([^"]+)">/)?.[1];
    expect(next).toMatch(/^\/module\/web\/jpage\/dataproxy\.jsp\?page=2&.*columnid=1230&unitid=4568/);
    const xml = await (await fetch(url(next!))).text();
    expect(xml).toContain("/art/2024/1/25/art_1230_5010.html");
    expect(xml).not.toContain("art_1230_5011");
    expect(xml).not.toContain("<nextgroup>");
  });

  it("sends attachments through downfile.jsp → 302 → /attach/0/{hex}, the name only in the link text and Content-Disposition", async () => {
    const report = site.expected.find((e) => e.id === "hanweb/finance-2023")!;
    const cover = await (await fetch(report.via)).text();
    expect(cover).toContain(`<a href="/module/download/downfile.jsp?classid=0&filename=4f0c2b9e8a17d3c65b2e.pdf">桃源县财政局2023年政府信息公开工作年度报告.pdf</a>`);
    const hop = await fetch(url("/module/download/downfile.jsp?classid=0&filename=4f0c2b9e8a17d3c65b2e.pdf"), { redirect: "manual" });
    expect([hop.status, hop.headers.get("location")]).toEqual([302, "/attach/0/4f0c2b9e8a17d3c65b2e.pdf"]);
    const file = await fetch(report.url);
    expect(decodeURIComponent(file.headers.get("content-disposition")!)).toBe("attachment; filename*=UTF-8''桃源县财政局2023年政府信息公开工作年度报告.pdf");
    expect(Buffer.from(await file.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("sends Last-Modified and no ETag, and answers If-Modified-Since with 304", async () => {
    const first = await fetch(url("/col/col1229/index.html"));
    expect(first.headers.get("etag")).toBeNull();
    const lastModified = first.headers.get("last-modified")!;
    expect(lastModified).toMatch(/GMT$/);
    expect((await fetch(url("/col/col1229/index.html"), { headers: { "if-modified-since": lastModified } })).status).toBe(304);
    const older = new Date(Date.parse(lastModified) - 1000).toUTCString();
    expect((await fetch(url("/col/col1229/index.html"), { headers: { "if-modified-since": older } })).status).toBe(200);
  });
});
