import { reportBodyHtml } from "../test/crawlers/fixture-portal/report-body.ts";
import { coverText, rowsHtml, scriptPager, trsDetail, trsPage, type Row } from "../test/crawlers/fixture-portal/sites/trs-pages.ts";
import { syntheticReport } from "../test/support/synthetic-report.ts";
import type { BenchPlan } from "./crawl-portal-plan.ts";

// Every page and file of the benchmark portal, as path → bytes: a TRS county portal (云山县, made
// up) with a 年报 column of one sub-column per year and eight news columns, lists paged by a
// script pager (index.html, index_1.html …), report details inline or with an attachment.

export interface BenchFile { body: Buffer; contentType: string }
export interface BenchReportUrl { path: string; agency: string; year: number; format: "html" | "pdf" | "docx" }

const SITE = "云山县人民政府";
const HTML = "text/html; charset=utf-8";
const TYPES = { pdf: "application/pdf", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" };
const NEWS_NAMES = ["工作动态", "部门动态", "乡镇动态", "通知公告", "政策文件", "政策解读", "人事信息", "财政信息"];

export function benchPages(plan: BenchPlan, attachments: Map<number, Buffer>): { files: Map<string, BenchFile>; reports: BenchReportUrl[] } {
  const files = new Map<string, BenchFile>();
  const page = (path: string, html: string) => files.set(path, { body: Buffer.from(html), contentType: HTML });
  const reports: BenchReportUrl[] = [];
  const crumbs = (href: string, name: string): [string, string][] => [["/", "首页"], ["/zwgk/index.html", "政务公开"], [href, name]];

  /** A column's list pages (index.html, index_1.html …) with the TRS script pager. */
  const lists = (dir: string, name: string, rows: Row[]) => {
    const pages = Math.max(1, Math.ceil(rows.length / plan.perPage));
    for (let n = 0; n < pages; n++) {
      const slice = rows.slice(n * plan.perPage, (n + 1) * plan.perPage);
      page(`${dir}${n === 0 ? "index" : `index_${n}`}.html`, trsPage(name, crumbs(`${dir}index.html`, name), `${rowsHtml(slice)}\n${scriptPager(pages, n, "createPageHTML")}`, "", SITE));
    }
  };

  for (const year of plan.years) {
    const dir = `/zwgk/zfxxgknb/${year}/`;
    const rows: Row[] = [];
    for (const r of plan.reports.filter((x) => x.options.year === year)) {
      const report = syntheticReport(r.options);
      const id = 100_000 + r.index;
      const detail = `${r.date.slice(0, 6)}/t${r.date}_${id}.html`;
      const pubDate = `${r.date.slice(0, 4)}-${r.date.slice(4, 6)}-${r.date.slice(6)}`;
      const common = { site: SITE, title: report.title, pubDate: `${pubDate} 09:00`, source: report.agency, column: `${year}年度`, crumbs: crumbs(`${dir}index.html`, `${year}年度`) };
      if (r.format === "html") {
        page(dir + detail, trsDetail({ ...common, body: reportBodyHtml(report, false) }));
        reports.push({ path: dir + detail, agency: report.agency, year: report.year, format: "html" });
      } else {
        const file = `${r.date.slice(0, 6)}/P0${r.date}${id}.${r.format}`;
        page(dir + detail, trsDetail({ ...common, body: coverText(report.title), attachments: [{ href: `./P0${r.date}${id}.${r.format}`, name: `${report.title}.${r.format}` }] }));
        files.set(dir + file, { body: attachments.get(r.index)!, contentType: TYPES[r.format] });
        reports.push({ path: dir + file, agency: report.agency, year: report.year, format: r.format });
      }
      rows.push({ href: `./${detail}`, title: report.title, date: pubDate });
    }
    lists(dir, `${year}年度`, rows);
  }
  page("/zwgk/zfxxgknb/index.html", trsPage("政府信息公开年报", crumbs("/zwgk/zfxxgknb/index.html", "政府信息公开年报"), `<ul class="sub">${plan.years.map((y) => `<li><a href="./${y}/index.html">${y}年度</a></li>`).join("")}</ul>`, "", SITE));

  for (let k = 0; k < plan.newsColumns; k++) {
    const dir = `/xwzx/col${k + 1}/`;
    const rows: Row[] = [];
    for (let i = k; i < plan.news; i += plan.newsColumns) {
      const date = `2024${String(1 + (i % 12)).padStart(2, "0")}${String(1 + (i % 28)).padStart(2, "0")}`;
      const title = `云山县${NEWS_NAMES[k]}第${i + 1}期：${["召开专题会议", "开展调研活动", "部署重点工作", "推进项目建设"][i % 4]}`;
      const path = `${date.slice(0, 6)}/t${date}_${200_000 + i}.html`;
      page(dir + path, trsDetail({ site: SITE, title, pubDate: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)} 10:00`, source: "云山县融媒体中心", column: NEWS_NAMES[k], crumbs: crumbs(`${dir}index.html`, NEWS_NAMES[k]),
        body: `<p style="text-indent:2em">${title}。会议强调，要坚持问题导向，狠抓工作落实，确保各项任务按期完成。（第${i + 1}篇）</p>`.repeat(3) }));
      rows.push({ href: `./${path}`, title, date: `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6)}` });
    }
    lists(dir, NEWS_NAMES[k], rows);
  }
  const columns = NEWS_NAMES.slice(0, plan.newsColumns).map((n, k) => `<li><a href="/xwzx/col${k + 1}/index.html">${n}</a></li>`).join("");
  page("/xwzx/index.html", trsPage("新闻中心", [["/", "首页"]], `<ul>${columns}</ul>`, "", SITE));
  page("/zwgk/index.html", trsPage("政务公开", [["/", "首页"]], `<ul><li><a href="./zfxxgknb/index.html">政府信息公开年报</a></li></ul>`, "", SITE));
  page("/", trsPage("首页", [["/", "首页"]], `<div><a href="/xwzx/index.html">新闻中心</a> <a href="/zwgk/index.html">政务公开</a></div>`, "", SITE));
  files.set("/robots.txt", { body: Buffer.from("User-agent: *\nDisallow: /search/\n"), contentType: "text/plain" });
  return { files, reports };
}
