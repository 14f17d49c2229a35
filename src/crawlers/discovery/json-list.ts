import { load } from "cheerio/slim";
import type { Link } from "./types.ts";
import type { Page } from "./page.ts";
import { PRIORITY } from "./links.ts";
import { clean, yearIn } from "./text.ts";
import { isExcluded, isReportTitle } from "./relevance.ts";
import { documentShape } from "./url-shapes.ts";
import { attachmentLink } from "./attachments.ts";
import { rowLinks } from "./list-rows.ts";

// List APIs that answer JSON (gkmlpt, TRS search, JPaaS build/unit, others): the answer is walked
// for arrays of records — objects with a title-like and a URL-like field (title/doctitle/name,
// url/docpuburl/post_url/link …), their attachment arrays (attachment/attachments/files with
// name + url) — for a total (total/count/recordCount …), and for HTML fragments (data.html) that
// carry the rows as markup.

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

/** Title and URL fields, most telling first (a record's `title` before its `name`). */
const TITLE_KEYS = [/^(?:title|doctitle|doc_title|showtitle|maintitle|infotitle|subject|bt)$/i, /^(?:name|filename|file_name)$/i];
const URL_KEYS = [/^(?:url|post_url|posturl|docpuburl|puburl|docurl|chnldocurl|detailurl|linkurl|link|href|pageurl)$/i, /^(?:fileurl|file_url|path|downloadurl)$/i];
const ATTACHMENT_KEY = /^(?:attachment|attachments|attach|files|filelist|fj|appendix|appendixes)$/i;
const TOTAL_KEY = /^(?:total|count|totalcount|total_count|recordcount|totalrecord|totalrecords|totalelements|totalnum|rowcount|allcount)$/i;
const HTML_KEY = /^(?:html|content|data|list|result)$/i;

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
    if (typeof x === "string" && HTML_KEY.test(k) && /<a\b/i.test(x)) out.fragments.push(x);
    else walk(x, out, depth + 1);
  }
}

function asItem(e: unknown): JsonItem | undefined {
  if (!e || typeof e !== "object" || Array.isArray(e)) return undefined;
  const entries = Object.entries(e as Record<string, unknown>);
  const first = (keys: RegExp[]) => {
    for (const key of keys) {
      const hit = entries.find(([k, x]) => key.test(k) && typeof x === "string" && x.trim());
      if (hit) return (hit[1] as string).trim();
    }
    return undefined;
  };
  const title = first(TITLE_KEYS);
  const url = first(URL_KEYS);
  if (title === undefined || url === undefined) return undefined;
  const attachments: JsonItem["attachments"] = [];
  for (const [k, x] of entries) {
    if (!ATTACHMENT_KEY.test(k) || !Array.isArray(x)) continue;
    for (const f of x) {
      const fi = asItem(f);
      if (fi) attachments.push({ name: fi.title, url: fi.url });
    }
  }
  return { title: clean(title.replace(/<[^>]*>/g, "")), url, attachments };
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
