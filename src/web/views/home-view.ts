import type { ArchiveChange } from "../../store/recent-changes.ts";
import type { ReportFacets } from "../../store/report-facets.ts";
import type { RegionAgency, RegionNode } from "../../store/region-tree.ts";
import { formatDateTime } from "../format.ts";
import { html, type Html } from "../html.ts";
import { agencyUrl, regionUrl, reportsUrl, reportUrl, versionUrl } from "../links.ts";
import { page } from "./layout.ts";
import { searchForm } from "./search-view.ts";

// The front page: search, browse by place and by year, the archive's size, its latest changes;
// and the region pages (the places below one, and the agencies placed there).

const CHANGE_LABEL = { new_report: "新报告", new_version: "新版本", removed: "原网页删除" } as const;

export function regionList(children: readonly RegionNode[], unplaced?: { agencies: number; reports: number }): Html {
  return html`<ul class="regions">${children.map((c) => html`<li><a href="${regionUrl(c.path)}">${c.name}</a> <span class="muted">${c.agencies} 个机关 · ${c.reports} 份</span></li>`)}
${unplaced && unplaced.agencies ? html`<li><a href="/regions?path=">未标注地区</a> <span class="muted">${unplaced.agencies} 个机关 · ${unplaced.reports} 份</span></li>` : ""}</ul>`;
}

export function homePage(o: { facets: ReportFacets; children: RegionNode[]; unplaced: { agencies: number; reports: number }; changes: ArchiveChange[]; q: URLSearchParams }): Html {
  const body = html`
${searchForm(o.q)}
<p>档案共收录 <strong>${o.facets.total}</strong> 份年度报告${o.facets.failing ? html`，其中 <a href="${reportsUrl({ failed_checks: "any" })}">${o.facets.failing} 份表格校验未通过</a>` : ""}。</p>
<h2 id="regions">按地区浏览</h2>
${o.children.length || o.unplaced.agencies ? regionList(o.children, o.unplaced) : html`<p class="muted">档案为空：用 <code>nianbao ingest</code> 收录报告。</p>`}
<h2 id="years">按年度浏览</h2>
<ul class="regions">${o.facets.years.map((y) => html`<li><a href="${reportsUrl({ year: y.value })}">${y.value} 年度</a> <span class="muted">${y.count} 份</span></li>`)}</ul>
<h2 id="changes">最近变化</h2>
${o.changes.length === 0 ? html`<p class="muted">暂无。</p>` : html`<table>
<caption>最近收录的报告、新版本与删除</caption>
<thead><tr><th scope="col">时间</th><th scope="col">变化</th><th scope="col">报告</th></tr></thead>
<tbody>${o.changes.map((c) => html`<tr><td>${formatDateTime(c.at)}</td><td>${CHANGE_LABEL[c.kind]}</td><th scope="row"><a href="${c.versionId && c.kind === "new_version" ? versionUrl(c.reportId, c.versionId) : reportUrl(c.reportId)}">${c.agency} ${c.year} 年度报告</a></th></tr>`)}</tbody>
</table>`}`;
  return page({ title: "政府信息公开工作年度报告", nav: "home", json: "/api/reports", csv: "/reports.csv" }, body);
}

export function regionPage(o: { path: string; children: RegionNode[]; agencies: RegionAgency[] }): Html {
  const parts = o.path.split("/").filter(Boolean);
  const name = parts[parts.length - 1] ?? "未标注地区";
  const crumbs = [{ href: "/", label: "首页" }, ...parts.map((p, i) => (i === parts.length - 1 ? { label: p } : { href: regionUrl(parts.slice(0, i + 1).join("/")), label: p })), ...(parts.length ? [] : [{ label: "未标注地区" }])];
  const body = html`
${parts.length ? html`<p><a href="${reportsUrl({ region: o.path })}">${name}的全部报告</a></p>` : ""}
${o.children.length ? html`<h2 id="below">下辖地区</h2>${regionList(o.children)}` : ""}
<h2 id="agencies">${parts.length ? `${name}本级机关` : "未标注地区的机关"}</h2>
${o.agencies.length === 0 ? html`<p class="muted">没有直接标注在此地区的机关。</p>` : html`<table>
<caption>${name} 的机关及收录年度</caption>
<thead><tr><th scope="col">机关</th><th scope="col">收录年度</th></tr></thead>
<tbody>${o.agencies.map((a) => html`<tr><th scope="row"><a href="${agencyUrl(a.id)}">${a.name}</a></th><td>${a.years.join("、")}</td></tr>`)}</tbody>
</table>`}`;
  return page({ title: name, crumbs, json: parts.length ? `/api/reports?region=${encodeURIComponent(o.path)}` : undefined, csv: parts.length ? `/reports.csv?region=${encodeURIComponent(o.path)}` : undefined, nav: "home" }, body);
}
