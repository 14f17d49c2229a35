import type { SyntheticReport } from "../../../support/synthetic-report.ts";
import { reportBodyHtml } from "../report-body.ts";
import { inlineAsset, syntheticAsset } from "../report-assets.ts";
import { ReportShelf } from "../report-shelf.ts";
import { FixtureSite, html } from "../site-server.ts";
import type { PortalSiteInfo } from "../types.ts";
import { challengeGate, JIASULE, RUISHU } from "./challenge-gate.ts";
import type { SiteContext, SiteModule } from "./site-module.ts";
import { coverText, rowsHtml, trsDetail, trsPage, type Row } from "./trs-pages.ts";

// 石门县人民政府 behind an anti-bot gate (every path, robots.txt included): 412 with a cookie
// script (瑞数-like), and under /zwgk/xxgknb/bm/ 521 with X-Via-JSL (加速乐-like, its own cookies).
// Behind it a small TRS-like portal: the county's report inline, a department's as a PDF.

const SITE = "石门县人民政府";
const NB = "/zwgk/xxgknb";
const crumbs: [string, string][] = [["/", "首页"], [`${NB}/index.html`, "政府信息公开年报"]];
const day = (date: string) => new Date(`${date}T09:00:00+08:00`);

export async function challengePortal(ctx: SiteContext): Promise<SiteModule> {
  const site = new FixtureSite("challenge", { log: ctx.log, latencyMs: ctx.latencyMs, published: day("2024-02-01") });
  site.gate = challengeGate((req) => (req.path.startsWith(`${NB}/bm/`) ? JIASULE : RUISHU), () => ctx.challenge ?? {});
  await site.start();
  const info: PortalSiteInfo = { name: "challenge", family: "trs", url: site.url("/"), host: site.host, hosts: [site.host], expected: [], nonReports: [], forbidden: [], notes: [] };
  const shelf = new ReportShelf("challenge", info.expected);
  const at = (path: string) => site.url(path);
  const rows: (Row & { id?: string })[] = [];

  const inline = (name: string, path: string, date: string) => site.page(path, () => {
    const a = shelf.get(name).asset;
    return { ...html(trsDetail({ site: SITE, title: a.title, pubDate: `${date} 09:00`, source: a.agency, column: "政府信息公开年报", crumbs, body: reportBodyHtml(a.synthetic!, false) })), modified: day(date) };
  });
  const gov = `${NB}/202401/t20240129_9101.html`;
  inline("county-2023", gov, "2024-01-29");
  shelf.put("county-2023", await syntheticAsset("shimen-gov-2023", "html"), { url: at(gov), via: at(`${NB}/index.html`), paths: [{ site, path: gov }], notes: ["behind the 412 cookie challenge"] });
  rows.push({ id: "county-2023", href: "./202401/t20240129_9101.html", title: shelf.get("county-2023").asset.title, date: "2024-01-29" });

  const health = await syntheticAsset("shimen-health-2023", "pdf");
  const cover = `${NB}/bm/202401/t20240126_9102.html`, pdf = `${NB}/bm/202401/P020240126990123456789.pdf`;
  site.page(cover, () => html(trsDetail({ site: SITE, title: health.title, pubDate: "2024-01-26 10:00", source: health.agency, column: "部门", crumbs, body: coverText(health.title), attachments: [{ href: "./P020240126990123456789.pdf", name: `${health.title}.pdf` }] })));
  site.page(pdf, () => ({ body: shelf.get("health-2023").asset.bytes, contentType: "application/pdf", modified: day("2024-01-26") }));
  shelf.put("health-2023", health, { url: at(pdf), via: at(cover), paths: [{ site, path: cover }, { site, path: pdf }], notes: ["behind the 521 X-Via-JSL challenge (/zwgk/xxgknb/bm/), whose cookies differ from the 412 one's"] });
  rows.push({ id: "health-2023", href: "./bm/202401/t20240126_9102.html", title: health.title, date: "2024-01-26" });
  info.nonReports.push({ url: at(cover), what: "cover page of a report attached as a file" });

  const live = () => rows.filter((r) => !r.id || shelf.live(r.id));
  site.page(`${NB}/index.html`, () => html(trsPage("政府信息公开年报", crumbs, rowsHtml(live()), "", SITE)));
  site.page("/", () => html(trsPage("首页", [["/", "首页"]], `<div class="zwgk"><a href="${NB}/index.html">政府信息公开年报</a></div>`, "", SITE)));
  site.page("/robots.txt", () => ({ body: "User-agent: *\nDisallow: /search/\n", contentType: "text/plain" }));
  info.notes.push(
    "every request without a valid cookie pair answers 412 (FSSBBIl1UgzbN7N80S set by the server, …T computed by the page's script); under /zwgk/xxgknb/bm/ 521 with X-Via-JSL (__jsluid_h, __jsl_clearance)",
    "solved cookies expire after options.challenge.ttlMs / maxUses; options.challenge.blocked or mutate.blockChallenge(true) keeps every request answered by the challenge",
  );

  const addReport = async (report: SyntheticReport) => {
    const id = 9200 + rows.length, path = `${NB}/202501/t20250120_${id}.html`, name = `added-${id}`;
    inline(name, path, "2025-01-20");
    const entry = shelf.put(name, inlineAsset(report, "added by mutate.addReport (synthetic)"), { url: at(path), via: at(`${NB}/index.html`), paths: [{ site, path }], notes: ["added by mutate.addReport"] });
    rows.unshift({ id: name, href: `./202501/t20250120_${id}.html`, title: report.title, date: "2025-01-20" });
    return entry.expected;
  };
  return { info, servers: [site], shelf, addReport, newAgency: "石门县石门镇人民政府" };
}
