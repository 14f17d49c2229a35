import type { SyntheticReport } from "../../../support/synthetic-report.ts";
import { reportBodyHtml } from "../report-body.ts";
import { fixtureAsset, inlineAsset, syntheticAsset, type ReportAsset } from "../report-assets.ts";
import { ReportShelf } from "../report-shelf.ts";
import { FixtureSite, html } from "../site-server.ts";
import type { PortalSiteInfo } from "../types.ts";
import { apiPage, catalogPage, postPage, postPath, SID, type Category, type Post } from "./gkmlpt-pages.ts";
import type { SiteContext, SiteModule } from "./site-module.ts";

// 白云区 (Guangdong gkmlpt): the homepage links /gkmlpt/index, a script application with no
// document links; the lists are JSON (/gkmlpt/api/all/{category}?page=N&sid=SID, two posts a
// page, page 0 = page 1, a wrong sid gets nothing). The port speaks plain HTTP only while the
// start URL says https. ETag only, no Last-Modified.

const PAGE_SIZE = 2;
const REPORTS = 10, DISTRICT = 11, TOWNS = 12, FORMS = 20;
const day = (date: string) => new Date(`${date}T09:00:00+08:00`);

export async function gkmlptPortal(ctx: SiteContext): Promise<SiteModule> {
  const site = new FixtureSite("gkmlpt", { log: ctx.log, latencyMs: ctx.latencyMs, validators: { etag: true, lastModified: false }, server: "openresty" });
  await site.start();
  const info: PortalSiteInfo = { name: "gkmlpt", family: "gkmlpt", url: `https://${site.host}/`, host: site.host, hosts: [site.host], expected: [], nonReports: [], forbidden: [], notes: [] };
  const shelf = new ReportShelf("gkmlpt", info.expected);
  const at = (path: string) => site.url(path);
  const posts: (Post & { report?: string })[] = [];

  const servePost = (p: Post, copied?: () => Buffer | undefined) => {
    site.page(postPath(p.id), () => {
      const bytes = copied?.();
      return bytes ? { body: bytes, contentType: "text/html; charset=utf-8", modified: day(p.date) } : html(postPage(p));
    });
  };
  const inline = (name: string, id: number, category: number, date: string, asset: ReportAsset, notes: string[]) => {
    const post: Post & { report: string } = { id, category, date, title: asset.title, publisher: asset.agency, report: name, body: () => reportBodyHtml(shelf.get(name).asset.synthetic!, true) };
    servePost(post, asset.synthetic ? undefined : () => shelf.get(name).asset.bytes);
    shelf.put(name, asset, { url: at(postPath(id)), via: at(`/gkmlpt/api/all/${category}?page=1&sid=${SID}`), paths: [{ site, path: postPath(id) }], notes });
    posts.push(post);
  };

  inline("office-2023", 2345601, DISTRICT, "2024-01-26", fixtureAsset("html/gkmlpt-utf8.html"), ["the page is test/fixtures/html/gkmlpt-utf8.html as is"]);
  inline("office-2022", 2345580, DISTRICT, "2023-01-30", await syntheticAsset("baiyun-office-2022", "html"), ["on the second page of the 政府信息公开年报 category's JSON"]);
  const jt = await syntheticAsset("baiyun-jingtai-2023", "pdf");
  const file = "/attachment/0/527/527301/2345610.pdf";
  const cover: Post & { report: string } = { id: 2345610, category: TOWNS, date: "2024-01-25", title: jt.title, publisher: jt.agency, report: "jingtai-2023",
    body: () => `<p>${jt.title}，详见附件。</p>`, attachment: { name: `${jt.title}.pdf`, path: file, type: "pdf" } };
  servePost(cover);
  site.page(file, () => ({ body: shelf.get("jingtai-2023").asset.bytes, contentType: "application/pdf" }));
  shelf.put("jingtai-2023", jt, { url: at(file), via: at(postPath(cover.id)), paths: [{ site, path: postPath(cover.id) }, { site, path: file }], notes: ["the attachment link says only 点击下载, the file name in alt; also listed in the JSON's attachment[]"] });
  posts.push(cover);
  info.nonReports.push({ url: at(postPath(cover.id)), what: "cover page of a report attached as a file" });

  const trap = (id: number, category: number, date: string, title: string, body: string, what: string) => {
    const p: Post = { id, category, date, title, publisher: "白云区景泰街道办事处", body: () => body };
    servePost(p);
    posts.push(p);
    info.nonReports.push({ url: at(postPath(id)), what });
  };
  trap(2345615, TOWNS, "2024-02-05", "白云区景泰街道办事处2023年政府信息公开工作年度报告（图文解读）", `<p>2023年，景泰街道主动公开政府信息186条，受理政府信息公开申请9件，全部按时办结。</p>`, "图文解读 titled with the report's name");
  trap(2345620, FORMS, "2024-01-15", "广州市白云区人民政府网站2023年政府网站工作年度报表", `<table border="1"><tr><td>网站名称</td><td>广州市白云区人民政府网站</td></tr><tr><td>独立用户访问总量（单位：个）</td><td>386512</td></tr><tr><td>网站总访问量（单位：次）</td><td>2651327</td></tr><tr><td>信息发布总数（单位：条）</td><td>5213</td></tr></table>`, "政府网站工作年度报表");

  const children = (id: number): number[] => (id === REPORTS ? [REPORTS, DISTRICT, TOWNS] : [id]);
  const live = (category: number) => posts.filter((p) => children(category).includes(p.category) && (!p.report || shelf.live(p.report))).sort((a, b) => b.date.localeCompare(a.date));
  const tree = (): Category[] => [
    { id: 1, name: "机构职能", post_count: 0, children: [] },
    { id: REPORTS, name: "政府信息公开年报", post_count: live(REPORTS).length, children: [
      { id: DISTRICT, name: "区政府", post_count: live(DISTRICT).length, children: [] },
      { id: TOWNS, name: "镇街", post_count: live(TOWNS).length, children: [] },
    ] },
    { id: FORMS, name: "政府网站工作年度报表", post_count: live(FORMS).length, children: [] },
  ];
  const find = (id: number, list = tree()): Category | undefined => list.map((c) => (c.id === id ? c : find(id, c.children))).find(Boolean);
  site.match((req) => {
    const m = req.path.match(/^\/gkmlpt\/api\/all\/(\d+)$/);
    if (!m) return undefined;
    const category = find(Number(m[1]));
    const empty = JSON.stringify({ articles: [], total: 0 });
    const body = !category || req.query.get("sid") !== SID ? empty : apiPage(live(category.id), Number(req.query.get("page") ?? 1), PAGE_SIZE, site.origin, category);
    return { body, contentType: "application/json; charset=utf-8" };
  });
  site.page("/gkmlpt/index", () => html(catalogPage(tree())));
  site.page("/", () => html(`<!DOCTYPE html><html><head><meta charset="utf-8"><title>广州市白云区人民政府</title></head><body><div class="nav"><a href="/">首页</a><a href="/zwgk/">政务公开</a><a href="/gkmlpt/index">政府信息公开</a></div><div class="news"><a href="/xwzx/content/post_2340001.html">区领导调研基层治理工作</a></div></body></html>`));
  info.notes.push("the start URL is https:// but the port speaks plain HTTP: the TLS handshake fails (log.refusedTls) and the crawler must fall back to http", "ETag only: If-None-Match gets 304, If-Modified-Since alone does not");

  const addReport = async (report: SyntheticReport) => {
    const id = 2346000 + posts.length, name = `added-${id}`;
    inline(name, id, TOWNS, "2025-01-20", inlineAsset(report, "added by mutate.addReport (synthetic)"), ["added by mutate.addReport"]);
    return shelf.get(name).expected;
  };
  return { info, servers: [site], shelf, addReport, newAgency: "白云区同和街道办事处" };
}
