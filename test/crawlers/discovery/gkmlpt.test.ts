import { describe, expect, it } from "vitest";
import { discoverFixture, fixtureInput, shown } from "./support.ts";
import { discoverPage } from "../../../src/crawlers/discovery/discover-page.ts";
import { WHOLE_CATALOGUE } from "../../../src/crawlers/discovery/gkmlpt.ts";

const BY = "http://www.baiyun.gov.cn";
const post = (n: number, y: number) => `detail ${BY}/gkmlpt/content/2/2105/post_${9123400 + n}.html y${y}`;

describe("gkmlpt index (window._CONFIG)", () => {
  it("lists the 年报 categories and their children through the JSON API; never 报表 or 指南", () => {
    const f = discoverFixture("gkmlpt/index.html");
    expect(f.family).toBe("gkmlpt");
    expect(shown(f)).toEqual([
      `list-api GET ${BY}/gkmlpt/api/all/2105?page=1&sid=755012`,
      `list-api GET ${BY}/gkmlpt/api/all/2106?page=1&sid=755012`,
      `list-api GET ${BY}/gkmlpt/api/all/2107?page=1&sid=755012`,
    ]);
    expect(f.links.map((l) => l.text)).toEqual(["政府信息公开年报", "区政府年报", "部门年报"]);
  });

  it("keeps a department's path prefix (/bygjj/gkmlpt/…)", () => {
    const f = discoverPage(fixtureInput("gkmlpt/index.html", { url: `${BY}/bygjj/gkmlpt/index` }));
    expect(f.links[0].url).toBe(`${BY}/bygjj/gkmlpt/api/all/2105?page=1&sid=755012`);
  });

  it("with no 年报 category, lists the whole catalogue (category 0) and says so", () => {
    const html = `<script>var _CONFIG = { SID: "755099", TREE: [{"id":1,"name":"机构职能","post_count":3},{"id":2,"name":"其他文件","post_count":40}] };</script>`;
    const f = discoverPage({ url: `${BY}/gkmlpt/index`, kind: "nav", bytes: new TextEncoder().encode(html) });
    expect(shown(f)).toEqual([`list-api GET ${BY}/gkmlpt/api/all/0?page=1&sid=755099`]);
    expect(f.links[0].text).toBe(WHOLE_CATALOGUE); // fed back as linkText: its answers are filtered by title
    expect(f.notes).toEqual(["gkmlpt TREE has no 年报 category: the whole catalogue (category 0) is listed, titles filtered"]);
  });

  it("an index whose _CONFIG cannot be read needs a browser; a homepage link to it is an area link", () => {
    const f = discoverPage({ url: `${BY}/gkmlpt/index`, kind: "nav", bytes: new TextEncoder().encode(`<div id="app"></div><script src="/gkmlpt/static/config.js"></script>`) });
    expect(f.needsBrowser).toBe("gkmlpt index without a readable _CONFIG (SID, TREE)");
    const home = discoverPage({ url: `${BY}/`, kind: "nav", bytes: new TextEncoder().encode(`<a href="/gkmlpt/index">信息公开</a> <a href="/bmzx/gkmlpt/index">区财政局</a>`) });
    expect(shown(home)).toEqual([`nav ${BY}/bmzx/gkmlpt/index`, `nav ${BY}/gkmlpt/index`]);
  });
});

describe("gkmlpt list answers", () => {
  it("details, attachments straight from the JSON, the remaining pages; the 解读 and its attachment skipped", () => {
    const f = discoverFixture("gkmlpt/api-page1.json");
    expect(shown(f)).toEqual([
      `attachment ${BY}/attachment/0/512/512001/9123401.pdf file=广州市白云区人民政府2023年政府信息公开工作年度报告.pdf y2023`,
      `attachment ${BY}/attachment/0/512/512010/9123410.pdf file=广州市白云区人民政府2022年政府信息公开工作年度报告.pdf y2022`,
      post(1, 2023),
      post(2, 2023),
      ...[4, 5, 6, 7, 8, 9].map((n) => post(n, 2023)),
      post(10, 2022),
      `list-api GET ${BY}/gkmlpt/api/all/2105?page=2&sid=755012`,
      `list-api GET ${BY}/gkmlpt/api/all/2105?page=3&sid=755012`,
    ]);
    expect(f.declaredRecords).toBe(25);
  });

  it("a site that serves the whole category on one page gets no more requests", () => {
    const f = discoverFixture("gkmlpt/api-onepage.json");
    expect(shown(f)).toEqual([post(1, 2023), `detail ${BY}/gkmlpt/content/2/2105/post_9123411.html y2021`]);
  });

  it("page 2 of a list asks for nothing more (page 1 asked for them all)", () => {
    const f = discoverPage(fixtureInput("gkmlpt/api-page1.json", { request: { url: `${BY}/gkmlpt/api/all/2105?page=2&sid=755012`, method: "GET" } }));
    expect(f.links.filter((l) => l.kind === "list-api")).toEqual([]);
  });

  it("answers from the whole catalogue keep only report-like titles", () => {
    const json = JSON.stringify({
      total: 2,
      articles: [
        { title: "关于印发某某方案的通知", url: `${BY}/gkmlpt/content/1/1/post_1.html`, attachment: [{ name: "方案.pdf", url: `${BY}/attachment/1.pdf` }] },
        { title: "某区2023年政府信息公开工作年度报告", url: `${BY}/gkmlpt/content/1/1/post_2.html`, attachment: [] },
      ],
    });
    const url = `${BY}/gkmlpt/api/all/0?page=1&sid=755099`;
    const f = discoverPage({ url, kind: "list-api", bytes: new TextEncoder().encode(json), linkText: WHOLE_CATALOGUE, request: { url, method: "GET" } });
    expect(shown(f)).toEqual([`detail ${BY}/gkmlpt/content/1/1/post_2.html y2023`]);
  });
});

describe("gkmlpt details", () => {
  it("an attachment link that says only 点击下载 is named by its alt=", () => {
    const f = discoverFixture("gkmlpt/detail.html");
    expect(shown(f)).toEqual([`attachment ${BY}/attachment/0/512/512001/9123401.pdf file=广州市白云区人民政府2023年政府信息公开工作年度报告.pdf y2023`]);
  });
});
