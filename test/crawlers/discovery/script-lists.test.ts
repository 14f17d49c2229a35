import { describe, expect, it } from "vitest";
import { discoverPage } from "../../../src/crawlers/discovery/discover-page.ts";
import { jsonList } from "../../../src/crawlers/discovery/json-list.ts";
import { discoverHtml, shown } from "./support.ts";

// Lists that exist only once their scripts run: when discovery asks for a browser (and when it
// must not), and how the answers a rendering browser catches (JSON in a portal's own field names,
// HTML fragments) become links.

const ROW = (n: number) => `<li><a href="./202401/t2024010${n}_${n}.html" title="某县第${n}单位2023年政府信息公开工作年度报告">某县第${n}单位2023年政府信息…</a><span>2024-01-0${n}</span></li>`;
const ROWS = `<ul class="list">${ROW(1)}${ROW(2)}${ROW(3)}</ul>`;
const SIDEBAR = `<ul class="side"><li><a href="/nb/index.html">全部年报</a></li><li><a href="/nb/xzjd/index.html">乡镇（街道）</a></li><li><a href="/nb/bm/index.html">部门</a></li></ul>`;

describe("needsBrowser", () => {
  it("a column declaring more records than it shows, with sub-columns in its sidebar but no further page of its own: rendered", () => {
    const f = discoverHtml("http://www.x.gov.cn/nb/index.html", "column", `${SIDEBAR}${ROWS}<div id="pager"></div><script>var cfg = { recordCount: 9, pageSize: 3 };</script>`);
    expect(f.links.filter((l) => l.kind === "column").map((l) => l.url)).toEqual(["http://www.x.gov.cn/nb/xzjd/index.html", "http://www.x.gov.cn/nb/bm/index.html"]);
    expect(f.needsBrowser).toBe("list declares 9 records, shows 3, and has no static next page or readable list API");
  });

  it("a complete list (declares what it shows), or one with a static next page, is not rendered", () => {
    const complete = discoverHtml("http://www.x.gov.cn/nb/index.html", "column", `${SIDEBAR}${ROWS}<span>共 3 条 第 1/1 页</span>`);
    expect(complete.declaredRecords).toBe(3);
    expect(complete.needsBrowser).toBeUndefined();
    const paged = discoverHtml("http://www.x.gov.cn/nb/index.html", "column", `${SIDEBAR}${ROWS}<span>共 9 条</span><a href="index_1.html">下一页</a>`);
    expect(paged.links.filter((l) => l.kind === "list").map((l) => l.url)).toEqual(["http://www.x.gov.cn/nb/index_1.html"]);
    expect(paged.needsBrowser).toBeUndefined();
  });

  it("an empty list filled by fetch() or XMLHttpRequest: rendered; an empty page without scripts: not", () => {
    for (const script of ["fetch('/api/list?page=' + p).then(function (r) { return r.json(); })", "var xhr = new XMLHttpRequest(); xhr.open('GET', url);", "axios.get(base + '/list')"]) {
      const f = discoverHtml("http://www.x.gov.cn/nb/", "column", `<ul id="list"></ul><script>${script}</script>`);
      expect(f.needsBrowser, script).toBe("list shows no rows and builds them with scripts (template placeholders or an ajax call)");
    }
    expect(discoverHtml("http://www.x.gov.cn/nb/", "column", `<ul id="list"></ul><p>暂无信息</p>`).needsBrowser).toBeUndefined();
  });
});

const answer = (value: unknown, url = "http://www.x.gov.cn/api/list/9f2k.json?page=2") =>
  discoverPage({ url, kind: "list-api", bytes: new TextEncoder().encode(JSON.stringify(value)), contentType: "application/json;charset=UTF-8", request: { url, method: "GET" } });

describe("list answers caught in a browser", () => {
  it("records in a CMS's own field names: articleTitle + staticUrl, attachFiles with attachName + attachUrl", () => {
    const f = answer({ code: "0", data: { recordCount: 9, records: [
      { articleId: 1, articleTitle: "某县民政局2023年政府信息公开工作年度报告", publishTime: "2024-01-29 09:00:00", imgUrl: "/img/a.png", staticUrl: "/nb/202401/t20240129_1.html", attachFiles: [{ attachName: "某县民政局2023年政府信息公开工作年度报告.docx", attachUrl: "/nb/202401/P020240129.docx" }] },
      { articleId: 2, articleTitle: "某县自然资源局2023年政府信息公开工作年度报告", staticUrl: "/nb/202401/P020240122.docx", attachFiles: [] },
      { articleId: 3, articleTitle: "关于《某县2023年政府信息公开工作年度报告》的解读", staticUrl: "/nb/202401/t20240131_3.html" },
    ] } });
    expect(shown(f)).toEqual([
      "attachment http://www.x.gov.cn/nb/202401/P020240122.docx file=某县自然资源局2023年政府信息公开工作年度报告 y2023",
      "attachment http://www.x.gov.cn/nb/202401/P020240129.docx file=某县民政局2023年政府信息公开工作年度报告.docx y2023",
      "detail http://www.x.gov.cn/nb/202401/t20240129_1.html y2023",
    ]);
    expect(f.declaredRecords).toBe(9);
  });

  it("takes the address, not an image, a mobile twin or a channel's page; the longest title-like field, not the channel's title", () => {
    const list = jsonList([{ channelTitle: "年报", infoTitle: "某县2022年政府信息公开工作年度报告", coverUrl: "/a.jpg", wapUrl: "/m/1.html", channelUrl: "/nb/", htmlPath: "/nb/1.html" }]);
    expect(list.items).toEqual([{ title: "某县2022年政府信息公开工作年度报告", url: "/nb/1.html", attachments: [] }]);
    expect(jsonList([{ name: "区政府", url: "/col/1" }]).items).toEqual([{ title: "区政府", url: "/col/1", attachments: [] }]);
    expect(jsonList([{ articleTitle: "标题", picUrl: "/a.png", summary: "…" }]).items).toEqual([]);
  });

  it("rows as an HTML fragment under any key", () => {
    const f = answer({ status: 1, pageInfo: { listHtml: `<li><a href="/nb/202401/t20240130_7.html" title="某镇2023年政府信息公开工作年度报告">某镇2023年…</a><span>2024-01-30</span></li>`, total: 4 } });
    expect(shown(f)).toEqual(["detail http://www.x.gov.cn/nb/202401/t20240130_7.html y2023"]);
    expect(f.declaredRecords).toBe(4);
  });
});
