import { html, type Html } from "../html.ts";
import { withParams, type Query } from "../params.ts";
import { page } from "./layout.ts";

// The export formats for the current filter, each streamed: JSONL records, CSV long and wide,
// Parquet long and wide.

export function downloadsPage(o: { q: Query; total: number }): Html {
  const link = (path: string, extra: Record<string, string> = {}) => withParams(path, o.q, { cursor: undefined, ...extra });
  const filter = ["year", "region", "agency", "template", "failed_checks"].filter((k) => o.q.get(k)).map((k) => `${k}=${o.q.get(k)}`).join("，");
  const body = html`
<p>${filter ? `当前筛选：${filter}（` : "全部报告（"}${o.total} 份）。<a href="${withParams("/reports", o.q, { cursor: undefined })}">修改筛选</a></p>
<table>
<caption>下载格式（数据随下载即时生成）</caption>
<thead><tr><th scope="col">格式</th><th scope="col">内容</th></tr></thead>
<tbody>
<tr><th scope="row"><a href="${link("/export.jsonl")}">JSONL</a></th><td>每行一份报告的完整记录（表格数据、校验、正文六部分、来源），附机关、地区、年度、来源网址</td></tr>
<tr><th scope="row"><a href="${link("/export.csv")}">CSV（长表）</a></th><td>每个数据项一行：report_id, version_id, agency, region, year, template, key, table, row_key, column_key, value</td></tr>
<tr><th scope="row"><a href="${link("/export.csv", { layout: "wide" })}">CSV（宽表）</a></th><td>每份报告一行，每个数据项一列；原文未列出的为空（不是 0）</td></tr>
<tr><th scope="row"><a href="${link("/export.parquet")}">Parquet（长表）</a></th><td>同 CSV 长表，带类型（适合 pandas、R、DuckDB）</td></tr>
<tr><th scope="row"><a href="${link("/export.parquet", { layout: "wide" })}">Parquet（宽表）</a></th><td>同 CSV 宽表，带类型；未列出的为 null</td></tr>
<tr><th scope="row"><a href="${link("/reports.csv")}">报告列表 CSV</a></th><td>每份报告一行：编号、机关、年度、地区、格式、版本数、未通过的校验、来源网址</td></tr>
</tbody>
</table>
<p class="muted">数据项的含义见 <a href="/values">数据比较</a> 页的选项；程序读取请用 <a href="/api">JSON API</a>。</p>`;
  return page({ title: "下载数据", crumbs: [{ href: "/", label: "首页" }, { label: "下载" }], nav: "downloads" }, body);
}
