import type { SyntheticReport } from "../../../support/synthetic-report.ts";
import { reportBodyHtml } from "../report-body.ts";
import { inlineAsset, syntheticAsset } from "../report-assets.ts";
import { ReportShelf } from "../report-shelf.ts";
import { FixtureSite, html, type FixtureRequest, type Reply } from "../site-server.ts";
import type { PortalSiteInfo } from "../types.ts";
import { apiAnswer, CHANNEL, completeColumn, LIST_SCRIPT, listColumn, PAGE_SIZE, signature, type ListRecord } from "./scriptlist-pages.ts";
import type { SiteContext, SiteModule } from "./site-module.ts";
import { coverText, trsDetail, trsPage } from "./trs-pages.ts";

// 云溪县人民政府, a newer county portal whose 年报 column shows the first 3 of its 9 records and
// fetches the others, page by page as the pager is clicked, from a signed JSON API that only its
// script can address (scriptlist-pages.ts). A sub-column 乡镇（街道） is a complete static list.
// Reports inline, as a DOCX on a cover page (also listed in the API's attachFiles), and as a DOCX
// the API links directly; traps: a 解读 and a 政府网站工作年度报表 among the records. robots.txt
// disallows the page's visit counter script (/tongji/), which a browser would otherwise load.

const SITE = "云溪县人民政府";
const NB = "/zwgk/xxgknb";
const day = (date: string) => new Date(`${date}T09:00:00+08:00`);
const crumbs: [string, string][] = [["/", "首页"], ["/zwgk/index.html", "政务公开"], [`${NB}/index.html`, "政府信息公开年报"]];
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const sidebar = `<ul class="side-nav"><li class="on"><a href="${NB}/index.html">全部年报</a></li><li><a href="${NB}/xzjd/index.html">乡镇（街道）</a></li></ul>`;

interface Entry { id?: string; record: ListRecord; township?: boolean }

