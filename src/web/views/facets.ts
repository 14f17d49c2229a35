import type { ReportFacets } from "../../store/report-facets.ts";
import { html, type Html } from "../html.ts";
import { ruleLabel, templateLabel } from "../labels.ts";
import { withParams, type Query } from "../params.ts";

// The filters of a list as facets with counts (year, region, template, failed checks): each a
// link that sets the filter (and starts again at the first page); a chosen one can be removed.

function facet(title: string, path: string, q: Query, name: string, items: { value: string; label: string; count: number }[]): Html {
  const chosen = q.get(name);
  if (!chosen && items.length === 0) return html``;
  return html`<section aria-label="${title}"><h2>${title}</h2><ul>
${chosen ? html`<li class="chosen">${items.find((i) => i.value === chosen)?.label ?? chosen} <a href="${withParams(path, q, { [name]: undefined, cursor: undefined })}" aria-label="取消${title}筛选">× 取消</a></li>` : ""}
${items.filter((i) => i.value !== chosen).map((i) => html`<li><a href="${withParams(path, q, { [name]: i.value, cursor: undefined })}">${i.label}</a> <span class="muted">${i.count}</span></li>`)}
</ul></section>`;
}

export function facetsView(f: ReportFacets, path: string, q: Query): Html {
  return html`<div class="facets">
${facet("年度", path, q, "year", f.years.map((y) => ({ value: String(y.value), label: `${y.value} 年`, count: y.count })))}
${facet("地区", path, q, "region", f.regions.filter((r) => r.value !== null).map((r) => ({ value: r.value as string, label: r.value as string, count: r.count })))}
${facet("表格格式", path, q, "template", f.templates.map((t) => ({ value: t.value, label: templateLabel(t.value), count: t.count })))}
${facet("校验", path, q, "failed_checks", [
    ...(f.failing ? [{ value: "any", label: "有未通过的校验", count: f.failing }] : []),
    ...f.failedChecks.map((c) => ({ value: c.value, label: `未通过：${ruleLabel(c.value)}`, count: c.count })),
  ])}
</div>`;
}
