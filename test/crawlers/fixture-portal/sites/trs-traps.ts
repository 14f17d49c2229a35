import { html, type FixtureSite, type Reply } from "../site-server.ts";
import type { ExpectedNonReport } from "../types.ts";
import { rowsHtml, scriptPager, trsDetail, trsPage, type Row } from "./trs-pages.ts";

// What a TRS county portal has next to its reports and a crawler must not take for one: a 解读
// titled with the report's name, the 政府网站工作年度报表 sibling column (tables of numbers, the
// same years), a 指南, 通知, a list whose every page number answers (a pagination trap), and a
// soft 404 (200 with 页面不存在).

const NB = "/zwgk/zfxxgknb";
const crumbs = (column: string, href: string): [string, string][] => [["/", "首页"], ["/zwgk/index.html", "政务公开"], [href, column]];

function detail(site: FixtureSite, path: string, title: string, pubDate: string, body: string, column = "政府信息公开年报", columnHref = `${NB}/index.html`): void {
  site.page(path, () => ({ ...html(trsDetail({ title, pubDate, source: "西山县人民政府办公室", column, crumbs: crumbs(column, columnHref), body })), modified: new Date(`${pubDate.slice(0, 10)}T09:00:00+08:00`) }));
}

export const INTERPRETATION = { path: `${NB}/xzf/202402/t20240205_7110.html`, row: "图解：西山县人民政府2023年政府信息公开工作年度报告", date: "2024-02-05" };
export const NOTICE = { path: `${NB}/xzf/202312/t20231220_7111.html`, row: "关于做好2023年度政府信息公开工作年度报告编制发布工作的通知", date: "2023-12-20" };
export const GUIDE = { path: `${NB}/xzf/202301/t20230105_7112.html`, row: "西山县人民政府信息公开指南", date: "2023-01-05" };
export const SOFT_404 = { path: `${NB}/xzjd/202301/t20230129_7198.html`, row: "青龙镇人民政府2022年政府信息公开工作年度报告", date: "2023-01-29" };
export const DEAD = { path: `${NB}/bm/202401/t20240125_7199.html`, row: "西山县林业局2023年政府信息公开工作年度报告", date: "2024-01-25" };

const FORMS = "/zwgk/zfwzgzndbb";
const TRAP = "/zwgk/tzgg";

function websiteForm(year: number, seed: number): string {
  const n = (k: number) => 1000 + ((seed * 7919 * k) % 90000);
  const rows: [string, string | number][] = [
    ["网站名称", "西山县人民政府门户网站"], ["首页网址", "http://www.xishan.gov.cn"], ["主办单位", "西山县人民政府办公室"],
    ["独立用户访问总量（单位：个）", n(1)], ["网站总访问量（单位：次）", n(2) * 10], ["信息发布总数（单位：条）", n(3) % 5000],
    ["其中：概况类信息更新量", n(4) % 300], ["政务动态信息更新量", n(5) % 3000], ["信息公开目录信息更新量", n(6) % 2000],
    ["解读回应—解读信息发布总数（单位：条）", n(7) % 200], ["办事服务—注册用户数（单位：个）", n(8)], ["互动交流—收到留言数量（单位：条）", n(9) % 900],
  ];
  return `<p style="text-align:center"><strong>政府网站工作年度报表</strong></p>\n<p style="text-align:center">（${year}年度）</p>\n<p>填报单位：西山县人民政府办公室</p>\n<table border="1" cellspacing="0" width="100%">\n${rows.map(([k, v]) => `<tr><td>${k}</td><td>${v}</td></tr>`).join("\n")}\n</table>`;
}

const INTERPRETATION_BODY = `<p style="text-align:center"><strong>一图读懂西山县人民政府2023年政府信息公开工作年度报告</strong></p>
<p style="text-indent:2em">一、主动公开情况。2023年，我县主动公开政府信息2316条，其中政策文件42件，政策解读36篇。</p>
<p style="text-indent:2em">二、依申请公开情况。全年共收到政府信息公开申请68件，办结65件，结转下年度3件。</p>
<p style="text-indent:2em">三、行政复议和行政诉讼情况。因政府信息公开被申请行政复议2件，被提起行政诉讼1件。</p>
<p style="text-indent:2em">详细内容请查看《西山县人民政府2023年政府信息公开工作年度报告》全文。</p>`;

