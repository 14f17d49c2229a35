import { escapeHtml } from "../report-body.ts";

// Page templates of a Hanweb 大汉 (jcms) portal: column pages whose first records sit in a
// <script type="text/xml"><datastore> block that the jpage script turns into a list (and pages on
// through dataproxy.jsp), article pages with the content between <meta name="ContentStart"> and
// <meta name="ContentEnd">, and the XML the dataproxy answers.

export interface ListRecord { href: string; title: string; date: string }

const SITE = "桃源县人民政府";

export function hanwebPage(title: string, content: string, meta = ""): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="SiteName" content="${SITE}">
${meta}<title>${escapeHtml(title)} ${SITE}</title>
<script type="text/javascript" src="/module/jslib/jquery/jquery.js"></script>
</head>
<body>
<div id="barrierfree_container">
<div class="top"><a href="/">${SITE}</a><span>无障碍浏览</span><span>长者模式</span></div>
<div class="nav"><a href="/">首页</a><a href="/col/col1227/index.html">政府信息公开</a><a href="/col/col1300/index.html">政务服务</a></div>
${content}
<div class="bottom">主办单位：${SITE}办公室　网站标识码：9999000002</div>
</div>
</body>
</html>`;
}

export const recordHtml = (r: ListRecord) => `<li><a href="${r.href}" title="${escapeHtml(r.title)}" target="_blank">${escapeHtml(r.title)}</a><span class="bt-data-time">${r.date}</span></li>`;
const cdata = (s: string) => `<![CDATA[${s}]]>`;

export interface Jpage {
  columnid: number;
  unitid: number;
  perPage: number;
  totalRecord: number;
  /** POST: the jpage script pages through dataproxy with startrecord/endrecord/perpage and a form; GET: a nextgroup link with page=N. */
  style: "post" | "get";
}

export const PROXY = "/module/web/jpage/dataproxy.jsp";
export const queryOf = (j: Jpage, page: number) => `page=${page}&appid=1&webid=1&path=/&columnid=${j.columnid}&unitid=${j.unitid}&webname=${encodeURIComponent(SITE)}&permissiontype=0`;

/** A column page: the first records in the datastore, the jpage call that pages on. */
export function columnPage(name: string, first: ListRecord[], j: Jpage): string {
  const next = j.style === "get" && j.totalRecord > first.length ? `<nextgroup>${cdata(`<a href="${PROXY}?${queryOf(j, 2)}"></a>`)}</nextgroup>\n` : "";
  const script = j.style === "post"
    ? `<script type="text/javascript">
$(document).ready(function(){
  $('#${j.unitid}').jpage({ dataStore: dataStore, dataBefore: '<ul class="list">', dataAfter: '</ul>', perPage: ${j.perPage}, totalRecord: ${j.totalRecord}, groupSize: 1,
    proxyUrl: '${PROXY}', barPosition: 'bottom',
    ajaxParam: {"col":1,"appid":1,"webid":1,"path":"/","columnid":${j.columnid},"sourceContentType":1,"unitid":${j.unitid},"webname":"${SITE}","permissiontype":0} });
});
</script>`
    : `<script type="text/javascript">var totalRecord = ${j.totalRecord}; var perPage = ${j.perPage}; jpageInit('${j.unitid}');</script>`;
  return hanwebPage(name, `<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/col/col1227/index.html">政府信息公开</a> &gt; <a href="/col/col1228/index.html">政府信息公开年报</a> &gt; ${name}</div>
<div class="column-title">${name}</div>
<div id="${j.unitid}">
<script type="text/xml">
<datastore>
${next}<recordset>
${first.map((r) => `<record>${cdata(recordHtml(r))}</record>`).join("\n")}
</recordset>
</datastore>
</script>
</div>
<script type="text/javascript" src="/module/web/jpage/jpage.js"></script>
${script}`, `<meta name="ColumnName" content="${name}">\n`);
}

/** What dataproxy.jsp answers: the records asked for, and the totals. */
export function proxyXml(records: ListRecord[], total: number, totalPage: number, next?: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<datastore>
${next ? `<nextgroup>${cdata(`<a href="${next}"></a>`)}</nextgroup>\n` : ""}<recordset>
${records.map((r) => `<record>${cdata(recordHtml(r))}</record>`).join("\n")}
</recordset>
<totalrecord>${total}</totalrecord>
<totalpage>${totalPage}</totalpage>
</datastore>`;
}

export interface Article { title: string; date: string; source: string; column: string; body: string }

export function articlePage(a: Article): string {
  const meta = `<meta name="ArticleTitle" content="${escapeHtml(a.title)}">\n<meta name="PubDate" content="${a.date}">\n<meta name="ContentSource" content="${escapeHtml(a.source)}">\n<meta name="ColumnName" content="${a.column}">\n`;
  return hanwebPage(a.title, `<div class="main-content">
<div class="bt"><h1>${escapeHtml(a.title)}</h1></div>
<div class="info"><span>发布日期：${a.date}</span><span>信息来源：${escapeHtml(a.source)}</span><span>浏览次数：<script src="/module/visitcount/articlehits.jsp"></script></span></div>
<div class="wzcon" id="zoom"><!--ZJEG_RSS.content.begin--><meta name="ContentStart">
${a.body}
<meta name="ContentEnd"><!--ZJEG_RSS.content.end--></div>
<div class="fx"><a href="javascript:window.print()">打印本页</a> <a href="javascript:window.close()">关闭窗口</a></div>
</div>`, meta);
}
