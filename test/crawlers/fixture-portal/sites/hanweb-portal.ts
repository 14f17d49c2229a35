import type { SyntheticReport } from "../../../support/synthetic-report.ts";
import { reportBodyHtml } from "../report-body.ts";
import { fixtureAsset, inlineAsset, syntheticAsset, type ReportAsset } from "../report-assets.ts";
import { ReportShelf } from "../report-shelf.ts";
import { FixtureSite, html, type FixtureRequest, type Reply } from "../site-server.ts";
import type { PortalSiteInfo } from "../types.ts";
import { articlePage, columnPage, hanwebPage, PROXY, proxyXml, queryOf, type Jpage, type ListRecord } from "./hanweb-pages.ts";
import type { SiteContext, SiteModule } from "./site-module.ts";

// 桃源县人民政府 (Hanweb 大汉 jcms): 政府信息公开 → 政府信息公开年报 with two columns, the first
// records of each in a <script type="text/xml"> datastore; col1229 pages on by POST (the jpage
// form), col1230 by GET (page=N). Attachments via downfile.jsp → 302 → /attach/0/{hex}.pdf, the
// real name only in the link text and Content-Disposition. Last-Modified only, no ETag.

interface Entry { id?: string; record: ListRecord }

const A: Jpage = { columnid: 1229, unitid: 4567, perPage: 2, totalRecord: 0, style: "post" };
const B: Jpage = { columnid: 1230, unitid: 4568, perPage: 2, totalRecord: 0, style: "get" };
const day = (date: string) => new Date(`${date}T09:00:00+08:00`);
const artPath = (date: string, col: number, id: number) => { const [y, m, d] = date.split("-").map(Number); return `/art/${y}/${m}/${d}/art_${col}_${id}.html`; };

