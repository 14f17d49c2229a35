import { barChart } from "../charts/bar-chart.ts";
import { formatNumber, formatRatio } from "../format.ts";
import { escapeHtml, html, trusted, type Html } from "../html.ts";
import { keyChoices, keyLabel } from "../labels.ts";
import { agencyUrl, reportUrl } from "../links.ts";
import { withParams, type Query } from "../params.ts";
import { absentCell } from "./form-tables.ts";
import { page } from "./layout.ts";

// One cell key (or a sum of cells) across agencies, for a year or a region: a sortable table
// (sorting is a link, so it works without script) and a bar chart; optionally per 100 of a
// second key (e.g. 不予公开 per 100 new requests).

export interface ValueRow { reportId: string; agencyId: string; agency: string; region: string | null; year: number; value: number | null; per: number | null; ratio: number | null }
export type ValueSort = "value" | "-value" | "agency" | "year";

const CHART_BARS = 30;

let options: string | undefined;

/** The key menu: its ≈250 options rendered once, the chosen one marked per page. */
function keySelect(name: string, label: string, chosen: string | undefined, optional: boolean): Html {
  options ??= html`${keyChoices().map((g) => html`<optgroup label="${g.group}">${g.options.map((o) => html`<option value="${o.key}">${o.label}</option>`)}</optgroup>`)}`.value;
  // Keys are [a-z0-9_.:] (checked by the parameter parser), so the marked value cannot break out.
  const marked = chosen ? options.replace(`<option value="${escapeHtml(chosen)}">`, `<option value="${escapeHtml(chosen)}" selected>`) : options;
  return html`<label>${label}<select name="${name}">
${optional ? html`<option value="">（不计算比率）</option>` : ""}
${trusted(marked)}
</select></label>`;
}

export function valuesPage(o: { q: Query; key?: string; per?: string; rows: ValueRow[]; truncated: boolean; sort: ValueSort }): Html {
  const metric = (r: ValueRow) => (o.per ? r.ratio : r.value);
  const what = o.key ? (o.per ? `${keyLabel(o.key)} 每百 ${keyLabel(o.per)}` : keyLabel(o.key)) : "";
  const sortLink = (s: ValueSort, label: string) => {
    const current = o.sort === s || (s === "value" && o.sort === "-value");
    const next = s === "value" && o.sort === "-value" ? "value" : s === "value" ? "-value" : s;
    return html`<a href="${withParams("/values", o.q, { sort: next })}">${label}${current ? (o.sort === "-value" ? " ↓" : o.sort === "value" ? " ↑" : " ↓") : ""}</a>`;
  };
  const ariaSort = (s: ValueSort) => (o.sort === s ? html` aria-sort="${s === "value" ? "ascending" : "descending"}"` : s === "value" && o.sort === "-value" ? html` aria-sort="descending"` : "");
  const bars = o.rows.filter((r) => metric(r) !== null).slice(0, CHART_BARS).map((r) => ({ label: `${r.agency} ${r.year}`, value: metric(r) as number }));
  const body = html`
<form class="search" method="get" action="/values">
${keySelect("key", "数据项", o.key, false)}
${keySelect("per", "每百（分母）", o.per, true)}
<label>年度<input type="text" name="year" value="${o.q.get("year") ?? ""}" inputmode="numeric" pattern="[0-9]{4}" size="6"></label>
<label>地区<input type="text" name="region" value="${o.q.get("region") ?? ""}" maxlength="100" size="12"></label>
<button type="submit">显示</button>
</form>
${!o.key ? html`<p class="muted">选择一个表格数据项（可加一个分母，得到每百件的比率），按年度或地区比较各机关。例如：三（三）不予公开·合计，每百“一、本年新收政府信息公开申请数量”。</p>` : html`
<p>${o.rows.length} 份报告列出了${what ? `“${what}”` : ""}相关数据${o.truncated ? html`（只显示前 ${o.rows.length} 份；<a href="${withParams("/values.csv", o.q, { sort: undefined })}">下载 CSV</a> 可得全部）` : ""}。</p>
${bars.length ? html`<h2 id="chart">图表${bars.length < o.rows.length ? `（按当前排序的前 ${bars.length} 个）` : ""}</h2>${barChart({ id: "values", title: what, bars, format: (v) => (o.per ? formatRatio(v) : formatNumber(v)) })}` : ""}
<h2 id="table">数据</h2>
<div class="wide"><table>
<caption>${what}</caption>
<thead><tr><th scope="col"${ariaSort("agency")}>${sortLink("agency", "机关")}</th><th scope="col"${ariaSort("year")}>${sortLink("year", "年度")}</th><th scope="col">地区</th>
<th scope="col" class="num"${o.per ? "" : ariaSort("value")}>${o.per ? keyLabel(o.key) : sortLink("value", keyLabel(o.key))}</th>
${o.per ? html`<th scope="col" class="num">${keyLabel(o.per)}</th><th scope="col" class="num"${ariaSort("value")}>${sortLink("value", "每百")}</th>` : ""}</tr></thead>
<tbody>${o.rows.map((r) => html`<tr><th scope="row"><a href="${agencyUrl(r.agencyId)}">${r.agency}</a></th><td><a href="${reportUrl(r.reportId)}">${r.year}</a></td><td>${r.region ?? ""}</td>
${r.value === null ? absentCell() : html`<td class="num">${formatNumber(r.value)}</td>`}
${o.per ? html`${r.per === null ? absentCell() : html`<td class="num">${formatNumber(r.per)}</td>`}<td class="num">${r.ratio === null ? html`<span class="muted" title="缺少数据或分母为 0">—</span>` : formatRatio(r.ratio)}</td>` : ""}</tr>`)}</tbody>
</table></div>`}`;
  return page({
    title: o.key ? `数据比较：${what}` : "数据比较", crumbs: [{ href: "/", label: "首页" }, { label: "数据比较" }], nav: "values",
    json: o.key && !o.key.startsWith("sum:") ? withParams("/api/values", o.q, { sort: undefined, per: undefined }) : undefined,
    csv: o.key ? withParams("/values.csv", o.q, { sort: undefined }) : undefined,
  }, body);
}
