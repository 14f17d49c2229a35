import { describe, expect, it } from "vitest";
import { discoverFixture, discoverHtml, shown } from "./support.ts";

describe("UCAP / 开普云", () => {
  it("list: {32 hex}.shtml rows and the plain pager (second page index_2.shtml)", () => {
    const f = discoverFixture("ucap/list.shtml");
    expect(f.family).toBe("ucap");
    const base = "https://www.xishan.gov.cn/xzfbgs/gknb";
    expect(shown(f)).toEqual([
      `detail ${base}/202401/000000015a36dedd4bea2543c9f1e0b7.shtml y2023`,
      `detail ${base}/202401/000000025a36dedd4bea2543c9f1e0b7.shtml y2023`,
      `detail ${base}/202402/000000035a36dedd4bea2543c9f1e0b7.shtml y2023`,
      `detail ${base}/202402/000000045a36dedd4bea2543c9f1e0b7.shtml y2023`,
      `list ${base}/index_2.shtml`,
      `list ${base}/index_3.shtml`,
      `list ${base}/index_4.shtml`,
    ]);
  });

  it("detail: <ucaptitle>, the 分类 cell, the attachment written by $('#att').html('…')", () => {
    const f = discoverFixture("ucap/detail.shtml");
    expect(f.family).toBe("ucap");
    expect(f.title).toBe("西山县第1单位2023年政府信息公开工作年度报告");
    expect(f.notes).toEqual(["UCAP 分类: 信息公开年报"]);
    expect(shown(f)).toEqual([
      "attachment https://www.xishan.gov.cn/xzfbgs/gknb/202401/000000015a36dedd4bea2543c9f1e0b7/files/a1b2c3d4e5f6.pdf file=西山县第1单位2023年政府信息公开工作年度报告.pdf y2023",
    ]);
  });
});

describe("Epoint (新点)", () => {
  it("iList.jsp with a lone 下一页 (cur_page=2) and 共5页: pages 2–5", () => {
    const f = discoverFixture("epoint/ilist.html");
    expect(f.family).toBe("epoint");
    const base = "http://www.donghu.gov.cn/xxgk";
    expect(shown(f)).toEqual([
      `detail ${base}/iDetail.jsp?infoid=a1f3c9e2-0001&cat_id=10431 y2023`,
      `detail ${base}/iDetail.jsp?infoid=a1f3c9e2-0002&cat_id=10431 y2023`,
      ...[2, 3, 4, 5].map((n) => `list ${base}/iList.jsp?cat_id=10431&cur_page=${n}`),
    ]);
  });
});

describe("ASP.NET", () => {
  it("/Category_N/Index.aspx: /Item/N.aspx rows, a DownLoad.aspx attachment row, Index_2 … Index_6 from the pager", () => {
    const f = discoverFixture("aspnet/category.html");
    expect(f.family).toBe("aspnet");
    const base = "http://www.nanling.gov.cn";
    expect(shown(f)).toEqual([
      `attachment ${base}/Common/DownLoad.aspx?id=8812&type=attach file=南岭乡2023年政府信息公开工作年度报告.pdf y2023`,
      `detail ${base}/Item/24068.aspx y2023`,
      `detail ${base}/Item/24071.aspx y2023`,
      ...[2, 3, 4, 5, 6].map((n) => `list ${base}/Category_598/Index_${n}.aspx`),
    ]);
  });

  it("a __doPostBack pager: the rows it shows, and needsBrowser", () => {
    const f = discoverFixture("aspnet/postback.html");
    expect(shown(f)).toEqual(["detail http://www.nanling.gov.cn/Item/23001.aspx y2022"]);
    expect(f.needsBrowser).toBe("ASP.NET list pages through __doPostBack links (no URLs to follow)");
  });
});

