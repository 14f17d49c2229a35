import { html, type Html } from "../html.ts";

// Every page's frame: title, skip link, site navigation, breadcrumbs, the page's JSON and CSV
// twins (as links and <link rel=alternate>), footer.

export interface Crumb { href?: string; label: string }
export interface PageOptions {
  title: string;
  crumbs?: Crumb[];
  /** The same data as JSON and as CSV. */
  json?: string;
  csv?: string;
  /** Which navigation entry is current. */
  nav?: "home" | "reports" | "search" | "values" | "downloads" | "api";
}

const NAV: [PageOptions["nav"], string, string][] = [
  ["home", "/", "首页"],
  ["reports", "/reports", "报告列表"],
  ["search", "/search", "全文检索"],
  ["values", "/values", "数据比较"],
  ["downloads", "/downloads", "下载"],
  ["api", "/api", "API"],
];

export function page(o: PageOptions, body: Html): Html {
  const twins = o.json || o.csv
    ? html`<p class="twins">本页数据：${o.json ? html`<a href="${o.json}" type="application/json">JSON</a>` : ""}${o.json && o.csv ? " · " : ""}${o.csv ? html`<a href="${o.csv}" type="text/csv">CSV</a>` : ""}</p>`
    : "";
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${o.title} · 政府信息公开年报档案</title>
<link rel="stylesheet" href="/static/style.css">
${o.json ? html`<link rel="alternate" type="application/json" href="${o.json}">` : ""}
${o.csv ? html`<link rel="alternate" type="text/csv" href="${o.csv}">` : ""}
<script src="/static/app.js" defer></script>
</head>
<body>
<a class="skip" href="#main">跳到正文</a>
<header class="site">
<a class="brand" href="/">政府信息公开年报档案</a>
<nav aria-label="网站导航"><ul>
${NAV.map(([key, href, label]) => html`<li><a href="${href}"${o.nav === key ? html` aria-current="page"` : ""}>${label}</a></li>`)}
</ul></nav>
</header>
<main id="main" tabindex="-1">
${o.crumbs?.length ? html`<nav aria-label="位置"><ol class="crumbs">${o.crumbs.map((c) => html`<li>${c.href ? html`<a href="${c.href}">${c.label}</a>` : c.label}</li>`)}</ol></nav>` : ""}
<h1>${o.title}</h1>
${twins}
${body}
</main>
<footer class="site">
<p>收录各级政府机关发布的《政府信息公开工作年度报告》：每份原件、每个版本均保存，数字可追溯至原文。表格中<span class="muted">斜纹空格</span>表示原文未列出该项（不同于 0）。时间为北京时间。</p>
</footer>
</body>
</html>`;
}
