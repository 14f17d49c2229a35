import type { AgencyYears } from "../../store/agency-years.ts";
import { cellLabel } from "../../store/form-layout.ts";
import { lineChart } from "../charts/line-chart.ts";
import { formatDelta, formatNumber } from "../format.ts";
import { escapeHtml, html, trusted, type Html } from "../html.ts";
import { keyValue } from "../key-values.ts";
import { keyLabel, ruleLabel, templateLabel } from "../labels.ts";
import { agencyUrl, reportUrl, valuesUrl, yearDiffUrl } from "../links.ts";
import { absentCell } from "./form-tables.ts";
import { page } from "./layout.ts";
import { regionCrumbs } from "./report-view.ts";

// One agency, every year side by side: one row per cell key, a cell that changed from the year
// before highlighted (with the delta), a trend chart of the key rows, and the pairwise diffs.

export const TREND_KEYS = [
  "requests.new.total", "requests.granted.total", "sum:requests.denied.total", "appeals.review.total", "sum:appeals.litigation.total",
];

const ABSENT = absentCell().value;
const rowHeads = new Map<string, string>();
/** A key's row header (its label, linking to the key across agencies): the same on every page, so made once. */
function rowHead(key: string): string {
  let head = rowHeads.get(key);
  if (head === undefined) {
    head = `<th scope="row"><a href="${escapeHtml(valuesUrl({ key }))}">${escapeHtml(cellLabel(key))}</a></th>`;
    if (rowHeads.size < 5000) rowHeads.set(key, head);
  }
  return head;
}

/**
 * The values table's rows: the page's largest part (≈200 keys × the years), built as plain
 * strings — numbers need no escaping, labels are escaped — rather than one template per cell.
 * Cells are plain <td> (the table's class aligns them), and a run of years that do not show a
 * key is one hatched cell across those years (a report on the other template leaves out dozens).
 */
function valueRows(a: AgencyYears): Html {
  const { years } = a;
  let out = "";
  for (const key of a.keys) {
    out += `<tr>${rowHead(key)}`;
    for (let i = 0; i < years.length; i++) {
      const v = years[i].values[key];
      if (v === undefined) {
        let span = 1;
        while (i + 1 < years.length && years[i + 1].values[key] === undefined) { span++; i++; }
        out += span === 1 ? ABSENT : ABSENT.replace("<td ", `<td colspan="${span}" `);
        continue;
      }
      const prev = i > 0 ? years[i - 1].values[key] : undefined;
      out += prev !== undefined && prev !== v
        ? `<td class="changed" title="较上年 ${formatDelta(Number((v - prev).toFixed(6)))}">${formatNumber(v)}</td>`
        : `<td>${formatNumber(v)}</td>`;
    }
    out += "</tr>";
  }
  return trusted(out);
}

export function agencyPage(a: AgencyYears): Html {
  const { agency, years } = a;
  const xs = years.map((y) => y.year);
  const series = TREND_KEYS.map((key) => ({ name: keyLabel(key).replace(/^[二三四]\S*\s/, ""), values: years.map((y) => keyValue(y.values, key)) }))
    .filter((s) => s.values.some((v) => v !== null));
  const pairs = years.slice(1).map((y, i) => [years[i].year, y.year] as const);
  const body = html`
<dl class="meta">
<dt>地区</dt><dd>${agency.region ?? html`<span class="muted">未标注</span>`}${agency.regionCode ? ` · ${agency.regionCode}` : ""}</dd>
<dt>收录年度</dt><dd>${years.length ? xs.join("、") : "无"}</dd>
</dl>
${years.length === 0 ? html`<p class="note">档案中还没有该机关的报告。</p>` : html`
<h2 id="reports">各年度报告</h2>
<table>
<caption>${agency.name} 历年报告</caption>
<thead><tr><th scope="col">年度</th><th scope="col">标题</th><th scope="col">表格格式</th><th scope="col">未通过校验</th></tr></thead>
<tbody>${years.map((y) => html`<tr><th scope="row"><a href="${reportUrl(y.reportId)}">${y.year}</a></th><td>${y.title ?? ""}${y.removedAt ? html` <span class="muted">（原网页已删除）</span>` : ""}</td><td>${templateLabel(y.template)}</td><td>${y.failedChecks.length ? y.failedChecks.map((f) => html`<span class="bad">${ruleLabel(f)}</span> `) : html`<span class="muted">无</span>`}</td></tr>`)}</tbody>
</table>
${series.length ? html`<h2 id="trend">主要数据走势</h2>${lineChart({ id: "trend", title: `${agency.name} 主要数据走势`, xs, series })}` : ""}
<h2 id="compare">两年比较</h2>
${pairs.length ? html`<p>相邻年度：${pairs.map(([f, t]) => html`<a href="${yearDiffUrl(agency.id, f, t)}">${f} → ${t}</a> `)}</p>` : ""}
<form class="search" method="get" action="${agencyUrl(agency.id)}/diff">
<label>从<select name="from">${xs.map((x, i) => html`<option${i === xs.length - 2 ? html` selected` : ""}>${x}</option>`)}</select></label>
<label>到<select name="to">${xs.map((x, i) => html`<option${i === xs.length - 1 ? html` selected` : ""}>${x}</option>`)}</select></label>
<button type="submit">比较</button>
</form>
<h2 id="values">历年数据</h2>
<p class="muted">与上一年度不同的数字以底色标出；斜纹空格为原文未列出。</p>
<div class="wide"><table class="years">
<caption>${agency.name} 历年表格数据</caption>
<thead><tr><th scope="col">数据项</th>${years.map((y) => html`<th scope="col" class="num"><a href="${reportUrl(y.reportId)}">${y.year}</a></th>`)}</tr></thead>
<tbody>${valueRows(a)}</tbody>
</table></div>`}`;
  const crumbs = [{ href: "/", label: "首页" }, ...regionCrumbs(agency.region), { label: agency.name }];
  return page({ title: `${agency.name} 历年对比`, crumbs, json: `/api/reports?agency=${agency.id}`, csv: `/agencies/${agency.id}/values.csv`, nav: "reports" }, body);
}
