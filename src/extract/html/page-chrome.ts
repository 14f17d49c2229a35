import type { El } from "./dom.ts";
import { plainText, proseWeight, type StatsMap } from "./text-stats.ts";

// Page chrome: navigation, breadcrumbs, share and print buttons, page meta, footers and
// related-article lists. Removed from the content element before it is rendered.

/** Class or id names portals give chrome. Matched per class token / id. */
const CHROME_NAME = /^(?:nav|navs|navbar|menu|menus|topnav|subnav|footer|foot|header|head|top|bottom|breadcrumb|breadcrumbs|crumb|crumbs|bread|position|location|loc|dqwz|weizhi|share|bdshare|bdsharebuttonbox|fx|print|close|pager|pagination|paging|pagenav|prev|next|prevnext|sxp|related|relate|xgwz|xgxx|xglj|copyright|banquan|toolbar|tools|tool|fontsize|font|zoomfont|wzfx|sidebar|side|aside|comment|comments|qrcode|ewm|gotop|backtop|attribute|info|meta|source|xxgk_top)$/i;
/** A word boundary in a class/id (articleNav, main-footer, bottom_link). */
const NAME_SPLIT = /[\s\-_]+|(?<=[a-z])(?=[A-Z])/;

/** Phrases that only page chrome contains. */
const CHROME_TEXT = new RegExp([
  "分享到", "打印本页", "【\\s*打印\\s*】", "\\[\\s*打印\\s*\\]", "关闭窗口", "【\\s*关闭\\s*】", "\\[\\s*关闭\\s*\\]",
  "上一篇", "下一篇", "上一条", "下一条", "网站地图", "版权所有", "当前位置", "您现在的位置", "您所在的位置", "你的位置",
  "字体[:：]?\\s*[【\\[]?\\s*大", "字号[:：]?\\s*[【\\[]?\\s*大", "【\\s*大\\s*中\\s*小\\s*】", "扫一扫", "收藏本页", "加入收藏", "返回顶部",
  "设为首页", "ICP备", "网站标识码", "公网安备", "浏览次数", "阅读次数", "访问次数", "点击数[:：]", "主办单位", "承办单位",
  "技术支持[:：]", "^首页\\s*[>＞»/]", "^\\s*首页\\s*$", "发布(?:时间|日期)[:：]", "信息来源[:：]", "^来源[:：]", "相关链接", "相关文章", "相关阅读", "相关新闻",
].join("|"));

/** Longest text a chrome element may hold; longer elements are content that mentions a phrase. */
const CHROME_TEXT_MAX = 80;

export function isChromeText(text: string): boolean {
  return text.length <= CHROME_TEXT_MAX && CHROME_TEXT.test(text);
}

/** Removes chrome elements below `root` (never `root` itself, never inside a table cell). */
export function pruneChrome(root: El, stats: StatsMap): void {
  const walk = (el: El) => {
    el.children = el.children.filter((c) => typeof c === "string" || !isChrome(c, stats));
    for (const c of el.children) if (typeof c !== "string" && c.tag !== "td" && c.tag !== "th") walk(c);
  };
  walk(root);
}

/** Elements that may be chrome as a whole: containers, and links (share and print buttons). */
const CONTAINERS = new Set([
  "div", "ul", "ol", "li", "dl", "dd", "dt", "p", "section", "nav", "header", "footer", "aside", "table",
  "form", "center", "h1", "h2", "h3", "h4", "h5", "h6", "a",
]);

function isChrome(el: El, stats: StatsMap): boolean {
  if (!CONTAINERS.has(el.tag)) return false;
  const s = stats.get(el);
  if (!s || s.chars === 0) return false;
  // Link lists: navigation, related articles, attachments lists.
  if (s.links >= 3 && s.linkChars >= 0.6 * s.chars) return true;
  if (el.tag !== "a" && proseWeight(s) < 300 && hasChromeName(el)) return true;
  return s.chars <= CHROME_TEXT_MAX && isChromeText(plainText(el));
}

function hasChromeName(el: El): boolean {
  if (el.tag === "nav" || el.tag === "footer" || el.tag === "header" || el.tag === "aside") return true;
  for (const name of [el.id, ...el.cls.split(/\s+/)]) {
    if (!name || name.startsWith("Mso")) continue; // Word paragraph styles (MsoHeader) are content
    if (CHROME_NAME.test(name)) return true;
    if (name.split(NAME_SPLIT).some((part) => CHROME_NAME.test(part))) return true;
  }
  return false;
}
