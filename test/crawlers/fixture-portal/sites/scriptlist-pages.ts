import { escapeHtml } from "../report-body.ts";

// The pages of a newer county portal whose 年报 list exists only once its script runs: the column
// page carries the list's first page statically and a config (`recordCount`, `pageSize`, a
// base64 channel code); /js/nb-list.js builds the pager and, on each click, fetches the page's
// records as JSON from an address signed with a hash of the channel, page and page size
// (`/zwgk/ajax/{channel}/{sign}.json?page=N`). No regex reader can build that address: only a
// browser that runs the script and turns the pages gets the rest of the list.

export interface ListRecord { id: number; title: string; date: string; href: string; attachments?: { name: string; href: string }[] }

export const CHANNEL = "xxgknb";
export const API_ROOT = "/zwgk/ajax";
export const PAGE_SIZE = 3;

/** The signature nb-list.js computes (FNV-1a of "channel|page|size", base 36); the server checks it. */
export function signature(channel: string, page: number, size: number): string {
  let h = 2166136261;
  const s = `${channel}|${page}|${size}`;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h.toString(36);
}

/** The address of one page of the list's API, as the script builds it. */
export const apiPath = (page: number, channel = CHANNEL, size = PAGE_SIZE) => `${API_ROOT}/${channel}/${signature(channel, page, size)}.json?page=${page}`;

const cut = (title: string) => (title.length > 20 ? `${title.slice(0, 18)}…` : title);

export function rowsHtml(records: ListRecord[]): string {
  return records.map((r) => `<li><a href="${r.href}" title="${escapeHtml(r.title)}" target="_blank">${escapeHtml(cut(r.title))}</a><span class="date">${r.date}</span></li>`).join("\n");
}

/** The column page: the first page of the list, the config, the pager left to the script. */
export function listColumn(records: ListRecord[], total: number, sidebar: string): string {
  return `<div class="gk-side">${sidebar}</div>
<div class="gk-main">
<div class="gk-title">政府信息公开年报</div>
<ul class="gk-list" id="nb-list">
${rowsHtml(records.slice(0, PAGE_SIZE))}
</ul>
<div class="gk-pager" id="nb-pager"></div>
</div>
<script type="text/javascript">
var nbListConfig = { list: "nb-list", pager: "nb-pager", channel: "${Buffer.from(CHANNEL).toString("base64")}", recordCount: ${total}, pageSize: ${PAGE_SIZE} };
</script>
<script type="text/javascript" src="/js/nb-list.js"></script>
<script type="text/javascript" src="/tongji/count.js?channel=${CHANNEL}"></script>`;
}

/** A sub-column whose whole list is on its page: it says how many records it has, and shows them all. */
export function completeColumn(title: string, records: ListRecord[], sidebar: string): string {
  return `<div class="gk-side">${sidebar}</div>
<div class="gk-main"><div class="gk-title">${escapeHtml(title)}</div>
<ul class="gk-list">
${rowsHtml(records)}
</ul>
<div class="gk-pager"><span class="total">共 ${records.length} 条 第 1/1 页</span></div>
</div>`;
}

/** One page of the list's API: the records as JSON, in the field names of the portal's own CMS. */
export function apiAnswer(records: ListRecord[], page: number, total: number): string {
  return JSON.stringify({
    code: "0", message: "success",
    data: {
      pageNo: page, pageSize: PAGE_SIZE, recordCount: total,
      records: records.map((r) => ({
        articleId: r.id, articleTitle: r.title, publishTime: `${r.date} 09:00:00`, staticUrl: r.href,
        attachFiles: (r.attachments ?? []).map((a) => ({ attachName: a.name, attachUrl: a.href })),
      })),
    },
  });
}

/** /js/nb-list.js: the pager and the list's pages, from the signed API. */
export const LIST_SCRIPT = `/* 云溪县政务公开 列表分页 v2.3 */
(function (win, doc) {
  var cfg = win.nbListConfig;
  if (!cfg) return;
  var channel = win.atob(cfg.channel), current = 1, pages = Math.ceil(cfg.recordCount / cfg.pageSize);
  function sign(s) {
    var h = 2166136261;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; }
    return h.toString(36);
  }
  function address(page) {
    return ["${API_ROOT}", channel, sign(channel + "|" + page + "|" + cfg.pageSize)].join("/") + ".json?page=" + page;
  }
  function esc(s) { return String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;"); }
  function cut(s) { return s.length > 20 ? s.slice(0, 18) + "\\u2026" : s; }
  function rows(records) {
    var html = "";
    for (var i = 0; i < records.length; i++) {
      var r = records[i];
      html += '<li><a href="' + esc(r.staticUrl) + '" title="' + esc(r.articleTitle) + '" target="_blank">' + esc(cut(r.articleTitle)) + '</a><span class="date">' + r.publishTime.slice(0, 10) + '</span></li>';
    }
    return html;
  }
  function link(page, text) { return '<a href="javascript:;" data-page="' + page + '">' + text + '</a>'; }
  function pager() {
    var html = '<span class="total">共 ' + cfg.recordCount + ' 条 第 ' + current + '/' + pages + ' 页</span>';
    html += current > 1 ? link(1, "首页") + link(current - 1, "上一页") : '<span class="disabled">首页</span><span class="disabled">上一页</span>';
    for (var n = 1; n <= pages; n++) html += n === current ? '<span class="current">' + n + '</span>' : link(n, n);
    html += current < pages ? link(current + 1, "下一页") + link(pages, "尾页") : '<span class="disabled">下一页</span><span class="disabled">尾页</span>';
    doc.getElementById(cfg.pager).innerHTML = html;
  }
  function go(page) {
    var xhr = new XMLHttpRequest();
    xhr.open("GET", address(page));
    xhr.setRequestHeader("X-Requested-With", "XMLHttpRequest");
    xhr.onload = function () {
      if (xhr.status !== 200) return;
      var answer = JSON.parse(xhr.responseText).data;
      doc.getElementById(cfg.list).innerHTML = rows(answer.records);
      current = page;
      cfg.recordCount = answer.recordCount;
      pages = Math.ceil(answer.recordCount / cfg.pageSize);
      pager();
    };
    xhr.send();
  }
  doc.getElementById(cfg.pager).onclick = function (e) {
    var page = e.target && e.target.getAttribute && e.target.getAttribute("data-page");
    if (page) go(Number(page));
    return false;
  };
  pager();
})(window, document);
`;
