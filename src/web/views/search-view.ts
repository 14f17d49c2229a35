import type { ReportFacets } from "../../store/report-facets.ts";
import { RANK_LIMIT, type SearchPage } from "../../store/search-reports.ts";
import { html, type Html } from "../html.ts";
import { agencyUrl, reportUrl } from "../links.ts";
import { withParams, type Query } from "../params.ts";
import { facetsView } from "./facets.ts";
import { page } from "./layout.ts";

// Full-text search: the box, facets of the hits, the hits ranked with the text around each.

export function searchForm(q: Query, autofocus = false): Html {
  return html`<form class="search" method="get" action="/search" role="search">
<label>检索报告全文<input type="search" name="q" value="${q.get("q") ?? ""}" maxlength="200" placeholder="如：行政复议、依申请公开"${autofocus ? html` autofocus` : ""}></label>
<label>年度<input type="text" name="year" value="${q.get("year") ?? ""}" inputmode="numeric" pattern="[0-9]{4}" size="6"></label>
<label>地区<input type="text" name="region" value="${q.get("region") ?? ""}" maxlength="100" size="12"></label>
${q.get("template") ? html`<input type="hidden" name="template" value="${q.get("template")}">` : ""}
${q.get("failed_checks") ? html`<input type="hidden" name="failed_checks" value="${q.get("failed_checks")}">` : ""}
<button type="submit">检索</button>
</form>`;
}

const MODE_NOTE: Record<string, string> = {
  any: "没有报告按原样包含这些词，以下报告包含其全部字词（顺序不限）。",
  substring: "单个字按原文逐字查找。",
};

export function searchPage(o: { q: Query; query: string | undefined; result: SearchPage | null; facets: ReportFacets | null; next: string | null }): Html {
  const r = o.result;
  const body = html`
${searchForm(o.q, !o.query)}
${!o.query ? html`<p class="muted">输入词语检索所有报告的当前版本正文。中文无需空格；多个词用空格分开，须同时出现。</p>` : !r || r.hits.length === 0 ? html`<p class="note">没有报告的正文包含“${o.query}”。</p>` : html`
${r.limited ? html`<p class="note">超过 ${RANK_LIMIT} 份报告含有这些字词：以下只在其中最新的 ${RANK_LIMIT} 份里查找并按相关度排序，统计也只计这些报告。限定年度或地区可缩小范围。</p>` : ""}
<p>${r.limited ? "其中" : "约"} <strong>${o.facets?.total ?? r.hits.length}</strong> 份报告包含“${o.query}”。${MODE_NOTE[r.mode] ?? ""}</p>
${o.facets ? facetsView(o.facets, "/search", o.q) : ""}
<ol class="hits">${r.hits.map((h) => html`<li>
<p><a href="${reportUrl(h.reportId)}">${h.agency} ${h.year} 年度报告</a> <span class="muted">${h.region ?? ""}</span> · <a href="${agencyUrl(h.agencyId)}">历年</a></p>
${h.title ? html`<p class="muted">${h.title}</p>` : ""}
${h.snippet ? html`<p class="snippet">…${h.snippet.before}<mark>${h.snippet.hit}</mark>${h.snippet.after}…</p>` : ""}
</li>`)}</ol>
<p class="pager">${o.q.get("cursor") ? html`<a href="${withParams("/search", o.q, { cursor: undefined })}">回到第一页</a> ` : ""}${o.next ? html`<a href="${withParams("/search", o.q, { cursor: o.next })}" rel="next">下一页</a>` : ""}</p>`}`;
  const title = o.query ? `检索：${o.query}` : "全文检索";
  return page({
    title, crumbs: [{ href: "/", label: "首页" }, { label: "全文检索" }], nav: "search",
    json: o.query ? withParams("/api/search", o.q, {}) : undefined, csv: o.query ? withParams("/search.csv", o.q, { cursor: undefined }) : undefined,
  }, body);
}