export async function hanwebPortal(ctx: SiteContext): Promise<SiteModule> {
  const site = new FixtureSite("hanweb", { log: ctx.log, latencyMs: ctx.latencyMs, validators: { etag: false, lastModified: true }, published: day("2024-02-01") });
  await site.start();
  const info: PortalSiteInfo = { name: "hanweb", family: "hanweb", url: site.url("/"), host: site.host, hosts: [site.host], expected: [], nonReports: [], forbidden: [], notes: [] };
  const shelf = new ReportShelf("hanweb", info.expected);
  const at = (path: string) => site.url(path);
  const lists: Record<number, Entry[]> = { 1229: [], 1230: [] };

  /** An article page; inline reports render from the shelf, covers link the attachment through downfile.jsp. */
  const article = (col: number, date: string, id: number, title: () => string, body: () => string): string => {
    const path = artPath(date, col, id);
    site.page(path, () => ({ ...html(articlePage({ title: title(), date, source: col === 1229 ? "县政府办公室" : "县政务公开办", column: "政府信息公开年报", body: body() })), modified: day(date) }));
    return path;
  };
  const inline = async (name: string, col: number, date: string, id: number, asset: ReportAsset, notes: string[]) => {
    const copied = !asset.synthetic;
    const path = artPath(date, col, id);
    if (copied) site.page(path, () => ({ body: shelf.get(name).asset.bytes, contentType: "text/html; charset=utf-8", modified: day(date) }));
    else article(col, date, id, () => shelf.get(name).asset.title, () => reportBodyHtml(shelf.get(name).asset.synthetic!, false));
    shelf.put(name, asset, { url: at(path), via: at(`/col/col${col}/index.html`), paths: [{ site, path }], notes });
    lists[col].push({ id: name, record: { href: path, title: asset.title, date } });
  };
  const attached = (name: string, col: number, date: string, id: number, hex: string, asset: ReportAsset, notes: string[]) => {
    const fileName = `${asset.title}.${asset.format}`;
    const download = `/module/download/downfile.jsp?classid=0&filename=${hex}.${asset.format}`;
    const path = article(col, date, id, () => asset.title, () => `<p>${asset.title}</p><p>附件：<a href="${download}">${fileName}</a></p>`);
    site.page(download, () => ({ status: 302, headers: { location: `/attach/0/${hex}.${asset.format}` }, contentType: "text/html", body: "" }));
    const file = `/attach/0/${hex}.${asset.format}`;
    site.page(file, () => ({ body: shelf.get(name).asset.bytes, contentType: "application/octet-stream", headers: { "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}` }, modified: day(date) }));
    shelf.put(name, asset, { url: at(file), via: at(path), alsoAt: [at(download)], paths: [{ site, path }, { site, path: download }, { site, path: file }], notes });
    lists[col].push({ id: name, record: { href: path, title: asset.title, date } });
    info.nonReports.push({ url: at(path), what: "cover page of a report attached as a file" });
  };
  const trap = (col: number, date: string, id: number, title: string, body: string, what: string) => {
    const path = article(col, date, id, () => title, () => body);
    lists[col].push({ record: { href: path, title, date } });
    info.nonReports.push({ url: at(path), what });
  };

  await inline("office-2023", 1229, "2024-01-29", 5002, await syntheticAsset("taoyuan-office-2023", "html"), ["in col1229's datastore (first records, inside <script type=\"text/xml\">)"]);
  trap(1229, "2024-02-02", 5003, "《桃源县人民政府办公室2023年政府信息公开工作年度报告》解读", `<p>2023年，县政府办公室主动公开政府信息1024条，收到政府信息公开申请35件，均已按期答复。</p><p>详见《桃源县人民政府办公室2023年政府信息公开工作年度报告》。</p>`, "年报解读 titled with the report's name");
  await inline("office-2022", 1229, "2023-01-20", 5001, fixtureAsset("html/hanweb-utf8.html"), ["only on col1229's second page: POST dataproxy.jsp?startrecord=3&endrecord=4&perpage=2 with the jpage form", "the page is test/fixtures/html/hanweb-utf8.html as is"]);
  attached("nanhu-2024", 1230, "2025-01-22", 5011, "9d3e7a41c2b8f05d6e1a", fixtureAsset("docx/report-2021-long.docx"), ["DOCX via downfile.jsp → 302 → /attach/0/{hex}.docx; the name only in the link text and Content-Disposition"]);
  trap(1230, "2024-12-20", 5012, "关于做好2024年度政府信息公开工作年度报告编制工作的通知", `<p>各乡镇（街道）、县直各部门：请于2025年1月31日前发布本机关2024年度政府信息公开工作年度报告。</p>`, "通知 about compiling the annual reports");
  attached("finance-2023", 1230, "2024-01-25", 5010, "4f0c2b9e8a17d3c65b2e", await syntheticAsset("taoyuan-finance-2023", "pdf"), ["PDF via downfile.jsp → 302, only on col1230's second page: GET dataproxy.jsp?page=2&…"]);

  const live = (col: number) => lists[col].filter((e) => !e.id || shelf.live(e.id)).map((e) => e.record);
  const jpage = (j: Jpage): Jpage => ({ ...j, totalRecord: live(j.columnid).length });
  site.page("/col/col1229/index.html", () => html(columnPage("县政府年报", live(1229).slice(0, A.perPage), jpage(A))));
  site.page("/col/col1230/index.html", () => html(columnPage("部门及乡镇年报", live(1230).slice(0, B.perPage), jpage(B))));
  site.page(PROXY, (req) => proxy(req, live));
  const home = () => html(hanwebPage("首页", `<div class="gk"><a href="/col/col1227/index.html">政府信息公开</a></div>`));
  site.page("/", home);
  site.page("/index.html", home);
  site.page("/col/col1227/index.html", () => html(hanwebPage("政府信息公开", `<ul class="gkml"><li><a href="/col/col1231/index.html">政府信息公开指南</a></li><li><a href="/col/col1228/index.html">政府信息公开年报</a></li></ul>`)));
  site.page("/col/col1228/index.html", () => html(hanwebPage("政府信息公开年报", `<ul class="sub-col"><li><a href="/col/col1229/index.html">县政府年报</a></li><li><a href="/col/col1230/index.html">部门及乡镇年报</a></li></ul>`)));
  info.notes.push("Last-Modified only: no ETag; If-Modified-Since gets 304", "dataproxy.jsp: POST (query startrecord/endrecord/perpage, form columnid/unitid/webid…) for col1229, GET page=N for col1230; a wrong unitid gets an empty recordset");

  const addReport = async (report: SyntheticReport) => {
    const id = 6000 + lists[1229].length, name = `added-${id}`, date = "2025-01-20";
    await inline(name, 1229, date, id, inlineAsset(report, "added by mutate.addReport (synthetic)"), ["added by mutate.addReport"]);
    lists[1229].unshift(lists[1229].pop()!);
    return shelf.get(name).expected;
  };
  return { info, servers: [site], shelf, addReport, newAgency: "桃源县桃花镇人民政府" };
}

/** dataproxy.jsp: the records of a column the request names, by its startrecord/endrecord (POST) or page (GET). */
function proxy(req: FixtureRequest, live: (col: number) => ListRecord[]): Reply {
  const form = req.method === "POST" ? new URLSearchParams(req.body) : req.query;
  const column = [A, B].find((j) => String(j.columnid) === form.get("columnid") && String(j.unitid) === form.get("unitid"));
  const xml = (body: string): Reply => ({ body, contentType: "text/xml; charset=utf-8" });
  if (!column) return xml(proxyXml([], 0, 0));
  const records = live(column.columnid);
  const per = Number(req.query.get("perpage") ?? column.perPage) || column.perPage;
  const pages = Math.ceil(records.length / per);
  if (req.method === "POST") {
    const start = Number(req.query.get("startrecord") ?? 1), end = Number(req.query.get("endrecord") ?? start + per - 1);
    return xml(proxyXml(records.slice(Math.max(0, start - 1), end), records.length, pages));
  }
  const page = Math.max(1, Number(req.query.get("page") ?? 1));
  const next = page < pages ? `${PROXY}?${queryOf(column, page + 1)}` : undefined;
  return xml(proxyXml(records.slice((page - 1) * per, page * per), records.length, pages, next));
}
