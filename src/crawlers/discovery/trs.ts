import type { Link } from "./types.ts";
import type { Page } from "./page.ts";
import type { ModuleResult } from "./module.ts";
import { MAX_LIST_PAGES, PRIORITY } from "./links.ts";
import { objectsAfter } from "./js-literal.ts";
import { asCount, asText, scalarIn } from "./js-lookup.ts";

// TRS WCM static lists: index.html, index_1.html … index_{N-1}.html, where the pager is often
// only a script, so a plain fetch has no links to the other pages. The page count is read from
// the script — `var countPage = N` (+ currentPage), `createPageHTML(N, cur, "index", "html")`,
// `createPageHTML('page_div', N, cur, 'index', 'html', records)`, `Pager({size: N, current: c,
// prefix: 'index', suffix: 'html'})` — and every page becomes a `list` link, capped at
// MAX_LIST_PAGES (a countPage of 100000 is a broken or hostile page, not a list).

interface ScriptPager {
  count: number;
  current: number;
  name: string;
  ext: string;
  records?: number;
  source: string;
}

/** A long article split over pages (t…_1.html, t…_2.html): at most this many more pages. */
const MAX_ARTICLE_PAGES = 20;

export function trs(page: Page): ModuleResult {
  const family = trsEvidence(page);
  if (page.kind === "detail") return articlePages(page, family);
  if (page.kind !== "column" && page.kind !== "list") return { links: [], family };
  const pager = scriptPager(page);
  if (!pager || pager.count <= 1) return { links: [], family, declaredRecords: pager?.records };
  const dir = page.url.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
  const last = Math.min(pager.count, MAX_LIST_PAGES) - 1;
  const links: Link[] = [];
  for (let k = 0; k <= last; k++) {
    if (k === pager.current) continue;
    const url = dir + (k === 0 ? `${pager.name}.${pager.ext}` : `${pager.name}_${k}.${pager.ext}`);
    links.push({ url, kind: "list", family: "trs", why: `script pager ${pager.source}=${pager.count}`, priority: PRIORITY.list });
  }
  const notes = pager.count > MAX_LIST_PAGES ? [`script pager ${pager.source}=${pager.count} capped at ${MAX_LIST_PAGES} pages`] : [];
  return { links, family: family ?? { name: "trs", evidence: 1 }, paged: links.length > 0, declaredRecords: pager.records, notes };
}

/** A TRS article whose pager script splits it over pages: the other pages, as details. */
function articlePages(page: Page, family: ModuleResult["family"]): ModuleResult {
  const pager = scriptPager(page);
  const file = /\/(t\d{8}_\d+)(?:_\d+)?\.s?html?$/i.exec(page.url.replace(/[?#].*$/, ""));
  if (!pager || !file || pager.name !== file[1] || pager.count <= 1) return { links: [], family };
  const dir = page.url.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
  const links: Link[] = [];
  for (let k = 0; k < Math.min(pager.count, MAX_ARTICLE_PAGES + 1); k++) {
    if (k === pager.current) continue;
    const url = dir + (k === 0 ? `${pager.name}.${pager.ext}` : `${pager.name}_${k}.${pager.ext}`);
    links.push({ url, kind: "detail", text: page.input.linkText, family: "trs", why: `article continued on page ${k + 1} of ${pager.count}`, priority: PRIORITY.reportDetail });
  }
  return { links, family };
}

/** The page count a TRS pager script states, if any. */
function scriptPager(page: Page): ScriptPager | undefined {
  const src = page.scriptText;
  const ext = page.url.replace(/[?#].*$/, "").match(/\.(s?html?)$/i)?.[1] ?? "html";
  const call = /\bcreatePage(?:HTML)?\s*\(([^()]*)\)/i.exec(src);
  if (call) {
    const args = splitArgs(call[1]);
    const offset = /^\d+$/.test(args[0] ?? "") ? 0 : 1; // createPageHTML('page_div', N, cur, …)
    const count = num(args[offset]);
    if (count !== undefined) {
      return {
        count,
        current: num(args[offset + 1]) ?? 0,
        name: word(args[offset + 2]) ?? "index",
        ext: word(args[offset + 3]) ?? ext,
        records: num(args[offset + 4]),
        source: "createPageHTML",
      };
    }
  }
  const pagerObj = objectsAfter(src, /\bPager\s*\(\s*/g)[0]?.object;
  if (pagerObj) {
    const count = asCount(pagerObj.size ?? pagerObj.count ?? pagerObj.pageCount);
    if (count !== undefined) {
      return { count, current: asCount(pagerObj.current) ?? 0, name: asText(pagerObj.prefix) ?? "index", ext: asText(pagerObj.suffix) ?? ext, source: "Pager size" };
    }
  }
  const countPage = scalarIn(src, "countPage") ?? scalarIn(src, "pageCount") ?? scalarIn(src, "_nPageCount");
  if (countPage && /^\d+$/.test(countPage)) {
    const cur = scalarIn(src, "currentPage") ?? scalarIn(src, "_nCurrIndex");
    const name = /["'](\w+)["']\s*\+\s*["']_["']|["'](\w+)_["']\s*\+/.exec(src);
    const suffix = /["']\.(s?html?)["'\\]|\.["']\s*\+\s*["'](s?html?)\b/.exec(src);
    return {
      count: Number(countPage),
      current: cur && /^\d+$/.test(cur) ? Number(cur) : 0,
      name: name?.[1] ?? name?.[2] ?? "index",
      ext: suffix?.[1] ?? suffix?.[2] ?? ext,
      source: "countPage",
    };
  }
  return undefined;
}

function trsEvidence(page: Page): { name: string; evidence: number } | undefined {
  let n = 0;
  if (page.$(".TRS_Editor, .TRS_UEDITOR").length) n += 3;
  if (/createPageHTML|countPage|list2\.trsapi|trsapi/i.test(page.scriptText)) n += 2;
  if (/\/\d{6}\/t\d{8}_\d+\.s?html?/i.test(page.text)) n += 2;
  if (/["'\/]P0\d{10,}\.(?:pdf|docx?|wps|ofd)/i.test(page.text)) n += 1;
  return n > 0 ? { name: "trs", evidence: n } : undefined;
}

function splitArgs(s: string): string[] {
  const out: string[] = [];
  for (const m of s.matchAll(/\s*("[^"]*"|'[^']*'|[^,]*)\s*(?:,|$)/g)) {
    if (m[0] === "" && m.index === s.length) break;
    out.push(m[1].trim().replace(/^["']|["']$/g, ""));
  }
  return out;
}

function num(s: string | undefined): number | undefined {
  return s !== undefined && /^\d{1,9}$/.test(s.trim()) ? Number(s.trim()) : undefined;
}

function word(s: string | undefined): string | undefined {
  const w = s?.trim().replace(/^\./, "");
  return w && /^[\w-]+$/.test(w) ? w : undefined;
}