describe("generic lists and pagers", () => {
  it("extension-less content_N rows and a ?page=N pager up to its 末页", () => {
    const f = discoverFixture("generic/extensionless.html");
    const base = "http://www.sanhe.gov.cn/zwgk/nb";
    expect(shown(f)).toEqual([
      `detail ${base}/content_3401 y2023`,
      `detail ${base}/content_3456 y2023`,
      `list ${base}/?page=2`,
      `list ${base}/?page=3`,
      `list ${base}/?page=4`,
    ]);
  });

  it("in a 年报 column, every row of the list is a candidate (short titles too); 图解/指南/工作要点 rows are not", () => {
    const rows = ["城关镇", "青山县财政局", "图解：2023年政府信息公开工作年度报告", "2024年政务公开工作要点", "政府信息公开指南"]
      .map((t, i) => `<li><a href="/nb/20240${i + 1}/t2024010${i + 1}_${i}.html">${t}</a><span>2024-01-0${i + 1}</span></li>`)
      .join("");
    const f = discoverHtml("http://www.x.gov.cn/nb/", "column", `<ul>${rows}</ul>`);
    expect(shown(f)).toEqual(["detail http://www.x.gov.cn/nb/202401/t20240101_0.html", "detail http://www.x.gov.cn/nb/202402/t20240102_1.html"]);
    // The same rows reached as a homepage (kind nav) are not reports.
    expect(discoverHtml("http://www.x.gov.cn/", "nav", `<ul>${rows}</ul>`).links).toEqual([]);
  });

  it("a 年报 list with neither dates nor known URL shapes: the largest group of items linking to pages", () => {
    const html = `<ul class="menu"><li><a href="/">首页</a></li><li><a href="/zwgk/">政务公开</a></li></ul>
      <ul class="towns"><li><a href="/html/2024/0130/101.html">城关镇</a></li><li><a href="/html/2024/0130/102.html">东山乡</a></li><li><a href="/html/2024/0130/103.html">西河街道</a></li></ul>
      <ul class="links"><li><a href="http://www.gov.cn/">中国政府网</a></li><li><a href="/about.html">关于本站</a></li></ul>`;
    const f = discoverHtml("http://www.x.gov.cn/nb/", "column", html);
    expect(shown(f)).toEqual(["detail http://www.x.gov.cn/html/2024/0130/101.html", "detail http://www.x.gov.cn/html/2024/0130/102.html", "detail http://www.x.gov.cn/html/2024/0130/103.html"]);
  });

  it("a list page of attachment-only rows is not an empty stub: its pager is followed", () => {
    const html = `<ul><li><a href="./P020240101000000000001.pdf">城关镇2023年政府信息公开工作年度报告</a><span>2024-01-01</span></li></ul>
      <script>createPageHTML(3, 1, "index", "html");</script>`;
    const f = discoverHtml("http://www.x.gov.cn/nb/index_1.html", "list", html);
    expect(shown(f)).toEqual([
      "attachment http://www.x.gov.cn/nb/P020240101000000000001.pdf file=城关镇2023年政府信息公开工作年度报告 y2023",
      "list http://www.x.gov.cn/nb/index.html",
      "list http://www.x.gov.cn/nb/index_2.html",
    ]);
  });

  it("numbered TRS-style pager links: label 2 is index_1, up to 共N页", () => {
    const html = `<ul><li><a href="a/t20240101_1.html">某县2023年政府信息公开工作年度报告</a> 2024-01-01</li></ul>
      <div>共6页 <a href="index_1.html">2</a> <a href="index_2.html">3</a> <a href="index_1.html">下一页</a></div>`;
    const f = discoverHtml("http://www.x.gov.cn/nb/index.html", "column", html);
    expect(f.links.filter((l) => l.kind === "list").map((l) => l.url)).toEqual([1, 2, 3, 4, 5].map((n) => `http://www.x.gov.cn/nb/index_${n}.html`));
  });

  it("a lone next link is followed only while its page number stays within the cap (lists where every page answers)", () => {
    const row = `<ul><li><a href="/a/content_1">某县2023年政府信息公开工作年度报告</a> 2024-01-01</li></ul>`;
    const near = discoverHtml("http://www.x.gov.cn/nb/list.jsp?page=7", "list", `${row}<a href="list.jsp?page=8">下一页</a>`);
    expect(near.links.filter((l) => l.kind === "list").map((l) => l.url)).toEqual(["http://www.x.gov.cn/nb/list.jsp?page=8"]);
    const far = discoverHtml("http://www.x.gov.cn/nb/list.jsp?page=100", "list", `${row}<a href="list.jsp?page=101">下一页</a>`);
    expect(far.links.filter((l) => l.kind === "list")).toEqual([]);
  });

  it("a city page linking each district's PDF by a short code: attachments named by the link text", () => {
    const f = discoverFixture("generic/city-summary.html");
    const base = "http://www.jiangcheng.gov.cn/zwgk/zfxxgknb/2023";
    expect(shown(f)).toEqual([`attachment ${base}/hsq.pdf file=湖山区`, `attachment ${base}/jkq.pdf file=江口区`, `attachment ${base}/qjp.pdf file=青江区`]);
  });

  it("a list with no rows built by a script template needs a browser", () => {
    const f = discoverHtml("http://www.x.gov.cn/nb/", "column", `<ul><li ms-repeat="list"><a ms-attr-href="el.url">{{el.title}}</a></li></ul>`);
    expect(f.needsBrowser).toBe("list shows no rows and builds them with scripts (template placeholders or an ajax call)");
  });
});
