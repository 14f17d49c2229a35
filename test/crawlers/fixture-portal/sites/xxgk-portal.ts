import type { SyntheticReport } from "../../../support/synthetic-report.ts";
import { escapeHtml, reportBodyHtml } from "../report-body.ts";
import { inlineAsset, syntheticAsset } from "../report-assets.ts";
import { ReportShelf } from "../report-shelf.ts";
import { FixtureSite, html } from "../site-server.ts";
import type { PortalSiteInfo } from "../types.ts";
import type { SiteContext, SiteModule } from "./site-module.ts";
import { coverText, trsDetail, trsPage } from "./trs-pages.ts";

// 金溪县人民政府, whose 信息公开 platform lives on another host (xxgk.<county>.gov.cn in real
// life, another port here): the portal's homepage links it absolutely; the platform's 年报 list
// is a 名称/索引号/发布机构/发布日期 table.

const SITE = "金溪县人民政府";
const NB = "/xxgk/gknb";
const day = (date: string) => new Date(`${date}T09:00:00+08:00`);

interface Row { id: string; href: string; date: string; index: string }

export async function xxgkPortal(ctx: SiteContext): Promise<SiteModule> {
  const portal = new FixtureSite("xxgk", { log: ctx.log, latencyMs: ctx.latencyMs, published: day("2024-02-01") });
  const platform = new FixtureSite("xxgk", { log: ctx.log, latencyMs: ctx.latencyMs, published: day("2024-02-01") });
  await portal.start();
  await platform.start();
  const info: PortalSiteInfo = { name: "xxgk", family: "trs", url: portal.url("/"), host: portal.host, hosts: [portal.host, platform.host], expected: [], nonReports: [], forbidden: [], notes: [] };
  const shelf = new ReportShelf("xxgk", info.expected);
  const at = (path: string) => platform.url(path);
  const crumbs: [string, string][] = [[portal.url("/"), "首页"], ["/xxgk/index.html", "政府信息公开"], [`${NB}/index.html`, "政府信息公开年报"]];
  const rows: Row[] = [];

  const inline = (name: string, path: string, date: string) => platform.page(path, () => {
    const a = shelf.get(name).asset;
    return { ...html(trsDetail({ site: SITE, title: a.title, pubDate: `${date} 09:00`, source: a.agency, column: "政府信息公开年报", crumbs, body: reportBodyHtml(a.synthetic!, false) })), modified: day(date) };
  });
  const gov = `${NB}/202401/t20240131_9501.html`;
  inline("county-2023", gov, "2024-01-31");
  shelf.put("county-2023", await syntheticAsset("jinxi-gov-2023", "html"), { url: at(gov), via: at(`${NB}/index.html`), paths: [{ site: platform, path: gov }], notes: ["on the 信息公开 platform, another host than the homepage's"] });
  rows.push({ id: "county-2023", href: "./202401/t20240131_9501.html", date: "2024-01-31", index: "361027000/2024-00031" });

  const cg = await syntheticAsset("jinxi-chengguan-2023", "docx");
  const cover = `${NB}/202401/t20240129_9502.html`, docx = `${NB}/202401/P020240129771234567890.docx`;
  platform.page(cover, () => html(trsDetail({ site: SITE, title: cg.title, pubDate: "2024-01-29 15:00", source: cg.agency, column: "政府信息公开年报", crumbs, body: coverText(cg.title), attachments: [{ href: "./P020240129771234567890.docx", name: `${cg.title}.docx` }] })));
  platform.page(docx, () => ({ body: shelf.get("chengguan-2023").asset.bytes, contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", modified: day("2024-01-29") }));
  shelf.put("chengguan-2023", cg, { url: at(docx), via: at(cover), paths: [{ site: platform, path: cover }, { site: platform, path: docx }], notes: ["township report as DOCX on the 信息公开 platform"] });
  rows.push({ id: "chengguan-2023", href: "./202401/t20240129_9502.html", date: "2024-01-29", index: "361027000/2024-00029" });
  info.nonReports.push({ url: at(cover), what: "cover page of a report attached as a file" });

  const table = () => `<table class="xxgk-list" width="100%">
<tr><th>名称</th><th>索引号</th><th>发布机构</th><th>发布日期</th></tr>
${rows.filter((r) => shelf.live(r.id)).map((r) => {
    const a = shelf.get(r.id).asset;
    return `<tr><td class="mc"><a href="${r.href}" title="${escapeHtml(a.title)}" target="_blank">${escapeHtml(a.title)}</a></td><td>${r.index}</td><td>${escapeHtml(a.agency)}</td><td>${r.date}</td></tr>`;
  }).join("\n")}
</table>`;
  platform.page(`${NB}/index.html`, () => html(trsPage("政府信息公开年报", crumbs, table(), "", SITE)));
  platform.page("/xxgk/index.html", () => html(trsPage("政府信息公开", crumbs.slice(0, 2), `<ul class="xxgk-menu"><li><a href="/xxgk/zn/index.html">政府信息公开指南</a></li><li><a href="/xxgk/zd/index.html">政府信息公开制度</a></li><li><a href="${NB}/index.html">政府信息公开年报</a></li></ul>`, "", SITE)));
  portal.page("/", () => html(trsPage("首页", [["/", "首页"]], `<div class="nav2"><a href="/xwzx/">新闻中心</a> <a href="${platform.url("/xxgk/index.html")}" target="_blank">政府信息公开</a> <a href="/zwfw/">政务服务</a></div>`, "", SITE)));
  info.notes.push(`the homepage (${portal.host}) links the 信息公开 platform on ${platform.host}; every report is on the platform`);

  const addReport = async (report: SyntheticReport) => {
    const id = 9600 + rows.length, path = `${NB}/202501/t20250120_${id}.html`, name = `added-${id}`;
    inline(name, path, "2025-01-20");
    const entry = shelf.put(name, inlineAsset(report, "added by mutate.addReport (synthetic)"), { url: at(path), via: at(`${NB}/index.html`), paths: [{ site: platform, path }], notes: ["added by mutate.addReport"] });
    rows.unshift({ id: name, href: `./202501/t20250120_${id}.html`, date: "2025-01-20", index: `361027000/2025-${id}` });
    return entry.expected;
  };
  return { info, servers: [portal, platform], shelf, addReport, newAgency: "金溪县琅琚镇人民政府" };
}
