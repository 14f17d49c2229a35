import iconv from "iconv-lite";
import type { SyntheticReport } from "../../../support/synthetic-report.ts";
import { escapeHtml, reportBodyHtml } from "../report-body.ts";
import { fixtureAsset, inlineAsset } from "../report-assets.ts";
import { ReportShelf } from "../report-shelf.ts";
import { FixtureSite, type Reply } from "../site-server.ts";
import type { PortalSiteInfo } from "../types.ts";
import type { SiteContext, SiteModule } from "./site-module.ts";

// 青山镇人民政府 (an old GBK site): every page is GBK, the charset declared only in
// <meta http-equiv> and never in the Content-Type header (text/html). The 2023 report inline (the
// GBK Word-pasted fixture page), the 2020 report as a PDF attachment.

const gbk = (page: string, modified?: Date): Reply => ({ body: iconv.encode(page, "gbk"), contentType: "text/html", ...(modified ? { modified } : {}) });
const day = (date: string) => new Date(`${date}T09:00:00+08:00`);

function page(title: string, content: string): string {
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=gbk" />
<title>${escapeHtml(title)}_青山镇人民政府</title>
</head>
<body>
<div class="top">青山镇人民政府门户网站</div>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/zjqs/">走进青山</a></div>
${content}
<div class="footer">版权所有：青山镇人民政府　地址：青山镇人民路1号</div>
</body>
</html>`;
}

interface Row { id?: string; href: string; title: string; date: string }

export async function gbkPortal(ctx: SiteContext): Promise<SiteModule> {
  const site = new FixtureSite("gbk", { log: ctx.log, latencyMs: ctx.latencyMs, server: "Microsoft-IIS/7.5", published: day("2024-01-22") });
  await site.start();
  const info: PortalSiteInfo = { name: "gbk", family: "trs", url: site.url("/"), host: site.host, hosts: [site.host], expected: [], nonReports: [], forbidden: [], notes: [] };
  const shelf = new ReportShelf("gbk", info.expected);
  const at = (path: string) => site.url(path);
  const rows: Row[] = [];

  const r23 = "/zwgk/ndbg/202401/t20240120_301.html";
  site.page(r23, () => ({ body: shelf.get("qingshan-2023").asset.bytes, contentType: "text/html", modified: day("2024-01-20") }));
  shelf.put("qingshan-2023", fixtureAsset("html/trs-gbk-word.html"), { url: at(r23), via: at("/zwgk/ndbg/"), paths: [{ site, path: r23 }], notes: ["GBK bytes, the charset only in <meta http-equiv>; served as text/html without charset", "the page is test/fixtures/html/trs-gbk-word.html as is"] });
  rows.push({ id: "qingshan-2023", href: "./202401/t20240120_301.html", title: shelf.get("qingshan-2023").asset.title, date: "2024-01-20" });

  const c20 = "/zwgk/ndbg/202102/t20210205_251.html", pdf = "/zwgk/ndbg/202102/P020210205345678901234.pdf";
  const r20 = fixtureAsset("pdf/template-2019.pdf");
  site.page(c20, () => gbk(page(r20.title, `<div class="article"><h1>${r20.title}</h1><div class="TRS_Editor"><p>现将${r20.title}予以公布。</p></div><p>附件：<a href="./P020210205345678901234.pdf">${r20.title}.pdf</a></p></div>`), day("2021-02-05")));
  site.page(pdf, () => ({ body: shelf.get("qingshan-2020").asset.bytes, contentType: "application/pdf", modified: day("2021-02-05") }));
  shelf.put("qingshan-2020", r20, { url: at(pdf), via: at(c20), paths: [{ site, path: c20 }, { site, path: pdf }], notes: ["2019 (试行) template PDF, linked from a GBK cover page"] });
  rows.push({ id: "qingshan-2020", href: "./202102/t20210205_251.html", title: r20.title, date: "2021-02-05" });
  info.nonReports.push({ url: at(c20), what: "GBK cover page of a report attached as a file" });

  const live = () => rows.filter((r) => !r.id || shelf.live(r.id));
  site.page("/zwgk/ndbg/", () => gbk(page("政府信息公开年报", `<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a> &gt; 政府信息公开年报</div>
<table class="list" width="100%">${live().map((r) => `<tr><td><a href="${r.href}" title="${escapeHtml(r.title)}" target="_blank">${escapeHtml(r.title)}</a></td><td>${r.date}</td></tr>`).join("\n")}</table>`)));
  site.page("/zwgk/", () => gbk(page("政务公开", `<ul><li><a href="/zwgk/zcwj/">政策文件</a></li><li><a href="/zwgk/ndbg/">政府信息公开年报</a></li><li><a href="/zwgk/czyjs/">财政预决算</a></li></ul>`)));
  site.page("/", () => gbk(page("首页", `<div class="news"><a href="/xwdt/202402/t20240210_330.html">青山镇开展春节走访慰问活动</a></div><div class="gk"><a href="/zwgk/">政务公开</a></div>`)));
  info.notes.push("every HTML page is GBK with the charset only in <meta>; Content-Type is text/html without a charset");

  const addReport = async (report: SyntheticReport) => {
    const id = 400 + rows.length, path = `/zwgk/ndbg/202501/t20250120_${id}.html`, name = `added-${id}`;
    site.page(path, () => gbk(page(report.title, `<div class="article"><h1>${report.title}</h1><div class="TRS_Editor">${reportBodyHtml(shelf.get(name).asset.synthetic!, false)}</div></div>`), day("2025-01-20")));
    const entry = shelf.put(name, inlineAsset(report, "added by mutate.addReport (synthetic)"), { url: at(path), via: at("/zwgk/ndbg/"), paths: [{ site, path }], notes: ["added by mutate.addReport; GBK"] });
    rows.unshift({ id: name, href: `./202501/t20250120_${id}.html`, title: report.title, date: "2025-01-20" });
    return entry.expected;
  };
  return { info, servers: [site], shelf, addReport, newAgency: "青山镇人民政府" };
}
