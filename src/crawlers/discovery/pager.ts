import type { Page } from "./page.ts";
import { MAX_LIST_PAGES } from "./links.ts";
import { clean, squash } from "./text.ts";

// Plain pagers: 下一页 / 尾页 / 末页 links and numbered page links. Two pager URLs that differ
// in one number give the template (index_3.html, ?page=3, &cur_page=3, Index_3.aspx); every
// page between the lowest and the highest number seen (or `共N页`) is then emitted, so a list
// whose pager shows 1 2 3 … 12 yields all twelve pages at once. `name.ext` beside `name_N.ext`
// is page 0 (TRS numbering). Page numbers above MAX_LIST_PAGES are never emitted, which also
// bounds lists where every page number answers and always offers a next page.

const NEXT = /^(?:下一?页|后一?页|下页|>|›|»|next|下一页>+|>>?)$/i;
const LAST = /^(?:尾页|末页|最后一?页|最末页|last|>>\||>\|)$/i;
/** First and previous links help find the template; they never extend the range. */
const BACK = /^(?:首页|第一页|上一?页|前一?页|<|‹|«|<<|first|prev(?:ious)?)$/i;
const NUMBER = /^\[?(\d{1,4})\]?$/;

interface Candidate {
  url: string;
  label: string;
  labelNumber?: number;
  last: boolean;
}

interface Template {
  /** The URL split around its numeric tokens. */
  pieces: string[];
  index: number;
  zeroForm?: string;
}

export interface PagerResult {
  urls: string[];
  capped: boolean;
  /** A declared page count (共N页), if the page prints one. */
  pageCount?: number;
}

export function pagerUrls(page: Page): PagerResult {
  const { $ } = page;
  const candidates: Candidate[] = [];
  $("a[href]").each((_, a) => {
    const label = squash(clean($(a).text()) || clean($(a).attr("title")));
    const n = NUMBER.exec(label);
    const isNext = NEXT.test(label);
    const isLast = LAST.test(label);
    if (!n && !isNext && !isLast && !BACK.test(label)) return;
    const url = page.resolve($(a).attr("href"));
    if (!url || url === page.url) return;
    candidates.push({ url, label, labelNumber: n ? Number(n[1]) : undefined, last: isLast });
  });
  const text = page.visibleText();
  const declared = /共\s*(\d{1,6})\s*页|\d+\s*\/\s*(\d{1,6})\s*页/.exec(text);
  const pageCount = declared ? Number(declared[1] ?? declared[2]) : undefined;
  if (candidates.length === 0) return { urls: [], capped: false, pageCount };

  const all = [page.url, ...candidates.map((c) => c.url)];
  const lone = candidates.find((c) => NEXT.test(c.label) || c.last);
  const template = findTemplate(all) ?? (pageCount !== undefined && lone ? singleTemplate(lone.url) : undefined);
  if (!template) {
    // One next link and nothing to interpolate: follow it (bounded by its own number).
    return { urls: lone && withinCap(lone.url) ? [lone.url] : [], capped: false, pageCount };
  }
  const numbers = new Map<string, number>();
  for (const u of all) {
    const n = numberAt(template, u);
    if (n !== undefined) numbers.set(u, n);
  }
  // Offset between what the pager says (page 2) and what the URL says (TRS index_1, UCAP index_2).
  const numbered = candidates.find((c) => c.labelNumber !== undefined && c.labelNumber > 1 && numbers.has(c.url));
  const offset = numbered ? numbers.get(numbered.url)! - numbered.labelNumber! : undefined;
  const seen = [...numbers.values()].filter((n) => !(template.zeroForm && n === 0));
  let max = Math.max(...seen);
  if (pageCount !== undefined) max = Math.max(max, pageCount + (offset ?? (template.zeroForm ? -1 : 0)));
  // The second page's number: index_1 (TRS), index_2 (UCAP, ASP.NET), else the lowest seen.
  const first = template.zeroForm && offset !== undefined ? offset + 2 : Math.min(...seen);
  const last = Math.min(max, MAX_LIST_PAGES + (template.zeroForm ? -1 : 0));
  const own = numberAt(template, page.url);
  const urls: string[] = [];
  for (let n = first; n <= last; n++) if (n !== own) urls.push(urlFor(template, n));
  return { urls, capped: max > last, pageCount };
}

function tokens(url: string): string[] {
  return url.split(/(\d+)/);
}

function findTemplate(urls: string[]): Template | undefined {
  for (let i = 0; i < urls.length; i++) {
    for (let j = i + 1; j < urls.length; j++) {
      const t = pairTemplate(urls[i], urls[j]);
      if (t) return t;
    }
  }
  return undefined;
}

/** Two URLs differing in exactly one number (or `x.ext` vs `x_N.ext`) → their template. */
function pairTemplate(a: string, b: string): Template | undefined {
  const zero = /^(.*\/[\w-]+?)(?:_(\d+))?(\.\w+)(\?.*)?$/;
  const ma = zero.exec(a);
  const mb = zero.exec(b);
  if (ma && mb && ma[1] === mb[1] && ma[3] === mb[3] && (ma[4] ?? "") === (mb[4] ?? "") && (ma[2] === undefined) !== (mb[2] === undefined)) {
    const numbered = ma[2] !== undefined ? a : b;
    const t = tokens(numbered);
    const zeroForm = `${ma[1]}${ma[3]}${ma[4] ?? ""}`;
    const index = t.length - 1 - (ma[4] ?? "").split(/(\d+)/).length; // the number before ".ext?query"
    if (/^\d+$/.test(t[index] ?? "")) return { pieces: t, index, zeroForm };
  }
  const ta = tokens(a);
  const tb = tokens(b);
  if (ta.length !== tb.length) return undefined;
  let diff = -1;
  for (let k = 0; k < ta.length; k++) {
    if (ta[k] === tb[k]) continue;
    if (k % 2 === 0 || diff >= 0) return undefined; // text differs, or two numbers differ
    diff = k;
  }
  return diff >= 0 ? { pieces: ta, index: diff } : undefined;
}

/** One pager URL with a page parameter (…&cur_page=2, ?page=2) as a template on its own. */
function singleTemplate(url: string): Template | undefined {
  const m = PAGE_PARAM.exec(url);
  if (!m) return undefined;
  const at = (m.index ?? 0) + m[1].length;
  const pieces = tokens(url);
  let pos = 0;
  for (let k = 0; k < pieces.length; k++) {
    if (pos === at && k % 2 === 1) return { pieces, index: k };
    pos += pieces[k].length;
  }
  return undefined;
}

function numberAt(t: Template, url: string): number | undefined {
  if (t.zeroForm && url === t.zeroForm) return 0;
  const p = tokens(url);
  if (p.length !== t.pieces.length) return undefined;
  for (let k = 0; k < p.length; k++) if (k !== t.index && p[k] !== t.pieces[k]) return undefined;
  return Number(p[t.index]);
}

function urlFor(t: Template, n: number): string {
  if (n === 0 && t.zeroForm) return t.zeroForm;
  const p = [...t.pieces];
  p[t.index] = String(n);
  return p.join("");
}

const PAGE_PARAM = /([?&](?:page|pageNo|pageNum|pageIndex|cur_page|curpage|currentPage|pagenum|p)=)(\d+)/i;

/** A lone next link is followed only while its page number stays under the cap. */
function withinCap(url: string): boolean {
  const m = PAGE_PARAM.exec(url) ?? /_(\d+)\.\w+$/.exec(url);
  const n = m ? Number(m[m.length - 1]) : undefined;
  return n === undefined || n <= MAX_LIST_PAGES;
}
