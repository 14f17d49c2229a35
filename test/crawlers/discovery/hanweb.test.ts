import { describe, expect, it } from "vitest";
import { discoverFixture, discoverHtml, shown } from "./support.ts";

const TY = "http://www.taoyuan.gov.cn";
const FORM = "col=1&appid=1&webid=3152&path=%2F&columnid=1229012345&sourceContentType=1&unitid=4512345&webname=%E6%A1%83%E6%BA%90%E5%8E%BF%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C&permissiontype=0";
const art = (day: number, n: number) => `detail ${TY}/art/2024/1/${day}/art_1229012345_591234${String(n).padStart(2, "0")}.html y2023`;

describe("Hanweb jcms/jpage columns", () => {
  it("reads the records hidden in <script type=\"text/xml\"> and pages the rest with POST range requests", () => {
    const f = discoverFixture("hanweb/column-jpage.html");
    expect(f.family).toBe("hanweb");
    expect(shown(f)).toEqual([
      `attachment ${TY}/module/download/downfile.jsp?classid=0&filename=2401291023456789.pdf file=西溪乡2023年政府信息公开工作年度报告.pdf y2023`,
      `column ${TY}/col/col1229012346/index.html`,
      `column ${TY}/col/col1229012347/index.html`,
      `column ${TY}/col/col1229012348/index.html`,
      `detail ${TY}/art/2023/1/30/art_1229012345_58000001.html y2022`,
      art(25, 5),
      art(26, 4),
      art(27, 3),
      art(28, 2),
      art(29, 1),
      `list-api POST ${TY}/module/web/jpage/dataproxy.jsp?startrecord=17&endrecord=24&perpage=4 body=${FORM}`,
      `list-api POST ${TY}/module/web/jpage/dataproxy.jsp?startrecord=9&endrecord=16&perpage=4 body=${FORM}`,
    ]);
    const api = f.links.find((l) => l.kind === "list-api")!;
    expect(api.headers).toEqual({ "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8" });
    expect(f.declaredRecords).toBe(20);
  });

  it("without a jpage script: the datastore's <nextgroup> (page=N, GET) through <totalrecord>", () => {
    const f = discoverFixture("hanweb/column-nextgroup.html");
    const q = "appid=1&webid=21&path=/&columnid=1229555&unitid=667788&permissiontype=0";
    expect(shown(f)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `detail http://www.qingxi.gov.cn/art/2024/2/${i + 1}/art_1229555_77001${String(i).padStart(2, "0")}.html y2023`).sort(),
      `list-api GET http://www.qingxi.gov.cn/module/jpage/dataproxy.jsp?page=2&${q}`,
      `list-api GET http://www.qingxi.gov.cn/module/jpage/dataproxy.jsp?page=3&${q}`,
    ]);
  });

  it("the page's own script asks with every parameter in the query (GET): so do we", () => {
    const f = discoverFixture("hanweb/column-get.html");
    expect(shown(f)).toEqual([
      ...Array.from({ length: 15 }, (_, i) => `detail http://www.lingyun.gov.cn/art/2024/1/${i + 1}/art_1229777_88001${String(i).padStart(2, "0")}.html y2023`).sort(),
      "list-api GET http://www.lingyun.gov.cn/module/jslib/jquery/jpage/dataproxy.jsp?startrecord=16&endrecord=60&perpage=15&appid=1&webid=66&columnid=1229777&unitid=5566778&permissiontype=0",
    ]);
  });

  it("a list whose jpage script says it is complete asks for nothing, <nextgroup> or not", () => {
    const html = `<div id="9"><script type="text/xml"><datastore>
      <nextgroup><![CDATA[<a href="/module/web/jpage/dataproxy.jsp?page=1&columnid=9&unitid=9"></a>]]></nextgroup><recordset>
      <record><![CDATA[<li><a href="/art/2024/1/3/art_9_3.html">某县2023年政府信息公开工作年度报告</a><span>2024-01-03</span></li>]]></record>
      </recordset></datastore></script></div>
      <script>$('#9').jpage({perPage:15,totalRecord:1,proxyUrl:'/module/web/jpage/dataproxy.jsp',ajaxParam:{columnid:9,unitid:9}});</script>`;
    expect(shown(discoverHtml("http://www.x.gov.cn/col/col9/index.html", "column", html))).toEqual(["detail http://www.x.gov.cn/art/2024/1/3/art_9_3.html y2023"]);
  });

  it("records on a homepage (kind nav) count only when report-like, and no list is paged from there", () => {
    const html = `<div id="1"><script type="text/xml"><datastore><recordset>
      <record><![CDATA[<li><a href="/art/2024/1/2/art_1_2.html">县政府召开常务会议</a><span>2024-01-02</span></li>]]></record>
      <record><![CDATA[<li><a href="/art/2024/1/3/art_1_3.html">某县2023年政府信息公开工作年度报告</a><span>2024-01-03</span></li>]]></record>
      </recordset></datastore></script></div>
      <script>$('#1').jpage({perPage:2,totalRecord:50,proxyUrl:'/module/web/jpage/dataproxy.jsp',ajaxParam:{columnid:1,unitid:1}});</script>`;
    expect(shown(discoverHtml("http://www.x.gov.cn/", "nav", html))).toEqual(["detail http://www.x.gov.cn/art/2024/1/3/art_1_3.html y2023"]);
  });
});

