import type { SyntheticReport } from "../../../support/synthetic-report.ts";
import { reportBodyHtml } from "../report-body.ts";
import { fixtureAsset, inlineAsset, syntheticAsset } from "../report-assets.ts";
import { ReportShelf } from "../report-shelf.ts";
import { FixtureSite, html, type Reply } from "../site-server.ts";
import type { PortalSiteInfo } from "../types.ts";
import type { SiteContext, SiteModule } from "./site-module.ts";
import { coverText, rowsHtml, scriptPager, trsDetail, trsPage, type Row } from "./trs-pages.ts";
import { addTrsShells } from "./trs-shells.ts";
import { addTraps, DEAD, GUIDE, INTERPRETATION, NOTICE, SOFT_404 } from "./trs-traps.ts";

// 西山县人民政府 (TRS WCM): homepage → 政务公开 → 政府信息公开年报, a column of three script-paged
// list pages with sub-columns by kind of body (县政府, 部门, 乡镇街道) and by year; reports inline
// and as ./P0….pdf|docx|doc attachments; townships' reports on the county portal.

const NB = "/zwgk/zfxxgknb";
const crumbs = (href: string, text: string): [string, string][] => [["/", "首页"], ["/zwgk/index.html", "政务公开"], [`${NB}/index.html`, "政府信息公开年报"], [href, text]];
const day = (date: string) => new Date(`${date}T09:00:00+08:00`);

interface Item { id?: string; row: Row }

