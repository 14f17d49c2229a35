import { describe, expect, it } from "vitest";
import { MAX_LIST_PAGES } from "../../../src/crawlers/discovery/links.ts";
import { discoverFixture, discoverHtml, shown } from "./support.ts";

const QS = "http://www.qingshan.gov.cn/zwgk/zfxxgknb";

describe("TRS WCM static lists", () => {
  it("column page (GBK, charset only in <meta>): rows by title=, 解读/报表 skipped, a PDF row, the script pager's pages", () => {
    const f = discoverFixture("trs/column-gbk.html");
    expect(f.encoding).toBe("gb18030");
    expect(f.family).toBe("trs");
    expect(shown(f)).toEqual([
      `attachment ${QS}/202401/P020240120512345678901.pdf file=城关镇2023年政府信息公开工作年度报告 y2023`,
      `detail ${QS}/202301/t20230130_2901234.html y2022`,
      `detail ${QS}/202401/t20240125_3012301.html y2023`,
      `detail ${QS}/202401/t20240126_3012345.html y2023`,
      `list ${QS}/index_1.html`,
      `list ${QS}/index_2.html`,
    ]);
    expect(f.links.find((l) => l.url.endsWith("t20240126_3012345.html"))!.text).toBe("青山县人民政府2023年政府信息公开工作年度报告");
    expect(f.links.find((l) => l.kind === "list")!.why).toBe("script pager countPage=3");
  });

  it("catalogue table (名称/索引号/发布机构/发布日期), pinned old item, createPageHTML('page_div', 3, 1, …)", () => {
    const f = discoverFixture("trs/catalogue-table-utf8.html");
    const base = "http://xxgk.qingshan.gov.cn/bmxxgk/jyj/zfxxgknb";
    expect(shown(f)).toEqual([
      `detail ${base}/202001/t20200120_1012345.html y2019`,
      `detail ${base}/202101/t20210125_1512345.html y2020`,
      `list ${base}/index.html`,
      `list ${base}/index_2.html`,
    ]);
    expect(f.declaredRecords).toBe(25);
  });

  it(`caps a script pager that states countPage = 100000 at ${MAX_LIST_PAGES} pages, and says why`, () => {
    const f = discoverFixture("trs/pager-trap.html");
    const base = "http://www.qingshan.gov.cn/zwgk/zfxxgknb/xzjd";
    expect(f.links.map((l) => `${l.kind} ${l.url}`)).toEqual([
      `detail ${base}/202401/t20240129_3013001.html`,
      ...Array.from({ length: MAX_LIST_PAGES - 1 }, (_, i) => `list ${base}/index_${i + 1}.html`),
    ]);
    expect(f.notes).toContain(`script pager countPage=100000 capped at ${MAX_LIST_PAGES} pages`);
  });

  it("does not follow the pager of an empty stub page", () => {
    const f = discoverFixture("trs/stub-list.html");
    expect(f.links).toEqual([]);
    expect(f.notes).toContain("list page shows no rows: its pager is not followed");
  });

  it("reads the pager variants: createPageHTML(N, cur, name, ext) and Pager({size, current, prefix, suffix})", () => {
    const row = `<ul><li><a href="./202401/t20240101_1.html">某县2023年政府信息公开工作年度报告</a><span>2024-01-01</span></li></ul>`;
    const a = discoverHtml("http://www.x.gov.cn/nb/index_2.shtml", "list", `${row}<script>createPageHTML(4, 2, "index", "shtml");</script>`);
    expect(a.links.filter((l) => l.kind === "list").map((l) => l.url)).toEqual([
      "http://www.x.gov.cn/nb/index.shtml",
      "http://www.x.gov.cn/nb/index_1.shtml",
      "http://www.x.gov.cn/nb/index_3.shtml",
    ]);
    const b = discoverHtml("http://www.x.gov.cn/nb/", "column", `${row}<script>Pager({size:3, current:0, prefix:'index',suffix:'html'});</script>`);
    expect(b.links.filter((l) => l.kind === "list").map((l) => l.url)).toEqual(["http://www.x.gov.cn/nb/index_1.html", "http://www.x.gov.cn/nb/index_2.html"]);
    // A template placeholder is not a count.
    const c = discoverHtml("http://www.x.gov.cn/nb/", "column", `${row}<script>createPageHTML(\${page_count}, 0, "index", "html");</script>`);
    expect(c.links.filter((l) => l.kind === "list")).toEqual([]);
  });
});