describe("Hanweb dataproxy.jsp answers (kind list-api)", () => {
  it("range style: the records, then the rest of the list with the same POST form", () => {
    const f = discoverFixture("hanweb/dataproxy-range.xml");
    expect(shown(f)).toEqual([
      art(14, 16),
      art(15, 15),
      art(16, 14),
      art(17, 13),
      art(18, 12),
      art(19, 11),
      art(20, 10),
      art(21, 9),
      `list-api POST ${TY}/module/web/jpage/dataproxy.jsp?startrecord=17&endrecord=24&perpage=4 body=${FORM}`,
    ]);
    expect(f.declaredRecords).toBe(20);
  });

  it("page style: the records, then the pages up to <totalpage>", () => {
    const f = discoverFixture("hanweb/dataproxy-page.xml");
    expect(shown(f)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `detail http://www.qingxi.gov.cn/art/2024/1/${i + 1}/art_1229555_77002${String(i).padStart(2, "0")}.html y2023`).sort(),
      "list-api GET http://www.qingxi.gov.cn/module/jpage/dataproxy.jsp?page=3&appid=1&webid=21&path=/&columnid=1229555&unitid=667788&permissiontype=0",
    ]);
  });

  it("the last range asks for nothing more; records sent entity-escaped instead of CDATA are read too", () => {
    const xml = `<?xml version="1.0"?><datastore><totalrecord>20</totalrecord><recordset>
      <record>&lt;li&gt;&lt;a href="/art/2024/1/5/art_9_5.html" title="某县2023年政府信息公开工作年度报告"&gt;某县…&lt;/a&gt;&lt;/li&gt;</record></recordset></datastore>`;
    const url = `${TY}/module/web/jpage/dataproxy.jsp?startrecord=17&endrecord=24&perpage=4`;
    const f = discoverHtml(url, "list-api", xml, { contentType: "text/xml", request: { url, method: "POST", body: FORM } });
    expect(shown(f)).toEqual([`detail ${TY}/art/2024/1/5/art_9_5.html y2023`]);
  });
});

describe("Hanweb articles", () => {
  it("downfile.jsp attachments named only by their link text", () => {
    const f = discoverFixture("hanweb/article.html");
    expect(shown(f)).toEqual([
      `attachment ${TY}/module/download/downfile.jsp?classid=0&filename=2401291012345678.pdf file=桃源县第1单位2023年政府信息公开工作年度报告.pdf y2023`,
    ]);
  });
});

describe("Zhejiang JPaaS (front/page/build/unit)", () => {
  const base =
    "https://www.yunxi.gov.cn/api-gateway/jpaas-publish-server/front/page/build/unit?webId=3310&pageId=1229300001&parseType=bulidstatic&pageType=column&tagId=%E5%BD%93%E5%89%8D%E6%A0%8F%E7%9B%AElist&tplSetId=a1B2c3D4e5F6g7H8i9J0k";
  it("a column asks the unit API for page 1", () => {
    const f = discoverFixture("hanweb/jpaas-column.html");
    expect(shown(f)).toEqual([`list-api GET ${base}&paramJson=%7B%22pageNo%22%3A1%2C%22pageSize%22%3A15%7D`]);
  });

  it("its JSON answer: rows from data.html, the next pages from the total", () => {
    const f = discoverFixture("hanweb/jpaas-answer.json");
    expect(shown(f)).toEqual([
      "detail https://www.yunxi.gov.cn/art/2024/1/28/art_1229300001_60122.html y2023",
      "detail https://www.yunxi.gov.cn/art/2024/1/29/art_1229300001_60121.html y2023",
      "detail https://www.yunxi.gov.cn/art/2024/1/30/art_1229300001_60120.html y2023",
      `list-api GET ${base}&paramJson=%7B%22pageNo%22%3A2%2C%22pageSize%22%3A15%7D`,
    ]);
  });

  it("a JPaaS page whose parameters cannot be read needs a browser", () => {
    const f = discoverHtml("https://www.x.gov.cn/col/col1/index.html", "column", `<script>$.get('/api-gateway/jpaas-publish-server/front/page/build/unit', params)</script>`);
    expect(f.needsBrowser).toBe("JPaaS list (build/unit) without readable webId, pageId, tplSetId, tagId");
  });
});
