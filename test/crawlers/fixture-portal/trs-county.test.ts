import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixturePortals, type FixturePortals, type PortalSiteInfo } from "./index.ts";
import { httpsGet, plainLinks } from "./test-helpers.ts";

// The TRS county site serves what its README says: script-only pager, full titles in title=,
// TRS metadata, script-written attachment link, twins, failures answered once, redirects,
// shells, the pagination trap and robots.txt.

let portals: FixturePortals;
let trs: PortalSiteInfo;
const NB = "/zwgk/zfxxgknb";
const url = (path: string) => `http://${trs.host}${path}`;
const text = async (path: string, init?: RequestInit) => { const r = await fetch(url(path), init); return { status: r.status, headers: r.headers, body: await r.text() }; };

beforeAll(async () => {
  portals = await startFixturePortals({ sites: ["trs"] });
  trs = portals.sites.trs;
});
afterAll(() => portals.close());

describe("TRS county portal", () => {
  it("leads from the homepage to the column, whose link text is split by <br>", async () => {
    expect(plainLinks((await text("/")).body)).toContain("/zwgk/index.html");
    const channel = (await text("/zwgk/index.html")).body;
    expect(channel).toContain(`<a href="./zfxxgknb/index.html">政府信息<br />公开年报</a>`);
    expect(channel).toContain("政府网站工作年度报表");
  });

  it("pages its main list with a script only: index_1 and index_2 exist, no link names them, index_3 does not", async () => {
    const first = (await text(`${NB}/index.html`)).body;
    expect(first).toContain(`createPageHTML(3, 0, "index", "html")`);
    expect(plainLinks(first).some((h) => /index_\d/.test(h))).toBe(false);
    const second = await text(`${NB}/index_1.html`);
    expect(second.status).toBe(200);
    expect(second.body).toContain(`createPageHTML(3, 1, "index", "html")`);
    expect((await text(`${NB}/index_2.html`)).body).toContain("t20230131_7102.html");
    expect((await text(`${NB}/index_3.html`)).status).toBe(404);
  });

  it("writes full titles in title= and cut ones in the link text", async () => {
    const first = (await text(`${NB}/index.html`)).body;
    expect(first).toContain(`title="东湖街道办事处2023年政府信息公开工作年度报告"`);
    expect(first).toMatch(/>东湖街道办事处2023年政府信息公开…<\/a>/);
  });

  it("gives details TRS metadata and the article in div.TRS_Editor", async () => {
    const page = (await text(`${NB}/xzf/202401/t20240130_7101.html`)).body;
    expect(page).toContain(`<meta name="ArticleTitle" content="西山县人民政府2023年政府信息公开工作年度报告" />`);
    expect(page).toContain(`<meta name="PubDate" content="2024-01-30 09:30" />`);
    expect(page).toContain(`<meta name="ContentSource" content="西山县人民政府" />`);
    expect(page).toMatch(/<div class="TRS_Editor">[\s\S]*三、收到和处理政府信息公开申请情况[\s\S]*<\/table>/);
  });

  it("writes one attachment link only from a script, and its PDF answers 503 with Retry-After once", async () => {
    const cover = (await text(`${NB}/xzjd/202401/t20240126_7106.html`)).body;
    expect(cover).toContain(`var att = '<a href="./P020240126398765432101.pdf">`);
    expect(plainLinks(cover).some((h) => h.endsWith(".pdf"))).toBe(false);
    const pdf = `${NB}/xzjd/202401/P020240126398765432101.pdf`;
    const busy = await fetch(url(pdf));
    expect([busy.status, busy.headers.get("retry-after")]).toEqual([503, "1"]);
    const ok = await fetch(url(pdf));
    expect(ok.status).toBe(200);
    expect(Buffer.from(await ok.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("answers 500 then 200, 429 with Retry-After then 200, 404 for a dead row and a soft 404", async () => {
    expect((await text(`${NB}/xzf/202301/t20230131_7102.html`)).status).toBe(500);
    const retried = await text(`${NB}/xzf/202301/t20230131_7102.html`);
    expect(retried.status).toBe(200);
    expect(retried.body).toContain(`<meta name="ArticleTitle" content="西山县人民政府2022年政府信息公开工作年度报告" />`);
    const limited = await text(`${NB}/bm/index.html`);
    expect([limited.status, limited.headers.get("retry-after")]).toEqual([429, "1"]);
    expect((await text(`${NB}/bm/index.html`)).status).toBe(200);
    expect((await text(`${NB}/bm/202401/t20240125_7199.html`)).status).toBe(404);
    const soft = await text(`${NB}/xzjd/202301/t20230129_7198.html`);
    expect(soft.status).toBe(200);
    expect(soft.body).toContain("页面不存在");
  });

  it("redirects 301 → 302 → the page, and sends browsers on with a meta refresh and a location.href script", async () => {
    const first = await fetch(url(`${NB}/bm/t7103.html`), { redirect: "manual" });
    expect([first.status, first.headers.get("location")]).toEqual([301, `${NB}/bm/202401/t20240126_7103.html?from=list`]);
    const second = await fetch(url(first.headers.get("location")!), { redirect: "manual" });
    expect([second.status, second.headers.get("location")]).toEqual([302, `${NB}/bm/202401/t20240126_7103.html`]);
    const followed = await fetch(url(`${NB}/bm/t7103.html`));
    expect([followed.status, followed.url]).toEqual([200, url(`${NB}/bm/202401/t20240126_7103.html`)]);
    expect((await text(`${NB}/xzjd/nanling.html`)).body).toContain(`<meta http-equiv="refresh" content="0;url=./202401/t20240128_7104.html">`);
    expect((await text(`${NB}/bm/default.htm`)).body).toContain(`window.location.href = "index.html"`);
  });

  it("serves the same report at its mobile twin, its https twin (same port, TLS) and as a PDF", async () => {
    const report = trs.expected.find((e) => e.id === "trs/county-2023")!;
    expect(report.alsoAt.map((u) => u.replace(`//${trs.host}`, ""))).toEqual([
      `http:${NB}/xzf/202401/t20240130_7101_wap.html`, `https:${NB}/xzf/202401/t20240130_7101.html`, `http:${NB}/xzf/202401/P020240130551234567890.pdf`,
    ]);
    const wap = (await text(`${NB}/xzf/202401/t20240130_7101_wap.html`)).body;
    expect(wap).toContain(`<body class="wap"><h2>西山县人民政府2023年政府信息公开工作年度报告</h2>`);
    expect((await text(`${NB}/xzf/202401/t20240130_7101.html`)).body).not.toContain(`class="wap"`);
    const secure = await httpsGet(`https://${trs.host}${NB}/xzf/202401/t20240130_7101.html`);
    expect(secure.status).toBe(200);
    expect(secure.body.toString()).toBe((await text(`${NB}/xzf/202401/t20240130_7101.html`)).body);
    expect((await text(`${NB}/xzf/index.html`)).body).toContain(`href="https://${trs.host}${NB}/xzf/202401/t20240130_7101.html"`);
    expect(portals.log.requests.some((r) => r.scheme === "https")).toBe(true);
  });

  it("answers every page number of the trap column with the same page", async () => {
    const first = await fetch(url("/zwgk/tzgg/index.html"));
    const body = await first.text();
    expect(body).toContain("var countPage = 30");
    for (const n of [1, 7, 29, 12345]) {
      const page = await fetch(url(`/zwgk/tzgg/index_${n}.html`));
      expect([page.status, await page.text()]).toEqual([200, body]);
    }
  });

  it("has a robots.txt whose nianbao group disallows the archive column only", async () => {
    const robots = (await text("/robots.txt")).body;
    expect(robots).toMatch(/User-agent: \*\nDisallow: \/search\/\nDisallow: \/zwgk\/zfxxgknb\/xzjd\/202401\/t20240128_7104\.html\n/);
    expect(robots).toMatch(/User-agent: nianbao\nDisallow: \/search\/\nDisallow: \/zwgk\/zfxxgknb\/gd\/\n/);
    expect(trs.forbidden.map((f) => new URL(f.url).pathname)).toEqual([`${NB}/gd/202201/t20220128_7105.html`, `${NB}/gd/index.html`]);
    expect(trs.expected.map((e) => e.id)).not.toContain("trs/county-2021");
    expect(trs.expected.map((e) => e.id)).toContain("trs/nanling-2023");
  });
});
