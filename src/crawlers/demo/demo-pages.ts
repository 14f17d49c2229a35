import { SITE_NAME } from "./demo-data.ts";
import { escapeHtml } from "./report-html.ts";

// The demo portal's page templates, in the manner of a TRS county portal: site chrome with a
// notice that the site is fictional, channel and list pages (full titles in title=), and detail
// pages with <meta name="ArticleTitle|PubDate|ContentSource"> and the article in div.TRS_Editor.

export interface Row { href: string; title: string; date: string }

const NOTICE = "演示网站：青峰县及本站全部内容均为虚构，数据为程序生成，仅供 nianbao 演示使用";

export function page(title: string, crumbs: [string, string][], content: string, meta = ""): string {
  return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="SiteName" content="${SITE_NAME}" />
${meta}<title>${escapeHtml(title)}_${SITE_NAME}（演示）</title>
</head>
<body>
<div class="demo-notice">${NOTICE}</div>
<div class="header"><a href="/">${SITE_NAME}门户网站</a></div>
<div class="nav"><a href="/">首页</a> <a href="/zwgk/index.html">政务公开</a> <a href="/zwfw/index.html">政务服务</a></div>
<div class="position">当前位置：${crumbs.map(([href, text]) => `<a href="${href}">${text}</a>`).join(" &gt; ")}</div>
<div class="main">
${content}
</div>
<div class="footer"><p>主办：${SITE_NAME}办公室（虚构）</p><p>${NOTICE}</p></div>
</body>
</html>`;
}

export const rows = (list: Row[]) => `<ul class="list">\n${list.map((r) => `<li><a href="${r.href}" title="${escapeHtml(r.title)}">${escapeHtml(r.title)}</a><span>${r.date}</span></li>`).join("\n")}\n</ul>`;

export interface Detail {
  title: string;
  published: string;
  source: string;
  crumbs: [string, string][];
  body: string;
  attachment?: { href: string; name: string };
}

export function detail(d: Detail): string {
  const meta = `<meta name="ArticleTitle" content="${escapeHtml(d.title)}" />
<meta name="PubDate" content="${d.published} 09:00" />
<meta name="ContentSource" content="${escapeHtml(d.source)}" />
`;
  const file = d.attachment ? `<p class="attachment">附件：<a href="${d.attachment.href}">${escapeHtml(d.attachment.name)}</a></p>` : "";
  return page(d.title, d.crumbs, `<div class="article">
<h1>${escapeHtml(d.title)}</h1>
<div class="info">发布时间：${d.published}　来源：${escapeHtml(d.source)}</div>
<div class="TRS_Editor">
${d.body}
</div>
${file}
</div>`, meta);
}

/** The text of a page that carries its report as an attachment only. */
export const cover = (title: string) => `<p style="text-indent:2em">根据《中华人民共和国政府信息公开条例》，现将《${escapeHtml(title)}》予以公布，全文见附件。</p>`;

/** A 年报解读: titled with the report's name, numbers in prose, no tables. Not a report. */
export const interpretation = (title: string, received: number, closed: number) => `<p style="text-indent:2em">为便于公众理解《${escapeHtml(title)}》，现解读如下：</p>
<p style="text-indent:2em">全年新收政府信息公开申请${received}件，办结${closed}件，答复均在法定期限内完成。</p>
<p style="text-indent:2em">详细数据请查阅年度报告全文。</p>`;
