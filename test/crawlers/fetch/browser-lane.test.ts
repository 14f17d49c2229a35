import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserLane, type PageAnswer, type PageRequest } from "../../../src/crawlers/fetch/browser-lane.ts";

// The browser lane's render job in a real Chromium: every request of the page answered by the
// caller (no network at all here), a list's pages turned through the pager controls real portals
// use, and the stops — the list's end, a page already seen, a link discovery follows itself, the
// page limit.

let lane: BrowserLane;
beforeAll(() => { lane = new BrowserLane({ userAgent: "nianbao/test" }); });
afterAll(() => lane.close());

type Style = "text" | "layui" | "symbol-button" | "sticky" | "real-link";

/** A list of `pages` pages whose rows come from XHR answers (`/api?page=N`), with the pager control of `style`. */
function listPage(style: Style, pages: number): string {
  const control = {
    text: `n < ${pages} ? '<a href="javascript:;" data-page="' + (n + 1) + '">下一页</a>' : '<span class="disabled">下一页</span>'`,
    layui: `'<a href="javascript:;" class="layui-laypage-next' + (n < ${pages} ? '' : ' layui-disabled') + '" data-page="' + (n + 1) + '">下一页</a>'`,
    "symbol-button": `'<button type="button" class="btn-next"' + (n < ${pages} ? '' : ' disabled') + ' data-page="' + (n + 1) + '">›</button>'`,
    sticky: `'<a href="#" data-page="' + Math.min(n + 1, ${pages}) + '">下一页</a>'`,
    "real-link": `'<a href="index_' + n + '.html">下一页</a>'`,
  }[style];
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>年报</title><link rel="stylesheet" href="/s.css"></head><body>
<img src="/logo.png"><ul id="list"><li><a href="/nb/r1.html">第1条</a></li></ul><div id="pager"></div>
<script>
function pager(n) { document.getElementById("pager").innerHTML = '<span>共 ${pages} 页</span>' + (${control}); }
function go(n) {
  var x = new XMLHttpRequest(); x.open("GET", "/api?page=" + n);
  x.onload = function () { document.getElementById("list").innerHTML = JSON.parse(x.responseText).rows.map(function (r) { return '<li><a href="' + r.url + '">' + r.title + '</a></li>'; }).join(""); pager(n); };
  x.send();
}
document.getElementById("pager").onclick = function (e) { var p = e.target.getAttribute("data-page"); if (p) { go(Number(p)); return false; } };
pager(1);
</script></body></html>`;
}

async function render(style: Style, { pages = 3, maxPages = 10 } = {}) {
  const requests: PageRequest[] = [];
  const answer = async (r: PageRequest): Promise<PageAnswer | undefined> => {
    requests.push(r);
    const url = new URL(r.url);
    if (r.mainDocument) return { status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: Buffer.from(listPage(style, pages)) };
    if (url.pathname === "/api") {
      const n = Number(url.searchParams.get("page"));
      return { status: 200, headers: { "content-type": "application/json" }, body: Buffer.from(JSON.stringify({ rows: [{ title: `第${n}页`, url: `/nb/r${n}.html` }] })) };
    }
    return undefined; // images, style sheets: refused
  };
  const rendered = await lane.render("http://list.example.gov.cn/nb/index.html", { cookies: [], answer, maxPages });
  const rows = rendered.snapshots.map((s) => [...s.html.matchAll(/href="(\/nb\/r\d\.html)"/g)].map((m) => m[1]).join(","));
  return { rendered, rows, requests };
}

describe.runIf(BrowserLane.available())("rendering a script-only list", () => {
  it("turns its pages by the 下一页 link its script writes, until the control is disabled; every request asked of the caller", async () => {
    const { rendered, rows, requests } = await render("text");
    expect(rows).toEqual(["/nb/r1.html", "/nb/r2.html", "/nb/r3.html"]);
    expect(rendered.stopped).toBe("end");
    expect(requests.filter((r) => r.mainDocument).map((r) => r.url)).toEqual(["http://list.example.gov.cn/nb/index.html"]);
    expect(requests.filter((r) => r.resourceType === "xhr").map((r) => r.url)).toEqual([2, 3].map((n) => `http://list.example.gov.cn/api?page=${n}`));
    expect(new Set(requests.map((r) => r.resourceType))).toEqual(new Set(["document", "stylesheet", "image", "xhr"]));
    expect(requests.find((r) => r.resourceType === "xhr")?.headers["user-agent"]).toBe("nianbao/test");
  });

  it("knows a layui pager's disabled class and a disabled ›-button", async () => {
    for (const style of ["layui", "symbol-button"] as const) {
      const { rendered, rows } = await render(style, { pages: 2 });
      expect(rows, style).toEqual(["/nb/r1.html", "/nb/r2.html"]);
      expect(rendered.stopped, style).toBe("end");
    }
  });

  it("stops when the next control shows a page already seen, leaves real next-page links to discovery, and keeps to the page limit", async () => {
    const sticky = await render("sticky", { pages: 2 });
    expect(sticky.rows).toEqual(["/nb/r1.html", "/nb/r2.html"]);
    expect(sticky.rendered.stopped).toBe("end");
    const link = await render("real-link");
    expect(link.rows).toEqual(["/nb/r1.html"]);
    expect(link.requests.filter((r) => r.resourceType === "document")).toHaveLength(1);
    const limited = await render("text", { maxPages: 2 });
    expect(limited.rows).toEqual(["/nb/r1.html", "/nb/r2.html"]);
    expect(limited.rendered.stopped).toBe("max-pages");
  });
}, 120_000);
