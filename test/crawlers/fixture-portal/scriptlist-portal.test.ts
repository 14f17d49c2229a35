import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixturePortals, type FixturePortals, type PortalSiteInfo } from "./index.ts";
import { apiPath, LIST_SCRIPT } from "./sites/scriptlist-pages.ts";
import { plainLinks } from "./test-helpers.ts";

// The script-list site: a column whose first 3 of 9 records are on the page and the others only
// behind a signed JSON API its script addresses; a complete static sub-column; validators.

let portals: FixturePortals;
let site: PortalSiteInfo;
const NB = "/zwgk/xxgknb";
const get = (path: string, headers: Record<string, string> = {}) => fetch(`http://${site.host}${path}`, { headers });
const XHR = { "x-requested-with": "XMLHttpRequest" };
type Answer = { code: string; data: { pageNo: number; recordCount: number; records: { articleTitle: string; staticUrl: string; attachFiles: { attachName: string; attachUrl: string }[] }[] } };

beforeAll(async () => {
  portals = await startFixturePortals({ sites: ["scriptlist"] });
  site = portals.sites.scriptlist;
});
afterAll(() => portals.close());

/** Runs nb-list.js against a stub DOM and XHR, clicks the pager's link to `page`, returns the address the script requests. */
function scriptAddress(column: string, page: number): string {
  const config = /var nbListConfig = (\{[^;]*\});/.exec(column)![1];
  const elements: Record<string, { innerHTML: string; onclick?: (e: unknown) => unknown }> = { "nb-list": { innerHTML: "" }, "nb-pager": { innerHTML: "" } };
  const opened: string[] = [];
  class XMLHttpRequest { open(_method: string, url: string) { opened.push(url); } setRequestHeader() {} send() {} }
  const window = { nbListConfig: runInNewContext(`(${config})`), atob: (s: string) => Buffer.from(s, "base64").toString("latin1") };
  runInNewContext(LIST_SCRIPT, { window, document: { getElementById: (id: string) => elements[id] }, XMLHttpRequest, Math, String, Number });
  expect(elements["nb-pager"].innerHTML).toContain(`data-page="${page}"`);
  elements["nb-pager"].onclick!({ target: { getAttribute: () => String(page) } });
  return opened[0];
}

describe("script-list portal", () => {
  it("shows the column's first 3 records to a plain fetch, says it has 9, and links no further page or API", async () => {
    const page = await (await get(`${NB}/index.html`)).text();
    const links = plainLinks(page);
    expect(links.filter((l) => /\/t\d{8}_\d+\.html$/.test(l))).toEqual(["./202401/t20240131_9701.html", "./202401/t20240131_9702.html", "./202401/t20240130_9703.html"].map((h) => h.replace("./", `${NB}/`)));
    expect(page).toContain("recordCount: 9, pageSize: 3");
    expect(page).not.toMatch(/ajax|\.json|index_1/);
    expect(links).toContain(`${NB}/xzjd/index.html`);
  });

  it("serves the other records only at the address its script computes, asked by XHR", async () => {
    const column = await (await get(`${NB}/index.html`)).text();
    const address = scriptAddress(column, 2);
    expect(address).toBe(apiPath(2));
    expect(address).toMatch(/^\/zwgk\/ajax\/xxgknb\/[0-9a-z]+\.json\?page=2$/);
    const two = (await (await get(address, XHR)).json()) as Answer;
    expect([two.data.pageNo, two.data.recordCount]).toEqual([2, 9]);
    expect(two.data.records.map((r) => r.articleTitle)).toEqual(["云溪县溪口镇人民政府2023年政府信息公开工作年度报告", "云溪县人民政府2023年政府网站工作年度报表", "云溪县自然资源局2023年政府信息公开工作年度报告"]);
    expect(two.data.records[0].attachFiles).toEqual([{ attachName: "云溪县溪口镇人民政府2023年政府信息公开工作年度报告.docx", attachUrl: `${NB}/202401/P020240129556677889900.docx` }]);
    expect(two.data.records[2].staticUrl).toBe(`${NB}/202401/P020240122112233445566.docx`);
    const three = (await (await get(scriptAddress(column, 3), XHR)).json()) as Answer;
    expect(three.data.records.map((r) => r.staticUrl)).toEqual([`${NB}/202401/t20240119_9707.html`, `${NB}/202301/t20230130_9708.html`, `${NB}/202201/t20220128_9709.html`]);
    expect((await get(apiPath(2))).status).toBe(403); // not by XHR
    expect((await get(apiPath(2).replace("page=2", "page=3"), XHR)).status).toBe(403); // signed for another page
  });

  it("has a complete static sub-column, and a robots.txt that keeps crawlers off the visit counter", async () => {
    const sub = await (await get(`${NB}/xzjd/index.html`)).text();
    expect(sub).toContain("共 2 条");
    expect(plainLinks(sub).filter((l) => /\/t\d{8}_\d+\.html$/.test(l))).toEqual([`${NB}/202401/t20240129_9704.html`, `${NB}/202401/t20240119_9707.html`]);
    expect(await (await get("/robots.txt")).text()).toBe("User-agent: *\nDisallow: /tongji/\n");
    expect(site.forbidden.map((f) => f.url)).toEqual([`http://${site.host}/tongji/count.js?channel=xxgknb`]);
  });

  it("answers conditional requests with 304, pages and API answers alike", async () => {
    for (const [path, headers] of [[`${NB}/index.html`, {}], ["/js/nb-list.js", {}], [apiPath(3), XHR]] as const) {
      const first = await get(path, headers);
      expect(first.status, path).toBe(200);
      const etag = first.headers.get("etag")!;
      expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
      expect((await get(path, { ...headers, "if-none-match": etag })).status, path).toBe(304);
      expect((await get(path, { ...headers, "if-modified-since": first.headers.get("last-modified")! })).status, path).toBe(304);
    }
  });

  it("expects 7 reports: 2 on the static page, the others behind the API (2 also on the sub-column)", () => {
    expect(site.expected.map((e) => `${e.agency} ${e.year} ${e.format}`)).toEqual([
      "云溪县人民政府 2023 html", "云溪县发展和改革局 2023 html", "云溪县溪口镇人民政府 2023 docx", "云溪县自然资源局 2023 docx",
      "云溪县云峰街道办事处 2023 html", "云溪县人民政府 2022 html", "云溪县人民政府 2021 html",
    ]);
    expect(site.nonReports.map((n) => n.what)).toEqual(["年报解读 titled with the report's name", "cover page of a report attached as a file", "政府网站工作年度报表 (website statistics)"]);
  });

  it("puts an added report at the top: the static page then shows it, and every record moves one place down the API", async () => {
    const added = await portals.mutate.addReport("scriptlist");
    const page = await (await get(`${NB}/index.html`)).text();
    expect(page).toContain("recordCount: 10, pageSize: 3");
    expect(plainLinks(page)).toContain(new URL(added.url).pathname);
    const four = (await (await get(scriptAddress(page, 4), XHR)).json()) as Answer;
    expect(four.data.records.map((r) => r.articleTitle)).toEqual(["云溪县人民政府2021年政府信息公开工作年度报告"]);
  });
});
