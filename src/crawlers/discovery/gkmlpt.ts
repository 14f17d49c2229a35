import type { Link } from "./types.ts";
import type { Page } from "./page.ts";
import type { ModuleResult } from "./module.ts";
import { NOTHING } from "./module.ts";
import { MAX_LIST_PAGES, PRIORITY } from "./links.ts";
import { objectsAfter, readJsValue, type JsValue } from "./js-literal.ts";
import { asCount, asText, pick } from "./js-lookup.ts";
import { jsonItemLinks, jsonList } from "./json-list.ts";
import { squash, yearIn } from "./text.ts";
import { isExcluded } from "./relevance.ts";

// Guangdong's 政府信息公开目录管理平台 (gkmlpt). `/…/gkmlpt/index` is a script application with
// no document links; its `window._CONFIG` (or `var _CONFIG = {…}`) carries `SID` and a `TREE` of
// categories (id, name, post_count, children). The 年报 categories (by name, with their
// descendants) are listed through `/…/gkmlpt/api/all/{id}?page=N&sid={SID}`, N from 1 (page 0
// repeats page 1 on some sites, so it is never asked for). With no 年报 category, the whole
// catalogue (category 0) is listed instead and only report-like titles are taken. The JSON
// answer (`articles[]`: title, url, date, attachment[] with name/url; `total`/`count`) gives
// details, their attachments straight from the JSON, and the remaining pages; a site that serves
// everything on one page (articles ≥ total) gets no more requests.

const REPORT_CATEGORY = /年报|年度报告/;
/** The text of the whole-catalogue request: its answers are filtered by title. */
export const WHOLE_CATALOGUE = "全部信息（整个目录）";

interface Category {
  id: string;
  name: string;
  posts?: number;
}

export function gkmlpt(page: Page): ModuleResult {
  if (page.kind === "list-api") return gkmlptAnswer(page);
  const prefix = /^(.*?\/gkmlpt)\//i.exec(page.url)?.[1];
  const config = readConfig(page.scriptText);
  if (!config) {
    if (!prefix) return NOTHING;
    const index = /\/gkmlpt\/index$/i.test(page.url.replace(/[?#].*$/, ""));
    return { links: [], family: { name: "gkmlpt", evidence: 2 }, needsBrowser: index ? "gkmlpt index without a readable _CONFIG (SID, TREE)" : undefined };
  }
  const family = { name: "gkmlpt", evidence: 5 };
  const sid = asText(pick(config, "SID", "sid", "siteId"));
  const root = prefix ?? new URL("/gkmlpt", page.url).href;
  if (!sid) return { links: [], family, notes: ["gkmlpt _CONFIG has no SID"] };
  const tree = pick(config, "TREE", "tree");
  const all = flatten(Array.isArray(tree) ? tree : [], false);
  let chosen = all.filter((c) => c.inReport);
  const notes: string[] = [];
  if (chosen.length === 0) {
    chosen = [{ id: "0", name: WHOLE_CATALOGUE, inReport: true }];
    notes.push("gkmlpt TREE has no 年报 category: the whole catalogue (category 0) is listed, titles filtered");
  }
  const links: Link[] = chosen.map((c) => ({
    url: `${root}/api/all/${c.id}?page=1&sid=${encodeURIComponent(sid)}`,
    kind: "list-api",
    method: "GET",
    text: c.name,
    year: yearIn(c.name),
    family: "gkmlpt",
    why: c.name === WHOLE_CATALOGUE ? "gkmlpt whole catalogue" : `gkmlpt category ${c.name}${c.posts !== undefined ? ` (${c.posts} posts)` : ""}`,
    priority: PRIORITY.listApi,
  }));
  return { links, family, paged: links.length > 0, notes };
}

function readConfig(scripts: string) {
  const found = objectsAfter(scripts, /\b(?:window\.)?_CONFIG\s*=\s*/g)[0]?.object;
  if (found) return found;
  // Some pages assign the tree on its own: `var TREE = [...]`, `SID = '…'`.
  const treeAt = /\bTREE\s*[:=]\s*(?=\[)/.exec(scripts);
  const sid = /\bSID\s*[:=]\s*["']?(\w+)/.exec(scripts)?.[1];
  if (!treeAt || !sid) return undefined;
  return { SID: sid, TREE: readJsValue(scripts, treeAt.index + treeAt[0].length).value };
}

/** Categories in tree order; a 年报 category's descendants are 年报 too. */
function flatten(nodes: JsValue[], parentInReport: boolean, depth = 0): Array<Category & { inReport: boolean }> {
  const out: Array<Category & { inReport: boolean }> = [];
  if (depth > 8) return out;
  for (const n of nodes) {
    if (!n || typeof n !== "object" || Array.isArray(n)) continue;
    const id = asText(n.id ?? n.ID ?? n.catId);
    const name = asText(n.name ?? n.NAME ?? n.title) ?? "";
    if (id === undefined) continue;
    const inReport = parentInReport || (REPORT_CATEGORY.test(squash(name)) && !isExcluded(name));
    out.push({ id, name, posts: asCount(n.post_count ?? n.count), inReport });
    const children = n.children ?? n.CHILDREN ?? n.child;
    if (Array.isArray(children)) out.push(...flatten(children, inReport, depth + 1));
  }
  return out;
}

/** A gkmlpt list answer: its articles (and their attachments), and the remaining pages. */
function gkmlptAnswer(page: Page): ModuleResult {
  const request = page.input.request?.url ?? page.url;
  const m = /^(.*\/gkmlpt\/api\/all\/\w+)\?(.*)$/i.exec(request);
  if (!m) return NOTHING;
  const json = page.json();
  if (json === undefined) return { links: [], family: { name: "gkmlpt", evidence: 5 }, notes: ["gkmlpt answer is not JSON"] };
  const list = jsonList(json);
  // A 年报 category's articles are all candidates; the whole catalogue's only by title.
  const text = page.input.linkText;
  const reportContext = text !== WHOLE_CATALOGUE && (text === undefined || REPORT_CATEGORY.test(squash(text)));
  const found = jsonItemLinks(page, list, "gkmlpt", reportContext);
  const links = [...found.links];
  const notes: string[] = [];
  const q = new URLSearchParams(m[2]);
  const pageNo = Number(q.get("page") ?? 1);
  const per = list.items.length;
  if (list.total !== undefined && per > 0 && per < list.total && pageNo <= 1) {
    const last = Math.ceil(list.total / per);
    const capped = Math.min(last, MAX_LIST_PAGES);
    if (capped < last) notes.push(`gkmlpt total=${list.total} capped at ${MAX_LIST_PAGES} pages`);
    for (let n = Math.max(pageNo, 1) + 1; n <= capped; n++) {
      q.set("page", String(n));
      links.push({ url: `${m[1]}?${q.toString()}`, kind: "list-api", method: "GET", text: page.input.linkText, family: "gkmlpt", why: `gkmlpt total=${list.total}, ${per} a page`, priority: PRIORITY.listApi });
    }
  }
  return { links, rows: found.rows, declaredRecords: list.total, family: { name: "gkmlpt", evidence: 5 }, notes };
}