export async function trsCounty(ctx: SiteContext): Promise<SiteModule> {
  const site = new FixtureSite("trs", { log: ctx.log, latencyMs: ctx.latencyMs, tls: true, published: day("2024-02-01") });
  await site.start();
  const info: PortalSiteInfo = { name: "trs", family: "trs", url: site.url("/"), host: site.host, hosts: [site.host], expected: [], nonReports: [], forbidden: [], notes: [] };
  const shelf = new ReportShelf("trs", info.expected);
  const at = (path: string) => site.url(path);

  /** An inline report's detail page, or its mobile twin. */
  const inline = (name: string, column: string, href: string, pubDate: string, extra?: () => string) => (wap: boolean): Reply => {
    const a = shelf.get(name).asset;
    const body = reportBodyHtml(a.synthetic!, false);
    if (wap) return html(`<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${a.title}</title></head><body class="wap"><h2>${a.title}</h2><div class="TRS_Editor">${body}</div></body></html>`);
    return { ...html(trsDetail({ title: a.title, pubDate, source: a.agency, column, crumbs: crumbs(href, column), body, extra: extra?.() })), modified: day(pubDate.slice(0, 10)) };
  };
  /** A cover page carrying the report as an attachment, and the attachment. */
  const cover = (name: string, path: string, file: string, column: string, href: string, pubDate: string, how: "link" | "script") => {
    const dir = path.slice(0, path.lastIndexOf("/") + 1);
    site.page(path, () => {
      const a = shelf.get(name).asset;
      const link = { href: `./${file}`, name: `${a.title}.${a.format}` };
      return { ...html(trsDetail({ title: a.title, pubDate, source: a.agency, column, crumbs: crumbs(href, column), body: coverText(a.title), ...(how === "link" ? { attachments: [link] } : { scriptAttachment: link }) })), modified: day(pubDate.slice(0, 10)) };
    });
    site.page(dir + file, () => {
      const a = shelf.get(name).asset;
      return { body: a.bytes, contentType: a.format === "pdf" ? "application/pdf" : a.format === "doc" ? "application/msword" : "application/vnd.openxmlformats-officedocument.wordprocessingml.document", modified: day(pubDate.slice(0, 10)) };
    });
    return { url: at(dir + file), via: at(path), paths: [{ site, path }, { site, path: dir + file }] };
  };

  // 县政府: the 2023 report inline, with its PDF, a mobile twin and an https twin; 2022 answers 500 once.
  const c23 = `${NB}/xzf/202401/t20240130_7101.html`, c23wap = c23.replace(".html", "_wap.html"), c23pdf = `${NB}/xzf/202401/P020240130551234567890.pdf`;
  const county23 = inline("county-2023", "县政府", `${NB}/xzf/index.html`, "2024-01-30 09:30", () => `<p>附件：<a href="./P020240130551234567890.pdf">西山县人民政府2023年政府信息公开工作年度报告.pdf</a></p><div class="mobile"><a href="./t20240130_7101_wap.html">手机版</a></div>`);
  site.page(c23, () => county23(false));
  site.page(c23wap, () => county23(true));
  const pdf23 = await syntheticAsset("xishan-gov-2023", "pdf");
  site.page(c23pdf, () => ({ body: pdf23.bytes, contentType: "application/pdf", modified: day("2024-01-30") }));
  shelf.put("county-2023", await syntheticAsset("xishan-gov-2023", "html"), {
    url: at(c23), via: at(`${NB}/index.html`), alsoAt: [at(c23wap), site.url(c23, "https"), at(c23pdf)], paths: [{ site, path: c23 }, { site, path: c23wap }, { site, path: c23pdf }],
    notes: ["inline, with the same report as a PDF attachment, a mobile twin (_wap.html) and an https twin linked from the 县政府 sub-column"],
  });
  const c22 = `${NB}/xzf/202301/t20230131_7102.html`;
  const county22 = inline("county-2022", "县政府", `${NB}/xzf/index.html`, "2023-01-31 10:00");
  site.page(c22, () => county22(false));
  site.once(c22, { status: 500, contentType: "text/html", body: "<html><body><h1>500 Internal Server Error</h1></body></html>" });
  shelf.put("county-2022", await syntheticAsset("xishan-gov-2022", "html"), { url: at(c22), via: at(`${NB}/index_2.html`), paths: [{ site, path: c22 }], notes: ["answers 500 the first time, 200 on retry"] });

  // 部门: a DOCX behind a 301 → 302 chain (trs-shells.ts), the list answers 429 once.
  const edu = cover("edu-2023", `${NB}/bm/202401/t20240126_7103.html`, "P020240126701234567890.docx", "部门", `${NB}/bm/index.html`, "2024-01-26 16:20", "link");
  shelf.put("edu-2023", await syntheticAsset("xishan-edu-2023", "docx"), { ...edu, notes: ["DOCX attachment; the main list links it through a 301 → 302 redirect chain"] });

  // 乡镇街道: a PDF whose link only a script writes (503 once), a DOCX, an inline report behind a meta refresh.
  const dh = cover("donghu-2023", `${NB}/xzjd/202401/t20240126_7106.html`, "P020240126398765432101.pdf", "乡镇街道", `${NB}/xzjd/index.html`, "2024-01-26 11:00", "script");
  shelf.put("donghu-2023", fixtureAsset("pdf/carried-row.pdf"), { ...dh, notes: ["township report on the county portal; the attachment link is written by a script (var att = '<a …>'); the PDF answers 503 with Retry-After once"] });
  site.once(new URL(dh.url).pathname, { status: 503, headers: { "retry-after": "1" }, contentType: "text/html", body: "<html><body>503 Service Temporarily Unavailable</body></html>" });
  const bt = cover("beitang-2023", `${NB}/xzjd/202401/t20240127_7108.html`, "P020240127812345678901.docx", "乡镇街道", `${NB}/xzjd/index.html`, "2024-01-27 15:00", "link");
  shelf.put("beitang-2023", fixtureAsset("docx/report-2021-numbered.docx"), { ...bt, notes: ["township report as a DOCX attachment"] });
  const nl = `${NB}/xzjd/202401/t20240128_7104.html`;
  const nanling = inline("nanling-2023", "乡镇街道", `${NB}/xzjd/index.html`, "2024-01-28 08:40");
  site.page(nl, () => nanling(false));
  shelf.put("nanling-2023", await syntheticAsset("nanling-2023", "html"), { url: at(nl), via: at(`${NB}/xzjd/nanling.html`), paths: [{ site, path: nl }], notes: ["reached through a meta-refresh shell; robots.txt disallows it for User-agent * but not for nianbao, whose own group applies"] });

  // By year: the 2019 report as a .doc; the archive column (robots.txt: disallowed for nianbao).
  const y19 = cover("county-2019", `${NB}/gknb2019/202002/t20200210_7107.html`, "P020200210601234567890.doc", "2019年度", `${NB}/gknb2019/index.html`, "2020-02-10 10:00", "link");
  shelf.put("county-2019", fixtureAsset("doc/report-2019.doc"), { ...y19, notes: ["2019 (试行) template, .doc attachment, in a year sub-column only"] });
  const gd = `${NB}/gd/202201/t20220128_7105.html`;
  const archived = inline("county-2021", "历史归档", `${NB}/gd/index.html`, "2022-01-28 09:00");
  site.page(gd, () => archived(false));
  shelf.put("county-2021", await syntheticAsset("xishan-gov-2021", "html"), { url: at(gd), via: at(`${NB}/gd/index.html`), paths: [{ site, path: gd }] }, false);
  info.forbidden.push({ url: at(gd), why: "robots.txt: Disallow /zwgk/zfxxgknb/gd/ for User-agent nianbao (the 2021 report of 西山县人民政府 is there)" }, { url: at(`${NB}/gd/index.html`), why: "robots.txt: Disallow /zwgk/zfxxgknb/gd/ for User-agent nianbao" });

  // Lists: newest first, three rows a page on the main list; sub-columns one page each.
  const row = (id: string | undefined, href: string, title: string, date: string): Item => ({ id, row: { href, title, date } });
  const t = (name: string) => shelf.get(name).asset.title;
  const main: Item[] = [
    row("county-2023", "./xzf/202401/t20240130_7101.html", t("county-2023"), "2024-01-30"),
    row(undefined, "./xzf/202402/t20240205_7110.html", INTERPRETATION.row, INTERPRETATION.date),
    row("donghu-2023", "./xzjd/202401/t20240126_7106.html", t("donghu-2023"), "2024-01-26"),
    row("edu-2023", "./bm/t7103.html", t("edu-2023"), "2024-01-26"),
    row(undefined, "./xzf/202312/t20231220_7111.html", NOTICE.row, NOTICE.date),
    row(undefined, "./bm/202401/t20240125_7199.html", DEAD.row, DEAD.date),
    row("county-2022", "./xzf/202301/t20230131_7102.html", t("county-2022"), "2023-01-31"),
    row(undefined, "./xzjd/202301/t20230129_7198.html", SOFT_404.row, SOFT_404.date),
    row(undefined, "./xzf/202301/t20230105_7112.html", GUIDE.row, GUIDE.date),
  ];
  const sub: Record<string, { name: string; items: Item[] }> = {
    xzf: { name: "县政府", items: [row("county-2023", site.url(c23, "https"), t("county-2023"), "2024-01-30"), main[1], row("county-2022", "./202301/t20230131_7102.html", t("county-2022"), "2023-01-31")] },
    bm: { name: "部门", items: [row("edu-2023", "./202401/t20240126_7103.html", t("edu-2023"), "2024-01-26"), row(undefined, "./202401/t20240125_7199.html", DEAD.row, DEAD.date)] },
    xzjd: { name: "乡镇街道", items: [row("nanling-2023", "./nanling.html", t("nanling-2023"), "2024-01-28"), row("beitang-2023", "./202401/t20240127_7108.html", t("beitang-2023"), "2024-01-27"), row("donghu-2023", "./202401/t20240126_7106.html", t("donghu-2023"), "2024-01-26"), row(undefined, "./202301/t20230129_7198.html", SOFT_404.row, SOFT_404.date)] },
    gknb2019: { name: "2019年度", items: [row("county-2019", "./202002/t20200210_7107.html", t("county-2019"), "2020-02-10")] },
    gd: { name: "历史归档", items: [row("county-2021", "./202201/t20220128_7105.html", t("county-2021"), "2022-01-28")] },
  };
  const live = (items: Item[]) => items.filter((i) => !i.id || shelf.live(i.id)).map((i) => i.row);
  const subnav = `<div class="subnav">${[["xzf/index.html", "县政府"], ["bm/default.htm", "部门"], ["xzjd/index.html", "乡镇街道"], ["gknb2019/index.html", "2019年度"], ["gd/index.html", "历史归档"]].map(([h, n]) => `<a href="./${h}">${n}</a>`).join(" | ")}</div>`;
  const PER_PAGE = 3;
  const mainPage = (n: number): Reply | undefined => {
    const rows = live(main);
    const pages = Math.max(1, Math.ceil(rows.length / PER_PAGE));
    if (n >= pages) return undefined;
    return html(trsPage("政府信息公开年报", crumbs(`${NB}/index.html`, "全部").slice(0, 3), `${subnav}\n${rowsHtml(rows.slice(n * PER_PAGE, (n + 1) * PER_PAGE))}\n${scriptPager(pages, n, "createPageHTML")}`, `<meta name="ColumnName" content="政府信息公开年报" />\n`));
  };
  site.match((req) => {
    const m = req.path.match(/^\/zwgk\/zfxxgknb\/index(?:_(\d+))?\.html$/);
    return m ? mainPage(Number(m[1] ?? 0)) : undefined;
  });
  for (const [dir, s] of Object.entries(sub)) site.page(`${NB}/${dir}/index.html`, () => html(trsPage(s.name, crumbs(`${NB}/${dir}/index.html`, s.name), `${rowsHtml(live(s.items))}\n${scriptPager(1, 0, "countPage")}`)));

  addTrsShells(site, info);
  info.nonReports.push(...addTraps(site), ...[edu, dh, bt, y19].map((c) => ({ url: c.via, what: "cover page of a report attached as a file" })));
  info.notes.push("the main list's pager is only a script: createPageHTML(3, n, \"index\", \"html\")", "bm/index.html answers 429 with Retry-After: 1 the first time", "the link to 西山县林业局's report answers 404", "/zwgk/tzgg/ answers every index_N.html with its first page", "https twin: the port also speaks TLS (self-signed certificate for 127.0.0.1)");

  const addReport = async (report: SyntheticReport) => {
    const id = String(8000 + main.length), path = `${NB}/xzjd/202501/t20250120_${id}.html`, name = `added-${id}`;
    const added = inline(name, "乡镇街道", `${NB}/xzjd/index.html`, "2025-01-20 09:00");
    site.page(path, () => added(false));
    const entry = shelf.put(name, inlineAsset(report, "added by mutate.addReport (synthetic)"), { url: at(path), via: at(`${NB}/xzjd/index.html`), paths: [{ site, path }], notes: ["added by mutate.addReport"] });
    main.unshift(row(name, `./xzjd/202501/t20250120_${id}.html`, report.title, "2025-01-20"));
    sub.xzjd.items.unshift(row(name, `./202501/t20250120_${id}.html`, report.title, "2025-01-20"));
    return entry.expected;
  };
  return { info, servers: [site], shelf, addReport, newAgency: "青龙镇人民政府" };
}
