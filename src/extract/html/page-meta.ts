import type { DocumentMeta } from "../document-text.ts";
import type { El, ParsedPage } from "./dom.ts";
import { squash } from "./page-title.ts";
import { plainText } from "./text-stats.ts";

// What a portal page states about the article it carries: <meta name="ArticleTitle|ContentSource|
// ColumnName|PubDate"> (TRS and others), <ucaptitle> (UCAP), and the fields of the metadata table
// or line detail pages show (gkmlpt, TRS, Hanweb, UCAP): 发布机构：…, 来源：…, 名称：…, 发布日期：….
// Read before the page chrome is pruned, since these fields are chrome to the report's text.

type Field = "publisher" | "contentSource" | "articleTitle" | "pubDate";

const FIELD_LABELS: [Field, string][] = [
  ["publisher", "发布机构|发文机关|发布单位|发文单位|发布部门|公开主体|信息公开主体|制发机关"],
  ["contentSource", "信息来源|文章来源|稿件来源|来源单位|来源"],
  ["articleTitle", "信息名称|文件名称|名称|标题|题名"],
  ["pubDate", "发布日期|发布时间|公开日期"],
];
/** A label standing alone in its cell or span (发布机构：), its value in the next element. */
const LABEL_CELL = FIELD_LABELS.map(([field, labels]) => [field, new RegExp(`^(?:${labels})[:：]?$`)] as const);
/** A label inline (来源：某某镇人民政府), at the start of a text or after a space or bracket. */
const LABEL_INLINE = FIELD_LABELS.map(([field, labels]) => [field, new RegExp(`(?:^|[\\s|｜【\\[（(])(?:${labels})\\s*[:：]\\s*([^\\s:：|｜【】\\[\\]]*)`)] as const);
const LABEL_TAGS = new Set(["td", "th", "span", "label", "dt", "div", "strong", "b", "em", "p", "li", "font"]);
const MAX_VALUE = 120;

const clean = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, " ").trim();

/** The page's statements about its article, from its <meta> tags and its field labels. */
export function readPageMeta(page: ParsedPage): DocumentMeta {
  const fields = pageFields(page.body);
  const m = page.metas;
  const meta: DocumentMeta = {
    pageTitle: page.title,
    articleTitle: m.articletitle ?? ucapTitle(page.body) ?? documentTitle(fields.articleTitle),
    contentSource: m.contentsource ?? fields.contentSource,
    publisher: fields.publisher,
    columnName: m.columnname,
    pubDate: m.pubdate ?? fields.pubDate,
  };
  for (const key of Object.keys(meta) as (keyof DocumentMeta)[]) {
    const v = meta[key];
    if (typeof v !== "string" || clean(v) === "" || v.length > MAX_VALUE) delete meta[key];
    else (meta as Record<string, string>)[key] = clean(v);
  }
  return meta;
}

/** A 名称/标题 field's value, when it is a document's title (a table may have a 名称 column of its own). */
const documentTitle = (v: string | undefined) => (v && /报告|年报|报表|解读|指南|要点|通知|公告|函/.test(v) ? v : undefined);

function ucapTitle(body: El): string | undefined {
  const find = (el: El): El | undefined => {
    for (const c of el.children) {
      if (typeof c === "string") continue;
      if (c.tag === "ucaptitle") return c;
      const f = find(c);
      if (f) return f;
    }
    return undefined;
  };
  const el = find(body);
  return el ? plainText(el) : undefined;
}

/** The first value of each field label on the page. */
function pageFields(body: El): Partial<Record<Field, string>> {
  const found: Partial<Record<Field, string>> = {};
  const take = (field: Field, value: string) => {
    const v = clean(value);
    if (v !== "" && found[field] === undefined) found[field] = v;
  };
  const walk = (el: El) => {
    el.children.forEach((c, i) => {
      const next = el.children.slice(i + 1).find((n) => typeof n !== "string" || n.trim() !== "");
      if (typeof c === "string") {
        for (const [field, re] of LABEL_INLINE) {
          const hit = re.exec(c);
          if (!hit) continue;
          if (hit[1]) take(field, hit[1]);
          else if (next && typeof next !== "string" && /[:：]\s*$/.test(c)) take(field, plainText(next));
        }
        return;
      }
      const text = squash(plainText(c));
      const label = LABEL_TAGS.has(c.tag) && text.length <= 8 ? LABEL_CELL.find(([, re]) => re.test(text)) : undefined;
      if (label && next && typeof next !== "string") take(label[0], plainText(next));
      else walk(c);
    });
  };
  walk(body);
  return found;
}