export async function scriptListPortal(ctx: SiteContext): Promise<SiteModule> {
  const site = new FixtureSite("scriptlist", { log: ctx.log, latencyMs: ctx.latencyMs, published: day("2024-02-01") });
  await site.start();
  const info: PortalSiteInfo = { name: "scriptlist", family: "generic", url: site.url("/"), host: site.host, hosts: [site.host], expected: [], nonReports: [], forbidden: [], notes: [] };
  const shelf = new ReportShelf("scriptlist", info.expected);
  const at = (path: string) => site.url(path);
  const entries: Entry[] = [];
  const detail = (path: string, date: string, page: () => { title: string; source: string; body: string; attachments?: { href: string; name: string }[] }) => {
    site.page(path, () => {
      const p = page();
      return { ...html(trsDetail({ site: SITE, title: p.title, pubDate: `${date} 09:00`, source: p.source, column: "政府信息公开年报", crumbs, body: p.body, attachments: p.attachments })), modified: day(date) };
    });
  };
  const inline = async (name: string, catalog: Parameters<typeof syntheticAsset>[0], id: number, date: string, notes: string[], township = false) => {
    const path = `${NB}/${date.slice(0, 7).replace("-", "")}/t${date.replaceAll("-", "")}_${id}.html`;
    detail(path, date, () => {
      const a = shelf.get(name).asset;
      return { title: a.title, source: a.agency, body: reportBodyHtml(a.synthetic!, false) };
    });
    const asset = await syntheticAsset(catalog, "html");
    shelf.put(name, asset, { url: at(path), via: at(`${NB}/index.html`), paths: [{ site, path }], notes });
    entries.push({ id: name, record: { id, title: asset.title, date, href: path }, township });
  };
  const trap = (id: number, date: string, title: string, body: string, what: string) => {
    const path = `${NB}/${date.slice(0, 7).replace("-", "")}/t${date.replaceAll("-", "")}_${id}.html`;
    detail(path, date, () => ({ title, source: SITE, body }));
    entries.push({ record: { id, title, date, href: path } });
    info.nonReports.push({ url: at(path), what });
  };
  const docx = (path: string, name: string, date: string) => site.page(path, () => ({ body: shelf.get(name).asset.bytes, contentType: DOCX, modified: day(date) }));

  // Page 1 (static, and the API's page 1).
  await inline("county-2023", "yunxi-gov-2023", 9701, "2024-01-31", ["on the column page's static first page"]);
  trap(9702, "2024-01-31", "关于《云溪县人民政府2023年政府信息公开工作年度报告》的解读", "<p>2023年，县政府主动公开政府信息2150条，受理政府信息公开申请86件，均已按期答复。</p>", "年报解读 titled with the report's name");
  await inline("fgj-2023", "yunxi-fgj-2023", 9703, "2024-01-30", ["on the column page's static first page"]);
  // Page 2 (the API only).
  const xk = await syntheticAsset("yunxi-xikou-2023", "docx");
  const xkCover = `${NB}/202401/t20240129_9704.html`, xkFile = `${NB}/202401/P020240129556677889900.docx`;
  detail(xkCover, "2024-01-29", () => ({ title: xk.title, source: xk.agency, body: coverText(xk.title), attachments: [{ href: "./P020240129556677889900.docx", name: `${xk.title}.docx` }] }));
  docx(xkFile, "xikou-2023", "2024-01-29");
  shelf.put("xikou-2023", xk, { url: at(xkFile), via: at(xkCover), paths: [{ site, path: xkCover }, { site, path: xkFile }], notes: ["DOCX on a cover page; the API record lists it in attachFiles too; also on the 乡镇（街道） sub-column"] });
  entries.push({ id: "xikou-2023", record: { id: 9704, title: xk.title, date: "2024-01-29", href: xkCover, attachments: [{ name: `${xk.title}.docx`, href: xkFile }] }, township: true });
  info.nonReports.push({ url: at(xkCover), what: "cover page of a report attached as a file" });
  trap(9705, "2024-01-25", "云溪县人民政府2023年政府网站工作年度报表", "<table><tr><td>网站名称</td><td>云溪县人民政府门户网站</td></tr><tr><td>独立用户访问总量（个）</td><td>352817</td></tr></table>", "政府网站工作年度报表 (website statistics)");
  const zr = await syntheticAsset("yunxi-zrzy-2023", "docx");
  const zrFile = `${NB}/202401/P020240122112233445566.docx`;
  docx(zrFile, "zrzy-2023", "2024-01-22");
  shelf.put("zrzy-2023", zr, { url: at(zrFile), via: at(`${NB}/index.html`), paths: [{ site, path: zrFile }], notes: ["a DOCX the API record links directly (staticUrl), on the API's page 2 only"] });
  entries.push({ id: "zrzy-2023", record: { id: 9706, title: zr.title, date: "2024-01-22", href: zrFile } });
  // Page 3 (the API only).
  await inline("yunfeng-2023", "yunxi-yunfeng-2023", 9707, "2024-01-19", ["on the API's page 3, and on the 乡镇（街道） sub-column"], true);
  await inline("county-2022", "yunxi-gov-2022", 9708, "2023-01-30", ["on the API's page 3 only"]);
  await inline("county-2021", "yunxi-gov-2021", 9709, "2022-01-28", ["on the API's page 3 only"]);

  const live = () => entries.filter((e) => !e.id || shelf.live(e.id));
  const records = () => live().map((e) => e.record);
  site.page(`${NB}/index.html`, () => html(trsPage("政府信息公开年报", crumbs, listColumn(records(), records().length, sidebar), "", SITE)));
  site.page(`${NB}/xzjd/index.html`, () => html(trsPage("乡镇（街道）", [...crumbs, [`${NB}/xzjd/index.html`, "乡镇（街道）"]], completeColumn("乡镇（街道）", live().filter((e) => e.township).map((e) => e.record), sidebar), "", SITE)));
  site.match((req) => api(req, records()));
  site.page("/js/nb-list.js", () => ({ body: LIST_SCRIPT, contentType: "application/javascript; charset=utf-8" }));
  site.page("/tongji/count.js", () => ({ body: "/* 访问统计 */ (function(){ new Image().src = '/tongji/hit?t=' + Date.now(); })();", contentType: "application/javascript" }));
  site.page("/robots.txt", () => ({ body: "User-agent: *\nDisallow: /tongji/\n", contentType: "text/plain" }));
  site.page("/zwgk/index.html", () => html(trsPage("政务公开", crumbs.slice(0, 2), `<ul class="gk-menu"><li><a href="/zwgk/zn/index.html">政府信息公开指南</a></li><li><a href="${NB}/index.html">政府信息公开年报</a></li><li><a href="/zwgk/fdzdgk/index.html">法定主动公开内容</a></li></ul>`, "", SITE)));
  site.page("/", () => html(trsPage("首页", [["/", "首页"]], `<div class="news"><a href="/xwzx/202402/t20240205_9801.html">云溪县召开2024年政务公开工作会议</a></div>`, "", SITE)));
  info.forbidden.push({ url: at(`/tongji/count.js?channel=${CHANNEL}`), why: "robots.txt: Disallow /tongji/ (the column page's visit counter script)" });
  info.notes.push(`the column shows ${PAGE_SIZE} of its records; the others only through ${NB}/index.html's script, page by page (a signed JSON API that requires X-Requested-With)`);

  const addReport = async (report: SyntheticReport) => {
    const id = 9750 + entries.length, date = "2025-01-20", path = `${NB}/202501/t20250120_${id}.html`, name = `added-${id}`;
    detail(path, date, () => ({ title: report.title, source: report.agency, body: reportBodyHtml(shelf.get(name).asset.synthetic!, false) }));
    const entry = shelf.put(name, inlineAsset(report, "added by mutate.addReport (synthetic)"), { url: at(path), via: at(`${NB}/index.html`), paths: [{ site, path }], notes: ["added by mutate.addReport"] });
    entries.unshift({ id: name, record: { id, title: report.title, date, href: path } });
    return entry.expected;
  };
  return { info, servers: [site], shelf, addReport, newAgency: "云溪县云峰街道办事处" };
}

/** The list's API: a page of records for a correctly signed address asked by XHR, else 403. */
function api(req: FixtureRequest, records: ListRecord[]): Reply | undefined {
  const m = /^\/zwgk\/ajax\/(\w+)\/(\w+)\.json$/.exec(req.path);
  if (!m) return undefined;
  const json = (body: string, status = 200): Reply => ({ status, body, contentType: "application/json;charset=UTF-8" });
  const page = Number(req.query.get("page") ?? "1");
  if (m[1] !== CHANNEL || m[2] !== signature(m[1], page, PAGE_SIZE) || !Number.isInteger(page) || page < 1) return json(JSON.stringify({ code: "403", message: "签名校验失败" }), 403);
  if (req.headers["x-requested-with"] !== "XMLHttpRequest") return json(JSON.stringify({ code: "403", message: "非法请求" }), 403);
  return json(apiAnswer(records.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE), page, records.length));
}
