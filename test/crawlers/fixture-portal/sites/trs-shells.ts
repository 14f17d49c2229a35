import { html, type FixtureSite } from "../site-server.ts";
import type { PortalSiteInfo } from "../types.ts";
import { trsPage } from "./trs-pages.ts";

// The TRS county portal's way in and its detours: homepage, the 政务公开 channel (the column's
// link text split by <br>), robots.txt with a group for nianbao, a location.href shell, a
// meta-refresh shell, a 301 → 302 redirect chain, and a 429 with Retry-After.

const NB = "/zwgk/zfxxgknb";

export function addTrsShells(site: FixtureSite, info: PortalSiteInfo): void {
  const home = () => html(trsPage("首页", [["/", "首页"]], `<div class="focus"><h3>要闻动态</h3><ul>
<li><a href="/xwzx/202402/t20240220_6001.html">西山县召开2024年全县经济工作会议</a></li>
<li><a href="/xwzx/202402/t20240218_6002.html">西山县开展春季植树造林活动</a></li></ul></div>
<div class="zwgk"><h3><a href="/zwgk/index.html">政务公开</a></h3><ul>
<li><a href="/zwgk/zfxxgknb/index.html">政府信息公开年报</a></li><li><a href="/zwgk/tzgg/index.html">通知公告</a></li></ul></div>`));
  site.page("/", home);
  site.page("/index.html", home);
  site.page("/zwgk/index.html", () => html(trsPage("政务公开", [["/", "首页"], ["/zwgk/index.html", "政务公开"]], `<div class="gk-menu"><ul>
<li><a href="./jgzn/index.html">机构职能</a></li>
<li><a href="./zcwj/index.html">政策文件</a></li>
<li><a href="./zfxxgkzn/index.html">政府信息公开指南</a></li>
<li><a href="./zfxxgknb/index.html">政府信息<br />公开年报</a></li>
<li><a href="./zfwzgzndbb/index.html">政府网站工作年度报表</a></li>
<li><a href="./tzgg/index.html">通知公告</a></li>
</ul></div>`)));

  site.page("/robots.txt", () => ({ body: `# robots.txt 西山县人民政府门户网站
User-agent: *
Disallow: /search/
Disallow: /zwgk/zfxxgknb/xzjd/202401/t20240128_7104.html

User-agent: nianbao
Disallow: /search/
Disallow: /zwgk/zfxxgknb/gd/
`, contentType: "text/plain" }));

  // 部门 is linked as bm/default.htm: a shell whose script sends the browser to index.html.
  site.page(`${NB}/bm/default.htm`, () => html(`<html><head><meta charset="utf-8"><title>部门</title></head><body><script type="text/javascript">window.location.href = "index.html";</script></body></html>`));
  // The 南岭乡 row links a meta-refresh shell.
  site.page(`${NB}/xzjd/nanling.html`, () => html(`<html><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=./202401/t20240128_7104.html"><title>正在跳转</title></head><body>页面正在跳转……</body></html>`));
  // The main list links the 教育局 report by an old address: 301 to a tracking URL, 302 to the page.
  const edu = `${NB}/bm/202401/t20240126_7103.html`;
  site.page(`${NB}/bm/t7103.html`, () => ({ status: 301, headers: { location: `${edu}?from=list` }, contentType: "text/html", body: "<html><body>301 Moved Permanently</body></html>" }));
  site.page(`${edu}?from=list`, () => ({ status: 302, headers: { location: edu }, contentType: "text/html", body: "<html><body>302 Found</body></html>" }));

  site.once(`${NB}/bm/index.html`, { status: 429, headers: { "retry-after": "1" }, contentType: "text/html", body: "<html><body>429 Too Many Requests</body></html>" });

  info.notes.push("robots.txt: User-agent * disallows 南岭乡's report page, User-agent nianbao disallows /zwgk/zfxxgknb/gd/ only (RFC 9309: the specific group applies alone)");
  info.notes.push("部门 (bm/default.htm) is a location.href shell; 南岭乡 (xzjd/nanling.html) a meta-refresh shell; bm/t7103.html 301 → ?from=list 302 → the page");
}
