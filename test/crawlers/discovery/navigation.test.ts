import { describe, expect, it } from "vitest";
import { discoverFixture, discoverHtml, shown } from "./support.ts";

describe("navigation from a homepage", () => {
  it("finds the 年报 column (text split by <br>), the 政务公开 area and the 信息公开 host, and one report; never the traps", () => {
    const f = discoverFixture("nav/home-utf8.html");
    expect(shown(f)).toEqual([
      "column http://www.qingshan.gov.cn/zwgk/zfxxgknb/",
      "detail http://www.qingshan.gov.cn/zwgk/zfxxgknb/202401/t20240126_3012345.html y2023",
      "nav http://www.qingshan.gov.cn/zwgk/",
      "nav http://xxgk.qingshan.gov.cn/",
    ]);
    const column = f.links.find((l) => l.kind === "column")!;
    expect(column.text).toBe("政府信息公开年报");
    expect(column.why).toBe("link text 政府信息公开年报");
    // The column outranks the area.
    const area = f.links.find((l) => l.url === "http://www.qingshan.gov.cn/zwgk/")!;
    expect(column.priority!).toBeGreaterThan(area.priority!);
    // The report's full title comes from title=, not the cut text.
    expect(f.links.find((l) => l.kind === "detail")!.text).toBe("青山县人民政府2023年政府信息公开工作年度报告");
  });

  it("reads names given only by alt= or title= on a GBK 信息公开目录 (charset in the header)", () => {
    const f = discoverFixture("nav/xxgk-home-gbk.html");
    expect(f.encoding).toBe("gb18030");
    expect(shown(f)).toEqual(["column http://xxgk.qingshan.gov.cn/zfxxgknb/", "column http://xxgk.qingshan.gov.cn/zfxxgknb/bmnb/"]);
  });

  it("takes a column by URL shape alone (Anhui spage.xp?…&frame=nb)", () => {
    const f = discoverFixture("nav/anhui-home.html");
    expect(shown(f)).toEqual([
      "column https://www.fengtai-x.gov.cn/xxgk/spage.xp?doAction=list&cid=15&frame=nb",
      "nav https://www.fengtai-x.gov.cn/xxgk/spage.xp?doAction=list&cid=16&frame=ml",
    ]);
  });

  it("recognises the column by the other names and URL shapes portals use", () => {
    const html = `<a href="/xxgk/xxgknb/">信息公开年报</a> <a href="/zwgk/ndbg/">政府信息公开工作年度报告</a>
      <a href="/gk/nb/">年度报告</a> <a href="/a/b/">年报</a> <a href="/zfxxgk/gknb/">更多</a>`;
    const f = discoverHtml("http://www.x.gov.cn/", "nav", html);
    expect(shown(f)).toEqual([
      "column http://www.x.gov.cn/a/b/",
      "column http://www.x.gov.cn/gk/nb/",
      "column http://www.x.gov.cn/xxgk/xxgknb/",
      "column http://www.x.gov.cn/zfxxgk/gknb/",
      "column http://www.x.gov.cn/zwgk/ndbg/",
    ]);
  });

  it("never follows 报表, 解读, 指南, login, search, RSS, mailto or javascript: links", () => {
    const html = `<a href="/zwgk/wzndbb/">政府网站工作年度报表</a> <a href="/zwgk/nbjd/">年报解读</a>
      <a href="/zwgk/zn/">政府信息公开指南</a> <a href="/login.jsp">政务公开登录</a> <a href="/search/?q=年报">年报</a>
      <a href="/rss.xml">政府信息公开年报</a> <a href="mailto:a@x.gov.cn">政府信息公开年报</a> <a href="javascript:go('nb')">政府信息公开年报</a>`;
    expect(discoverHtml("http://www.x.gov.cn/", "nav", html).links).toEqual([]);
  });

  it("a year's 年报 linking to a list is a year column (a bare 2023年 is not)", () => {
    const html = `<a href="/zwgk/zl/2023/">2023年度报告</a> <a href="/zt/2023/">2023年</a> <a href="/zwgk/2022/index.html">某县2022年政府信息公开工作年度报告</a>`;
    expect(shown(discoverHtml("http://www.x.gov.cn/", "nav", html))).toEqual(["column http://www.x.gov.cn/zwgk/2022/index.html y2022", "column http://www.x.gov.cn/zwgk/zl/2023/ y2023"]);
  });

  it("a column's URL shape counts for the column itself, not for any page under it", () => {
    const html = `<a href="/zwgk/gknb/notice_2.html">关于做好春节期间值班工作的通知</a> <a href="/zwgk/gknb/">更多</a>`;
    expect(shown(discoverHtml("http://www.x.gov.cn/", "nav", html))).toEqual(["column http://www.x.gov.cn/zwgk/gknb/"]);
  });

  it("links that open their target from onclick, frames of a framed homepage, same-host iframes", () => {
    const html = `<a href="javascript:void(0)" onclick="window.open('/zwgk/zfxxgknb/')">政府信息公开年报</a>
      <a href="#" onclick="location.href='/zwgk/'">政务公开</a>
      <frameset><frame src="top.html"><frame src="main.html"></frameset>
      <iframe src="/box/zwgk.html"></iframe><iframe src="https://map.example.com/embed"></iframe>`;
    expect(shown(discoverHtml("http://www.x.gov.cn/", "nav", html))).toEqual([
      "column http://www.x.gov.cn/zwgk/zfxxgknb/",
      "nav http://www.x.gov.cn/box/zwgk.html",
      "nav http://www.x.gov.cn/main.html",
      "nav http://www.x.gov.cn/top.html",
      "nav http://www.x.gov.cn/zwgk/",
    ]);
  });

  it("keeps a 年报 column on another host (scope is the crawler's)", () => {
    const f = discoverHtml("http://www.x.gov.cn/", "nav", `<a href="https://xxgk.city.gov.cn/county-x/zfxxgknb/">政府信息公开年报</a>`);
    expect(shown(f)).toEqual(["column https://xxgk.city.gov.cn/county-x/zfxxgknb/"]);
  });
});