describe("TRS details", () => {
  it("relative ./P0… attachments, one written by a script; the 申请表 and the 解读 left alone; another report's page kept", () => {
    const f = discoverFixture("trs/detail-gbk.html");
    expect(f.title).toBe("青山县人民政府2023年政府信息公开工作年度报告");
    expect(shown(f)).toEqual([
      `attachment ${QS}/202401/P020240126388412345678.pdf file=青山县人民政府2023年政府信息公开工作年度报告.pdf y2023`,
      `attachment ${QS}/202401/P020240126388412349999.docx file=青山县人民政府2023年政府信息公开工作年度报告（Word版）.docx y2023`,
      `detail ${QS}/202401/t20240125_3012301.html y2023`,
    ]);
    expect(f.links.find((l) => l.url.endsWith(".docx"))!.why).toBe("document link written by a script");
  });
});

describe("TRS articles split over pages", () => {
  it("a detail whose pager script names the article: its other pages, as details; a list pager on a detail is not followed", () => {
    const url = "http://www.x.gov.cn/nb/202401/t20240126_3012345_1.html";
    const f = discoverHtml(url, "detail", `<div class="TRS_Editor">…</div><script>createPageHTML(3, 1, "t20240126_3012345", "html");</script>`);
    expect(shown(f)).toEqual(["detail http://www.x.gov.cn/nb/202401/t20240126_3012345.html", "detail http://www.x.gov.cn/nb/202401/t20240126_3012345_2.html"]);
    const g = discoverHtml(url, "detail", `<script>createPageHTML(3, 1, "index", "html");</script>`);
    expect(g.links).toEqual([]);
  });
});

describe("newer TRS lists paged through a search API (list2.trsapi)", () => {
  it("requests the pages the static page does not show", () => {
    const f = discoverFixture("trs/api-column.html");
    const api = "https://www.fuqing.gov.cn/fjdzapp/search?channelid=229105&classsql=chnlid%3D41235&sortfield=-docorderpri%2C-docreltime&prepage=10";
    const details = Array.from({ length: 10 }, (_, i) => `detail https://www.fuqing.gov.cn/zwgk/zfxxgknb/202401/t202401${30 - i}_65123${String(i).padStart(2, "0")}.htm y2023`);
    expect(shown(f)).toEqual([...details.sort(), `list-api GET ${api}&page=2`, `list-api GET ${api}&page=3`]);
    expect(f.declaredRecords).toBe(23);
    expect(f.needsBrowser).toBeUndefined();
  });

  it("without a readable API address: the static pages it has, then needsBrowser with the reason", () => {
    const f = discoverFixture("trs/api-column-noaddress.html");
    expect(shown(f)).toEqual([
      "detail https://www.fuqing.gov.cn/zwgk/zfxxgknb/bmnb/202401/t20240129_6519001.htm y2023",
      "list https://www.fuqing.gov.cn/zwgk/zfxxgknb/bmnb/index_1.htm",
    ]);
    expect(f.needsBrowser).toBe("TRS list declares 5 records (5 pages of 1) but its search API (list2.trsapi) names no readable address");
  });

  it("reads the API's JSON answer (a 解读 record skipped)", () => {
    const f = discoverFixture("trs/api-answer.json");
    expect(shown(f)).toEqual([
      "detail https://www.fuqing.gov.cn/zwgk/zfxxgknb/202301/t20230131_5912345.htm y2022",
      "detail https://www.fuqing.gov.cn/zwgk/zfxxgknb/202401/t20240119_6512310.htm y2023",
    ]);
    expect(f.declaredRecords).toBe(23);
  });

  it("a list that declares more records than it shows, with no pager and no API: needsBrowser", () => {
    const html = `<ul><li><a href="./202401/t20240101_1.html">某县2023年政府信息公开工作年度报告</a><span>2024-01-01</span></li></ul><p>共 12 条</p>`;
    const f = discoverHtml("http://www.x.gov.cn/nb/", "column", html);
    expect(f.needsBrowser).toBe("list declares 12 records, shows 1, and has no static next page or readable list API");
  });
});
