import { escapeHtml } from "../report-body.ts";

// Page templates of a TRS WCM county portal as it publishes static pages: the site chrome,
// channel pages, list pages (rows with the full title in title=, the pager written only by a
// script), and detail pages (metadata in <meta name="ArticleTitle|PubDate|ContentSource">, the
// article in div.TRS_Editor, attachments as relative ./P0….ext links).

export interface Row { href: string; title: string; date: string }

export function trsPage(title: string, crumbs: [string, string][], content: string, meta = "", site = "西山县人民政府"): string {
  const trail = crumbs.map(([href, text]) => `<a href="${href}">${text}</a>`).join(" &gt; ");
  return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
<meta name="SiteName" content="${site}" />
${meta}<title>${escapeHtml(title)}_${site}</title>
<link rel="stylesheet" href="/images/common.css" />
<script src="/images/jquery.min.js"></script>
</head>
<body>
<div class="header"><div class="logo"><a href="/">${site}门户网站</a></div></div>
<div class="nav"><ul><li><a href="/">首页</a></li><li><a href="/xwzx/">新闻中心</a></li><li><a href="/zwgk/index.html">政务公开</a></li><li><a href="/zwfw/">政务服务</a></li><li><a href="/hdjl/">互动交流</a></li></ul></div>
<div class="position">您当前的位置：${trail}</div>
<div class="main">
${content}
</div>
<div class="footer"><p>主办：${site}办公室　<a href="/wzdt/">网站地图</a></p><p>网站标识码：9999000001　某ICP备00000001号</p></div>
</body>
</html>`;
}

/** List text as TRS templates cut it (the full title stays in title=). */
const cut = (title: string) => (title.length > 20 ? `${title.slice(0, 18)}…` : title);

export function rowsHtml(rows: Row[]): string {
  return `<ul class="list">\n${rows.map((r) => `<li><a href="${r.href}" title="${escapeHtml(r.title)}" target="_blank">${escapeHtml(cut(r.title))}</a><span>${r.date}</span></li>`).join("\n")}\n</ul>`;
}

/** The pager a TRS list writes with a script only: a plain fetch sees no link to index_1.html. */
export function scriptPager(countPage: number, currentPage: number, style: "createPageHTML" | "countPage"): string {
  if (style === "createPageHTML") return `<div class="page"><script type="text/javascript">createPageHTML(${countPage}, ${currentPage}, "index", "html");</script></div>`;
  return `<div class="page"><script type="text/javascript">
var currentPage = ${currentPage};//所在页从0开始
var prevPage = currentPage-1//上一页
var nextPage = currentPage+1//下一页
var countPage = ${countPage}//共多少页
document.write("共"+countPage+"页&nbsp;&nbsp;");
if(countPage>1&&currentPage!=(countPage-1)){document.write("<a href=\\"index_" + nextPage + ".html\\">下一页</a>");}
</script></div>`;
}

export interface DetailParts {
  title: string;
  pubDate: string;
  source: string;
  column: string;
  crumbs: [string, string][];
  /** The article body (report HTML, or a cover text). */
  body: string;
  /** Attachment links written in the page. */
  attachments?: { href: string; name: string }[];
  /** An attachment link that only a script writes. */
  scriptAttachment?: { href: string; name: string };
  /** Links after the article (mobile version …). */
  extra?: string;
  /** The portal's name (default 西山县人民政府). */
  site?: string;
}

export function trsDetail(p: DetailParts): string {
  const meta = `<meta name="ArticleTitle" content="${escapeHtml(p.title)}" />
<meta name="PubDate" content="${p.pubDate}" />
<meta name="ContentSource" content="${escapeHtml(p.source)}" />
<meta name="ColumnName" content="${p.column}" />
`;
  const files = (p.attachments ?? []).map((a) => `<p>附件：<a href="${a.href}" OLDSRC="/protect${a.href.slice(1)}">${escapeHtml(a.name)}</a></p>`).join("\n");
  const scripted = p.scriptAttachment
    ? `<div class="fj"><script type="text/javascript">
var att = '<a href="${p.scriptAttachment.href}">${escapeHtml(p.scriptAttachment.name)}</a>';
if (att != "") { document.write("附件：" + att); }
</script></div>`
    : "";
  return trsPage(p.title, p.crumbs, `<div class="article">
<h1 class="title">${escapeHtml(p.title)}</h1>
<div class="info">发布时间：${p.pubDate}　来源：${escapeHtml(p.source)}　<span class="fontsize">【字体：<a href="javascript:doZoom(16)">大</a> <a href="javascript:doZoom(14)">中</a>】</span></div>
<div class="view TRS_UEDITOR trs_paper_default trs_web"><div class="TRS_Editor">
${p.body}
</div></div>
${files}
${scripted}
${p.extra ?? ""}
<div class="print"><a href="javascript:window.print()">【打印本页】</a> <a href="javascript:window.close()">【关闭窗口】</a></div>
</div>`, meta, p.site);
}

/** A cover text: the page that carries a report as an attachment only. */
export const coverText = (title: string) => `<p style="text-indent:2em">根据《中华人民共和国政府信息公开条例》有关规定，现将《${escapeHtml(title)}》予以公布，全文详见附件。</p>`;
