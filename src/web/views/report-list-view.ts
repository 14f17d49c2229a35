import type { ReportSummary } from "../../store/list-reports.ts";
import type { ReportFacets } from "../../store/report-facets.ts";
import { formatDate } from "../format.ts";
import { html, type Html } from "../html.ts";
import { ruleLabel, templateLabel } from "../labels.ts";
import { agencyUrl, reportUrl } from "../links.ts";
import { withParams, type Query } from "../params.ts";
import { facetsView } from "./facets.ts";
import { page } from "./layout.ts";

// The list of reports for a filter: facets, one row per report, keyset paging.

export function reportsTable(reports: readonly ReportSummary[], caption: string): Html {
  return html`<div class="wide"><table>
<caption>${caption}</caption>
<thead><tr><th scope="col">机关</th><th scope="col">年度</th><th scope="col">地区</th><th scope="col">表格格式</th><th scope="col" class="num">版本数</th><th scope="col">未通过校验</th></tr></thead>
<tbody>${reports.map((r) => html`<tr><th scope="row"><a href="${agencyUrl(r.agencyId)}">${r.agency}</a></th><td><a href="${reportUrl(r.id)}">${r.year} 年度报告</a>${r.removedAt ? html` <span class="muted">（${formatDate(r.removedAt)} 删除）</span>` : ""}</td><td>${r.region ?? ""}</td><td>${templateLabel(r.template)}</td><td class="num">${r.versions}</td><td>${r.failedChecks.map((f) => html`<span class="bad">${ruleLabel(f)}</span><br>`)}</td></tr>`)}</tbody>
</table></div>`;
}

export function reportListPage(o: { reports: ReportSummary[]; facets: ReportFacets; q: Query; next: string | null; agencyName?: string }): Html {
  const csv = withParams("/reports.csv", o.q, { cursor: undefined });
  const body = html`
<form class="search" method="get" action="/reports">
<label>机关名称<input type="text" name="agency" value="${o.q.get("agency") ?? ""}" maxlength="100"></label>
<label>地区<input type="text" name="region" value="${o.q.get("region") ?? ""}" maxlength="100"></label>
<label>年度<input type="text" name="year" value="${o.q.get("year") ?? ""}" inputmode="numeric" pattern="[0-9]{4}" size="6"></label>
${o.q.get("template") ? html`<input type="hidden" name="template" value="${o.q.get("template")}">` : ""}
${o.q.get("failed_checks") ? html`<input type="hidden" name="failed_checks" value="${o.q.get("failed_checks")}">` : ""}
<button type="submit">筛选</button>
</form>
<p>共 <strong>${o.facets.total}</strong> 份报告${o.agencyName ? `（机关：${o.agencyName}）` : ""}。<a href="${withParams("/downloads", o.q, { cursor: undefined })}">下载这些报告的数据</a></p>
${facetsView(o.facets, "/reports", o.q)}
${o.reports.length ? reportsTable(o.reports, "报告列表") : html`<p class="note">没有符合条件的报告。</p>`}
<p class="pager">${o.q.get("cursor") ? html`<a href="${withParams("/reports", o.q, { cursor: undefined })}">回到第一页</a> ` : ""}${o.next ? html`<a href="${withParams("/reports", o.q, { cursor: o.next })}" rel="next">下一页</a>` : ""}</p>`;
  return page({ title: "报告列表", crumbs: [{ href: "/", label: "首页" }, { label: "报告列表" }], json: withParams("/api/reports", o.q, {}), csv, nav: "reports" }, body);
}
