import type { Hono } from "hono";
import { recentChanges } from "../../store/recent-changes.ts";
import { regionAgencies, regionChildren } from "../../store/region-tree.ts";
import { reportFacets } from "../../store/report-facets.ts";
import type { Deps } from "../app.ts";
import { APP_JS } from "../assets/app-js.ts";
import { STYLE_CSS } from "../assets/style-css.ts";
import { html } from "../html.ts";
import * as P from "../params.ts";
import { sendHtml, sendText } from "../respond.ts";
import { homePage, regionPage } from "../views/home-view.ts";
import { page } from "../views/layout.ts";

// The front page, the region pages, the static files, the API's index, and a trivial route.

export function homeRoutes(app: Hono, { db }: Deps): void {
  app.get("/", async (c) => {
    const q = new URL(c.req.url).searchParams;
    const [facets, tree, changes] = await Promise.all([reportFacets(db, {}), regionChildren(db, ""), recentChanges(db, 15)]);
    return sendHtml(c, homePage({ facets, children: tree.children, unplaced: tree.unplaced, changes, q }));
  });
  app.get("/regions", async (c) => {
    const q = new URL(c.req.url).searchParams;
    const path = P.optionalText(q, "path", 200) ?? "";
    const [tree, agencies] = await Promise.all([regionChildren(db, path), regionAgencies(db, path || null)]);
    return sendHtml(c, regionPage({ path, children: path ? tree.children : [], agencies }));
  });
  app.get("/static/style.css", (c) => sendText(c, STYLE_CSS, "text/css; charset=utf-8", 200, { "cache-control": "public, max-age=3600" }));
  app.get("/static/app.js", (c) => sendText(c, APP_JS, "text/javascript; charset=utf-8", 200, { "cache-control": "public, max-age=3600" }));
  app.get("/favicon.ico", () => new Response(null, { status: 204, headers: { "cache-control": "public, max-age=86400" } }));
  app.get("/healthz", (c) => sendText(c, "ok\n", "text/plain; charset=utf-8"));
  app.get("/api", (c) => sendHtml(c, page({ title: "JSON API", nav: "api", json: "/api/openapi.json", crumbs: [{ href: "/", label: "首页" }, { label: "API" }] }, html`
<p>与网页相同的数据，供程序读取。完整说明见 <a href="/api/openapi.json">OpenAPI 3.1 文档</a>。列表返回 <code>{"items": [...], "next_cursor": …}</code>，把 <code>next_cursor</code> 作为 <code>cursor=</code> 取下一页。</p>
<table><caption>接口</caption><thead><tr><th scope="col">请求</th><th scope="col">内容</th></tr></thead><tbody>
<tr><th scope="row"><a href="/api/reports"><code>GET /api/reports?year=&amp;region=&amp;agency=&amp;template=&amp;failed_checks=&amp;cursor=</code></a></th><td>报告列表（分页）</td></tr>
<tr><th scope="row"><code>GET /api/reports/:id</code></th><td>一份报告：当前版本的记录、校验、全部版本及其抓取记录</td></tr>
<tr><th scope="row"><code>GET /api/reports/:id/versions/:version</code></th><td>过去某一版本的记录</td></tr>
<tr><th scope="row"><code>GET /api/diff?agency=&amp;from=&amp;to=</code></th><td>同一机关两个年度的比较（或 report=&amp;from=&amp;to= 比较两个版本）</td></tr>
<tr><th scope="row"><code>GET /api/values?key=&amp;year=&amp;region=</code></th><td>一个数据项在各机关的数值（长表）</td></tr>
<tr><th scope="row"><code>GET /api/search?q=&amp;year=&amp;region=&amp;cursor=</code></th><td>全文检索，含摘录</td></tr>
</tbody></table>`)));
}
