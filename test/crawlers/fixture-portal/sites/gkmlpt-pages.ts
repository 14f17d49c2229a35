import { escapeHtml } from "../report-body.ts";

// Pages of a Guangdong 政府信息公开目录管理平台 (gkmlpt): the catalogue is a script application
// whose page carries no document link, only window._CONFIG (SID and the TREE of categories); its
// lists come as JSON from /gkmlpt/api/all/{category}; details sit at
// /gkmlpt/content/{a}/{b}/post_{id}.html with a metadata table above the article.

export interface Category { id: number; name: string; post_count: number; children: Category[] }

export interface Post {
  id: number;
  category: number;
  title: string;
  date: string;
  publisher: string;
  /** The detail page's article HTML (undefined when the page is a copied fixture). */
  body?: () => string;
  attachment?: { name: string; path: string; type: string };
}

export const SID = "755012";
export const postPath = (id: number) => `/gkmlpt/content/2/${Math.floor(id / 1000)}/post_${id}.html`;

export function catalogPage(tree: Category[]): string {
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="renderer" content="webkit">
<title>白云区政府信息公开目录</title>
<link href="/gkmlpt/static/css/app.css" rel="stylesheet">
<script>
  window._CONFIG = {
    SID: '${SID}',
    SITE_NAME: '白云区人民政府',
    IS_MOBILE: false,
    TREE: ${JSON.stringify(tree)}
  };
</script>
</head>
<body>
<noscript>请开启浏览器的JavaScript功能</noscript>
<div id="app"></div>
<script type="text/javascript" src="/gkmlpt/static/js/manifest.js"></script>
<script type="text/javascript" src="/gkmlpt/static/js/app.js"></script>
</body>
</html>`;
}

export function postPage(p: Post): string {
  const seq = String(p.id % 100000).padStart(5, "0");
  const file = p.attachment
    ? `<div class="attachment"><p>附件：</p><p><a href="${p.attachment.path}" alt="${escapeHtml(p.attachment.name)}" target="_blank">点击下载</a></p></div>`
    : "";
  return `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>${escapeHtml(p.title)}</title>
</head>
<body>
<div class="header-container"><a href="/">白云区人民政府</a> <a href="/gkmlpt/index">政府信息公开</a></div>
<div class="detail-page">
<div class="classify"><table>
<tr><td class="td-label">索引号：</td><td class="td-value">11440111MB2D00000X/${p.date.slice(0, 4)}-${seq}</td><td class="td-label">分类：</td><td class="td-value">政府信息公开年报</td></tr>
<tr><td class="td-label">发布机构：</td><td class="td-value">${escapeHtml(p.publisher)}</td><td class="td-label">成文日期：</td><td class="td-value">${p.date}</td></tr>
<tr><td class="td-label">名称：</td><td class="td-value" colspan="3">${escapeHtml(p.title)}</td></tr>
</table></div>
<div class="content">
<h1 class="title document-number">${escapeHtml(p.title)}</h1>
<div class="date-row">发布日期：${p.date}</div>
<div class="article-content">
${p.body?.() ?? ""}
</div>
${file}
</div>
</div>
<div class="footer">主办：广州市白云区人民政府办公室</div>
</body>
</html>`;
}

/** What the JSON API answers for one page of a category's posts (newest first). */
export function apiPage(posts: Post[], page: number, pageSize: number, origin: string, category: Category): string {
  const index = Math.max(1, page);
  return JSON.stringify({
    articles: posts.slice((index - 1) * pageSize, index * pageSize).map((p) => ({
      id: p.id, title: p.title, url: `${origin}${postPath(p.id)}`,
      date: Math.floor(new Date(`${p.date}T10:00:00+08:00`).getTime() / 1000),
      publisher: p.publisher, identifier: `11440111MB2D00000X/${p.date.slice(0, 4)}-${String(p.id % 100000).padStart(5, "0")}`,
      attachment: p.attachment ? [{ name: p.attachment.name, url: `${origin}${p.attachment.path}`, type: p.attachment.type }] : [],
    })),
    total: posts.length, page: index, page_size: pageSize,
    classify: { id: category.id, name: category.name },
  });
}
