import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { attachmentFile, DEMO_BODIES, DEMO_REPORTS, type DemoReportSpec } from "./demo-data.ts";
import { cover, detail, interpretation, page, rows, type Row } from "./demo-pages.ts";
import { demoReport, type DemoReport } from "./demo-report.ts";
import { bodyValues } from "./demo-values.ts";
import { reportHtml } from "./report-html.ts";

// Every page and file of the demo portal, built once at start-up: path → bytes. Inline reports
// are rendered from the generated values; the PDF and DOCX attachments were rendered from the
// same values once and are read from site/ (see README.md).

export interface DemoFile { body: Buffer; contentType: string; modified: Date }

export interface DemoSiteReport {
  agency: string;
  year: number;
  format: "html" | "pdf" | "docx";
  /** Path of the document the report is read from (detail page, or the attachment). */
  path: string;
  title: string;
  values: Record<string, number>;
}

const NB = "/zwgk/zfxxgknb";
const COLUMNS = { xzf: "县政府", bm: "部门", xz: "乡镇" } as const;
const HTML = "text/html; charset=utf-8";
const TYPES = { pdf: "application/pdf", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" };

/** The folder of the committed attachments: beside this file in src/, or src/crawlers/demo/site seen from dist/. */
export function siteDir(): string {
  const candidates = [new URL("./site/", import.meta.url), new URL("../../../src/crawlers/demo/site/", import.meta.url)].map((u) => fileURLToPath(u));
  const found = candidates.find((dir) => existsSync(join(dir, attachmentFile(DEMO_REPORTS.find((r) => r.format !== "html")!))));
  if (!found) throw new Error(`the demo portal's documents are missing (looked in ${candidates.join(" and ")}); reinstall nianbao`);
  return found;
}

/** Every demo report with its generated model, in publication order (newest first). */
export function demoReports(): { spec: DemoReportSpec; report: DemoReport }[] {
  const values = new Map(DEMO_BODIES.map((b) => [b, bodyValues(b, DEMO_REPORTS.filter((r) => r.body === b).map((r) => r.year).sort())]));
  return DEMO_REPORTS.map((spec) => ({ spec, report: demoReport(spec.body.agency, spec.year, values.get(spec.body)!.get(spec.year)!) }))
    .sort((a, b) => b.spec.published.localeCompare(a.spec.published));
}

export function buildDemoSite(documents = siteDir()): { files: Map<string, DemoFile>; reports: DemoSiteReport[] } {
  const files = new Map<string, DemoFile>();
  const put = (path: string, body: string | Buffer, modified: string, contentType = HTML) => files.set(path, { body: typeof body === "string" ? Buffer.from(body) : body, contentType, modified: new Date(`${modified}T09:00:00+08:00`) });
  const crumbs = (col?: keyof typeof COLUMNS): [string, string][] => [["/", "首页"], ["/zwgk/index.html", "政务公开"], [`${NB}/index.html`, "政府信息公开年报"], ...(col ? [[`${NB}/${col}/index.html`, COLUMNS[col]] as [string, string]] : [])];
  const reports: DemoSiteReport[] = [];
  const all: (Row & { col: keyof typeof COLUMNS })[] = [];
  const latest = DEMO_REPORTS.map((r) => r.published).sort().at(-1)!;

  const models = demoReports();
  for (const { spec, report } of models) {
    const day = spec.published.replace(/-/g, "");
    const dir = `${NB}/${spec.body.column}/${day.slice(0, 6)}/`;
    const path = `${dir}t${day}_${spec.id}.html`;
    const common = { title: report.title, published: spec.published, source: report.agency, crumbs: crumbs(spec.body.column) };
    if (spec.format === "html") {
      put(path, detail({ ...common, body: reportHtml(report) }), spec.published);
      reports.push({ agency: report.agency, year: report.year, format: "html", path, title: report.title, values: report.values });
    } else {
      const file = `P0${day}${spec.id}0001.${spec.format}`;
      put(path, detail({ ...common, body: cover(report.title), attachment: { href: `./${file}`, name: `${report.title}.${spec.format}` } }), spec.published);
      put(dir + file, readFileSync(join(documents, attachmentFile(spec))), spec.published, TYPES[spec.format]);
      reports.push({ agency: report.agency, year: report.year, format: spec.format, path: dir + file, title: report.title, values: report.values });
    }
    all.push({ col: spec.body.column, href: `./${spec.body.column}/${day.slice(0, 6)}/t${day}_${spec.id}.html`, title: report.title, date: spec.published });
  }

  // The 解读 of the county's latest report: titled with the report's name, not a report.
  const county = models.find((r) => r.spec.body.kind === "county")!;
  const jd = `${NB}/xzf/202502/t20250210_1090.html`;
  put(jd, detail({ title: `《${county.report.title}》解读`, published: "2025-02-10", source: "青峰县人民政府办公室", crumbs: crumbs("xzf"), body: interpretation(county.report.title, county.report.values["requests.new.total"], county.report.values["requests.total.total"]) }), "2025-02-10");
  all.unshift({ col: "xzf", href: "./xzf/202502/t20250210_1090.html", title: `《${county.report.title}》解读`, date: "2025-02-10" });

  const subnav = Object.entries(COLUMNS).map(([col, name]) => `<a href="./${col}/index.html">${name}</a>`).join(" | ");
  put(`${NB}/index.html`, page("政府信息公开年报", crumbs(), `<div class="subnav">${subnav}</div>\n${rows(all)}`), latest);
  for (const col of Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]) {
    const own = all.filter((r) => r.col === col).map((r) => ({ ...r, href: r.href.replace(`./${col}/`, "./") }));
    put(`${NB}/${col}/index.html`, page(COLUMNS[col], crumbs(col), rows(own)), latest);
  }
  put("/zwgk/index.html", page("政务公开", crumbs().slice(0, 2), `<ul><li><a href="./zfxxgkzn/index.html">政府信息公开指南</a></li><li><a href="./zfxxgknb/index.html">政府信息公开年报</a></li></ul>`), latest);
  const home = page("首页", [["/", "首页"]], `<div class="news"><h3>青峰要闻（虚构）</h3></div><div class="zwgk"><a href="/zwgk/index.html">政务公开</a></div>`);
  put("/", home, latest);
  put("/index.html", home, latest);
  put("/robots.txt", "User-agent: *\nDisallow: /search/\n", latest, "text/plain; charset=utf-8");
  return { files, reports };
}
