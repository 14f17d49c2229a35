import type { ReportDetail } from "../../store/report-detail.ts";
import { externalHref, formatDateTime } from "../format.ts";
import { html, type Html } from "../html.ts";
import { ruleLabel, templateLabel } from "../labels.ts";
import { agencyUrl, originalUrl, regionUrl, reportUrl, versionDiffUrl, versionUrl } from "../links.ts";
import { formTablesView } from "./form-tables.ts";
import { page } from "./layout.ts";

// One report: metadata, tables as on the form, checks, the six sections' text, and every
// version with the captures (when, from where) it was read from, each original downloadable.

/** A URL from the open web: a link when it is http(s), else plain text (never javascript:, data:, …). */
export function sourceLink(url: string | null): Html {
  if (!url) return html`<span class="muted">无</span>`;
  const href = externalHref(url);
  return href ? html`<a href="${href}" rel="noopener noreferrer nofollow">${url}</a>` : html`<span>${url}</span> <span class="muted">（非网页地址，不提供链接）</span>`;
}

function regionCrumbs(region: string | null) {
  if (!region) return [];
  const parts = region.split("/").filter(Boolean);
  return parts.map((p, i) => ({ href: regionUrl(parts.slice(0, i + 1).join("/")), label: p }));
}

export function reportPage(r: ReportDetail): Html {
  const current = r.versionId === r.latestVersionId;
  const title = `${r.agency.name} ${r.year} 年度报告${current ? "" : `（版本 ${r.versionId}）`}`;
  const shown = r.versions.find((v) => v.id === r.versionId);
  const failed = r.checks.filter((c) => !c.ok);
  const body = html`
${current ? "" : html`<p class="note warn">这是本报告过去的一个版本。<a href="${reportUrl(r.id)}">查看当前版本</a> · <a href="${versionDiffUrl(r.id, r.versionId, r.latestVersionId)}">与当前版本比较</a></p>`}
${r.removedAt ? html`<p class="note warn">原网页已于 ${formatDateTime(r.removedAt)} 发现被删除；档案保留原件。</p>` : ""}
<dl class="meta">
<dt>发布机关</dt><dd><a href="${agencyUrl(r.agency.id)}">${r.agency.name}</a>（<a href="${agencyUrl(r.agency.id)}">历年对比</a>）</dd>
<dt>地区</dt><dd>${r.agency.region ?? html`<span class="muted">未标注</span>`}${r.agency.regionCode ? ` · ${r.agency.regionCode}` : ""}</dd>
<dt>年度</dt><dd>${r.year}</dd>
<dt>标题</dt><dd>${r.title ?? html`<span class="muted">无</span>`}</dd>
<dt>表格格式</dt><dd>${templateLabel(r.template)}</dd>
<dt>来源网址</dt><dd>${sourceLink(r.sourceUrl)}</dd>
<dt>首次发现</dt><dd>${formatDateTime(r.firstSeen)}</dd>
<dt>最近发现</dt><dd>${formatDateTime(r.lastSeen)}</dd>
<dt>版本</dt><dd>${r.versions.length} 个（<a href="#versions">全部版本</a>）${shown?.captures[0] ? html` · <a href="${originalUrl(shown.captures[0].id)}">下载原件</a>` : ""}</dd>
<dt>校验</dt><dd>${r.checks.length === 0 ? html`<span class="muted">未校验（表格数据不全）</span>` : failed.length ? html`<a class="bad" href="#checks">${failed.length} 项未通过</a>` : html`<span class="ok">全部通过</span>`}</dd>
</dl>
<h2 id="tables">统计表格</h2>
${formTablesView(r.tables, r.template)}
<h2 id="checks">校验</h2>
${r.checks.length === 0 ? html`<p class="muted">没有可校验的勾稽关系（相关表格数据未全部列出）。</p>` : html`<table>
<caption>表格勾稽关系校验</caption>
<thead><tr><th scope="col">规则</th><th scope="col">结果</th><th scope="col">说明</th></tr></thead>
<tbody>${r.checks.map((c) => html`<tr><th scope="row">${ruleLabel(c.rule)}<br><code class="muted">${c.rule}</code></th><td>${c.ok ? html`<span class="ok">通过</span>` : html`<span class="bad">未通过</span>`}</td><td><code>${c.detail}</code></td></tr>`)}</tbody>
</table>`}
${r.warnings.length ? html`<h3>提取说明</h3><ul>${r.warnings.map((w) => html`<li>${w}</li>`)}</ul>` : ""}
<h2 id="sections">正文</h2>
${r.sections.length === 0 ? html`<p class="muted">未识别出正文的六个部分。</p>` : r.sections.map((s) => html`<section><h3>${s.number}、${s.title}</h3><div class="section-text">${s.text}</div></section>`)}
<h2 id="versions">版本与原件</h2>
<div class="wide"><table>
<caption>本报告的全部版本（内容不同才算新版本）</caption>
<thead><tr><th scope="col">版本</th><th scope="col">首次发现</th><th scope="col">最近发现</th><th scope="col">未通过校验</th><th scope="col">抓取记录</th><th scope="col">比较</th></tr></thead>
<tbody>${r.versions.map((v, i) => html`<tr>
<th scope="row"><a href="${versionUrl(r.id, v.id)}">${v.id}</a>${v.id === r.latestVersionId ? "（当前）" : ""}${v.id === r.versionId ? "（本页）" : ""}<br><span class="muted">提取器 ${v.extractorVersion}</span></th>
<td>${formatDateTime(v.firstSeen)}</td><td>${formatDateTime(v.lastSeen)}</td>
<td>${v.failedChecks.length ? v.failedChecks.map((f) => html`<span class="bad">${ruleLabel(f)}</span><br>`) : html`<span class="muted">无</span>`}</td>
<td>${v.captures.map((c) => html`<div>${formatDateTime(c.fetchedAt)} · ${sourceLink(c.finalUrl ?? c.url)}<br><a href="${originalUrl(c.id)}">下载原件</a> <span class="muted">${c.size} 字节 · sha256 ${c.sha256.slice(0, 12)}…</span></div>`)}</td>
<td>${i > 0 ? html`<a href="${versionDiffUrl(r.id, r.versions[i - 1].id, v.id)}">与上一版本比较</a>` : ""}</td>
</tr>`)}</tbody>
</table></div>`;
  const crumbs = [{ href: "/", label: "首页" }, ...regionCrumbs(r.agency.region), { href: agencyUrl(r.agency.id), label: r.agency.name }, { label: String(r.year) }];
  const api = current ? `/api/reports/${r.id}` : `/api/reports/${r.id}/versions/${r.versionId}`;
  return page({ title, crumbs, json: api, csv: `/reports/${r.id}/values.csv${current ? "" : `?version=${r.versionId}`}`, nav: "reports" }, body);
}

export { regionCrumbs };