describe("sub-columns of a 年报 column", () => {
  it("by kind of body and by year (2022n/, nb_2023n/, gknb2024/ named 2024年度报告), with year hints", () => {
    const f = discoverFixture("generic/column-bodies.html");
    expect(shown(f)).toEqual([
      "column http://www.beichuan.gov.cn/zfxxgknb/2022n/ y2022",
      "column http://www.beichuan.gov.cn/zfxxgknb/gknb2024/ y2024",
      "column http://www.beichuan.gov.cn/zfxxgknb/nb_2023n/ y2023",
      "column http://www.beichuan.gov.cn/zfxxgknb/xz/",
      "column http://www.beichuan.gov.cn/zfxxgknb/xzbm/",
      "column http://www.beichuan.gov.cn/zfxxgknb/xzf/",
    ]);
  });

  it("years by directory (xz/2021/), townships under the column, rows with numeric IDs, a ?page=N pager", () => {
    const f = discoverFixture("generic/column-townships.html");
    expect(shown(f)).toEqual([
      "column http://www.beichuan.gov.cn/zfxxgknb/xz/2021/ y2021",
      "column http://www.beichuan.gov.cn/zfxxgknb/xz/2022/ y2022",
      "column http://www.beichuan.gov.cn/zfxxgknb/xz/qfz/",
      "column http://www.beichuan.gov.cn/zfxxgknb/xz/yxjd/",
      "detail http://www.beichuan.gov.cn/zfxxgknb/xz/2021/1490001234567890789.html y2021",
      "detail http://www.beichuan.gov.cn/zfxxgknb/xz/2022/1618301234567890123.html y2022",
      "detail http://www.beichuan.gov.cn/zfxxgknb/xz/2022/1618301234567890456.html y2022",
      "list http://www.beichuan.gov.cn/zfxxgknb/xz/index.html?page=2",
      "list http://www.beichuan.gov.cn/zfxxgknb/xz/index.html?page=3",
    ]);
  });

  it("Hanweb sub-columns (/col/col{id}/) by kind of body, not the sibling 指南/制度 columns", () => {
    const columns = discoverFixture("hanweb/column-jpage.html").links.filter((l) => l.kind === "column");
    expect(columns.map((l) => `${l.text} ${l.url}`)).toEqual([
      "县政府 http://www.taoyuan.gov.cn/col/col1229012346/index.html",
      "部门 http://www.taoyuan.gov.cn/col/col1229012347/index.html",
      "乡镇（街道） http://www.taoyuan.gov.cn/col/col1229012348/index.html",
    ]);
  });
});
