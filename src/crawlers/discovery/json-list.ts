import { load } from "cheerio/slim";
import type { Link } from "./types.ts";
import type { Page } from "./page.ts";
import { PRIORITY } from "./links.ts";
import { clean, yearIn } from "./text.ts";
import { isExcluded, isReportTitle } from "./relevance.ts";
import { documentShape } from "./url-shapes.ts";
import { attachmentLink } from "./attachments.ts";
import { rowLinks } from "./list-rows.ts";

// List APIs that answer JSON (gkmlpt, TRS search, JPaaS build/unit, a portal's own CMS): the
// answer is walked for arrays of records — objects with a title-like and a URL-like field — their
// attachment arrays, a total (total/count/recordCount …), and HTML fragments (any string holding
// `<a href>`: data.html, listHtml …) that carry the rows as markup. Field names vary with every
// CMS, so besides the known ones (title/doctitle/name, url/docpuburl/post_url/link …) a field
// named like one is taken (articleTitle, infoTitle, wjbt; staticUrl, articleUrl, attachUrl,
// htmlPath) when its value looks like what it should be; images, mobile twins and the like are not.

export interface JsonItem {
  title: string;
  url: string;
  attachments: Array<{ name?: string; url: string }>;
}

export interface JsonList {
  items: JsonItem[];
  total?: number;
  fragments: string[];
}

/** Title fields: the known ones, then fields named *title / *bt (the longest value), then names (of files above all). */
const TITLE_EXACT = /^(?:title|doctitle|doc_title|showtitle|maintitle|infotitle|subject|bt)$/i;
const TITLE_LIKE = /(?:title|^[a-z]{0,4}bt)$/i;
const NOT_TITLE = /^(?:sub|short|seo|site|web|chnl|channel|column|col|cat|category|dept|org|unit|page|window|browser|html|meta|parent)_?(?:title|bt)$/i;
const NAME_KEYS = /^(?:name|filename|file_name|attachname|attach_name|originalname|original_name|originname|realname|fjmc|wjmc)$/i;
/** URL fields: the known ones, then fields named *url / *href / *link / *uri / *path whose value is an address. */
const URL_EXACT = /^(?:url|post_url|posturl|docpuburl|puburl|docurl|chnldocurl|detailurl|linkurl|link|href|pageurl)$/i;
const URL_LIKE = /(?:url|href|link|uri|path)$/i;
const NOT_URL = /^(?:img|image|pic|picture|photo|thumb|thumbnail|cover|icon|logo|video|audio|media|avatar|qr|qrcode|wap|mobile|h5|share|app|api|callback|parent|channel|chnl|column|col|site|base|root|template|tpl|css|js|style)_?(?:url|href|link|uri|path)$/i;
const ADDRESS = /^(?:https?:\/\/|\/|\.{1,2}\/)|\.(?:s?html?|jsp|aspx?|php|do|pdf|docx?|wps|ofd|rtf|xlsx?|zip)(?:[?#]|$)/i;
const IMAGE = /\.(?:jpe?g|png|gif|bmp|webp|svg|ico)(?:[?#]|$)/i;
const ATTACHMENT_KEY = /^(?:attach\w*|affix\w*|appendix(?:es)?|files?|file_?list|fj\w*)$/i;
const TOTAL_KEY = /^(?:total|count|totalcount|total_count|recordcount|totalrecord|totalrecords|totalelements|totalnum|rowcount|allcount|totalrow|totalrows|totalsize|recordstotal|totalhits)$/i;
const FRAGMENT = /<a\b[^>]*\bhref\s*=/i;

export function jsonList(value: unknown): JsonList {
  const out: JsonList = { items: [], fragments: [] };
  walk(value, out, 0);
  return out;
}

function walk(v: unknown, out: JsonList, depth: number): void {
  if (depth > 8 || v === null || typeof v !== "object") return;
  if (Array.isArray(v)) {
    for (const e of v) {
      const item = asItem(e);
      if (item) out.items.push(item);
      else walk(e, out, depth + 1);
    }
    return;
  }
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (out.total === undefined && TOTAL_KEY.test(k) && depth <= 3) {
      const n = typeof x === "number" ? x : typeof x === "string" && /^\d+$/.test(x) ? Number(x) : undefined;
      if (n !== undefined) out.total = n;
    }
    if (typeof x === "string" && FRAGMENT.test(x)) out.fragments.push(x);
    else walk(x, out, depth + 1);
  }
}

function asItem(e: unknown): JsonItem | undefined {
  if (!e || typeof e !== "object" || Array.isArray(e)) return undefined;
  const strings = Object.entries(e as Record<string, unknown>).flatMap(([k, x]) => (typeof x === "string" && x.trim() ? [[k, x.trim()] as const] : []));
  const title = titleOf(strings);
  const url = urlOf(strings);
  if (title === undefined || url === undefined) return undefined;
  const attachments: JsonItem["attachments"] = [];
  for (const [k, x] of Object.entries(e as Record<string, unknown>)) {
    if (!ATTACHMENT_KEY.test(k) || !Array.isArray(x)) continue;
    for (const f of x) {
      const fi = asItem(f);
      if (fi) attachments.push({ name: fi.title, url: fi.url });
    }
  }
  return { title: clean(title.replace(/<[^>]*>/g, "")), url, attachments };
}

function titleOf(fields: ReadonlyArray<readonly [string, string]>): string | undefined {
  const exact = fields.find(([k]) => TITLE_EXACT.test(k));
  if (exact) return exact[1];
  const like = fields.filter(([k, v]) => TITLE_LIKE.test(k) && !NOT_TITLE.test(k) && !ADDRESS.test(v)).sort((a, b) => b[1].length - a[1].length)[0];
  return like?.[1] ?? fields.find(([k]) => NAME_KEYS.test(k))?.[1];
}

function urlOf(fields: ReadonlyArray<readonly [string, string]>): string | undefined {
  const exact = fields.find(([k]) => URL_EXACT.test(k));
  if (exact) return exact[1];
  return fields.find(([k, v]) => URL_LIKE.test(k) && !NOT_URL.test(k) && ADDRESS.test(v) && !IMAGE.test(v))?.[1];
}

/** Detail and attachment links for the records of a JSON list answer. */
export function jsonItemLinks(page: Page, list: JsonList, family: string, reportContext: boolean): { links: Link[]; rows: number } {
  const links: Link[] = [];
  for (const item of list.items) {
    const url = page.resolve(item.url);
    if (!url || isExcluded(item.title)) continue;
    const strict = isReportTitle(item.title);
    const ctx = { takeAll: reportContext || strict, family, itemTitle: item.title };
    if (documentShape(url)) {
      const link = attachmentLink(url, item.title, ctx, "document in a list answer");
      if (link) links.push(link);
    } else if (reportContext || strict) {
      links.push({ url, kind: "detail", text: item.title, year: yearIn(item.title), family, why: strict ? "report-like title" : "record of a 年报 list", priority: strict ? PRIORITY.reportDetail : PRIORITY.detail });
    } else continue;
    for (const f of item.attachments) {
      const furl = page.resolve(f.url);
      const link = furl && attachmentLink(furl, f.name, ctx, "attachment listed in a list answer");
      if (link) links.push(link);
    }
  }
  let rows = list.items.length;
  for (const fragment of list.fragments) {
    const found = rowLinks(page, load(fragment), { family, reportContext, wholeFragment: true });
    links.push(...found.links);
    rows += found.rows;
  }
  return { links, rows };
}