/** Registers the trap pages on the site and returns them as expected non-reports. */
export function addTraps(site: FixtureSite): ExpectedNonReport[] {
  site.page(INTERPRETATION.path, () => ({ ...html(trsDetail({ title: "西山县人民政府2023年政府信息公开工作年度报告", pubDate: "2024-02-05 10:00", source: "西山县人民政府办公室", column: "政策解读", crumbs: crumbs("政府信息公开年报", `${NB}/index.html`), body: INTERPRETATION_BODY })) }));
  detail(site, NOTICE.path, NOTICE.row, "2023-12-20 15:00", `<p style="text-indent:2em">各乡镇人民政府、街道办事处，县政府各部门：为做好2023年度政府信息公开工作年度报告编制和发布工作，请于2024年1月31日前向社会公布本机关2023年度报告。</p><p style="text-align:right">西山县人民政府办公室</p>`);
  detail(site, GUIDE.path, GUIDE.row, "2023-01-05 09:00", `<p style="text-indent:2em">一、主动公开。二、依申请公开。三、监督方式。本指南每年更新。</p>`);
  site.page(SOFT_404.path, (): Reply => html(trsPage("页面不存在", [["/", "首页"]], `<div class="error"><img src="/images/404.png" alt="" /><p>对不起，您访问的页面不存在或已被删除！</p><p><a href="/">返回首页</a></p></div>`)));

  const forms: Row[] = [
    { href: "./202401/t20240115_7120.html", title: "西山县人民政府门户网站2023年政府网站工作年度报表", date: "2024-01-15" },
    { href: "./202301/t20230116_7121.html", title: "西山县人民政府门户网站2022年政府网站工作年度报表", date: "2023-01-16" },
  ];
  site.page(`${FORMS}/index.html`, () => html(trsPage("政府网站工作年度报表", crumbs("政府网站工作年度报表", `${FORMS}/index.html`), `${rowsHtml(forms)}\n${scriptPager(1, 0, "createPageHTML")}`)));
  detail(site, `${FORMS}/202401/t20240115_7120.html`, forms[0].title, "2024-01-15 10:00", websiteForm(2023, 3), "政府网站工作年度报表", `${FORMS}/index.html`);
  detail(site, `${FORMS}/202301/t20230116_7121.html`, forms[1].title, "2023-01-16 10:00", websiteForm(2022, 5), "政府网站工作年度报表", `${FORMS}/index.html`);

  // The pagination trap: the pager claims 30 pages and every index_N.html (any N) answers the first one.
  const notices: Row[] = [
    { href: "./202403/t20240301_7130.html", title: "关于印发《西山县2024年政务公开工作要点》的通知", date: "2024-03-01" },
    { href: "./202402/t20240202_7131.html", title: "关于2024年春节放假安排的通知", date: "2024-02-02" },
  ];
  const trapList = () => html(trsPage("通知公告", crumbs("通知公告", `${TRAP}/index.html`), `${rowsHtml(notices)}\n${scriptPager(30, 0, "countPage")}`));
  site.page(`${TRAP}/index.html`, trapList);
  site.match((req) => (/^\/zwgk\/tzgg\/index_\d+\.html$/.test(req.path) ? trapList() : undefined));
  detail(site, `${TRAP}/202403/t20240301_7130.html`, notices[0].title, "2024-03-01 09:00", `<p style="text-indent:2em">各乡镇人民政府、街道办事处，县政府各部门：现将《西山县2024年政务公开工作要点》印发给你们，请认真贯彻落实。</p>`, "通知公告", `${TRAP}/index.html`);
  detail(site, `${TRAP}/202402/t20240202_7131.html`, notices[1].title, "2024-02-02 09:00", `<p style="text-indent:2em">根据国务院办公厅通知精神，现将2024年春节放假安排通知如下。</p>`, "通知公告", `${TRAP}/index.html`);

  const at = (path: string) => site.url(path);
  return [
    { url: at(INTERPRETATION.path), what: "年报解读 whose ArticleTitle is the report's name (numbers in prose, no tables)" },
    { url: at(NOTICE.path), what: "通知 about compiling the annual reports" },
    { url: at(GUIDE.path), what: "政府信息公开指南" },
    { url: at(SOFT_404.path), what: "soft 404: 200 with 页面不存在" },
    { url: at(`${FORMS}/202401/t20240115_7120.html`), what: "政府网站工作年度报表 2023 (a table of numbers)" },
    { url: at(`${FORMS}/202301/t20230116_7121.html`), what: "政府网站工作年度报表 2022 (a table of numbers)" },
    { url: at(`${TRAP}/202403/t20240301_7130.html`), what: "通知 in the pagination-trap column" },
    { url: at(`${TRAP}/202402/t20240202_7131.html`), what: "通知 in the pagination-trap column" },
  ];
}
