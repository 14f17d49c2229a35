import type { Link } from "./types.ts";
import type { Page } from "./page.ts";
import type { ModuleResult } from "./module.ts";
import { NOTHING } from "./module.ts";
import { MAX_LIST_PAGES, PRIORITY } from "./links.ts";
import { scalarIn } from "./js-lookup.ts";
import { jsonItemLinks, jsonList } from "./json-list.ts";

// Zhejiang's newer Hanweb sites (JPaaS): a column's list comes from
//   GET /api-gateway/jpaas-publish-server/front/page/build/unit?webId=…&pageId=…&parseType=bulidstatic
//       &pageType=column&tagId=…&tplSetId=…&paramJson={"pageNo":N,"pageSize":M}
// with the parameters written in the column page (a script object or a `queryData="{…}"`
// attribute). The answer is JSON whose `data.html` holds the rows as markup. Assumed (modelled
// from the field notes and public crawlers, no real page at hand): the parameters are readable
// as `key: 'value'` / `'key':'value'` / `key=value` anywhere in the page; pageSize defaults to 15;
// a total, when the answer has one (data.total …), bounds the pages, and without one the next
// page is asked for while a page comes back full.

const JPAAS_PATH = "/api-gateway/jpaas-publish-server/front/page/build/unit";
const REQUIRED = ["webId", "pageId", "tplSetId", "tagId"] as const;

export function jpaas(page: Page): ModuleResult {
  if (page.kind === "list-api") return jpaasAnswer(page);
  if ((page.kind !== "column" && page.kind !== "list") || !page.text.includes(JPAAS_PATH)) return NOTHING;
  const values = new Map<string, string>();
  for (const k of [...REQUIRED, "parseType", "pageType", "editType", "pageSize"]) {
    const v = scalarIn(page.text, k);
    if (v !== undefined) values.set(k, v);
  }
  const family = { name: "hanweb", evidence: 3 };
  if (!REQUIRED.every((k) => values.has(k))) {
    return { links: [], family, needsBrowser: `JPaaS list (build/unit) without readable ${REQUIRED.filter((k) => !values.has(k)).join(", ")}` };
  }
  const size = Number(values.get("pageSize") ?? 15) || 15;
  const params = new URLSearchParams({
    webId: values.get("webId")!,
    pageId: values.get("pageId")!,
    parseType: values.get("parseType") ?? "bulidstatic",
    pageType: values.get("pageType") ?? "column",
    tagId: values.get("tagId")!,
    tplSetId: values.get("tplSetId")!,
  });
  if (values.has("editType")) params.set("editType", values.get("editType")!);
  const base = new URL(JPAAS_PATH, page.url).href + "?" + params.toString();
  return { links: [request(base, 1, size, page.input.linkText, "JPaaS build/unit list")], family, paged: true };
}

function request(base: string, pageNo: number, pageSize: number, text: string | undefined, why: string): Link {
  const paramJson = encodeURIComponent(JSON.stringify({ pageNo, pageSize }));
  return { url: `${base}&paramJson=${paramJson}`, kind: "list-api", method: "GET", text, family: "hanweb", why: `${why} page ${pageNo}`, priority: PRIORITY.listApi };
}

function jpaasAnswer(page: Page): ModuleResult {
  const url = page.input.request?.url ?? page.url;
  if (!url.includes(JPAAS_PATH)) return NOTHING;
  const json = page.json();
  if (json === undefined) return { links: [], notes: ["JPaaS answer is not JSON"] };
  const list = jsonList(json);
  const found = jsonItemLinks(page, list, "hanweb", true);
  const links = [...found.links];
  const u = new URL(url);
  let paging: { pageNo?: unknown; pageSize?: unknown } = {};
  try {
    paging = JSON.parse(u.searchParams.get("paramJson") ?? "{}") as typeof paging;
  } catch {
    // unreadable paramJson: no further pages
  }
  const pageNo = Number(paging.pageNo);
  const pageSize = Number(paging.pageSize);
  u.searchParams.delete("paramJson");
  const base = u.href;
  if (Number.isFinite(pageNo) && pageSize > 0) {
    const last = list.total !== undefined ? Math.ceil(list.total / pageSize) : found.rows >= pageSize ? pageNo + 1 : pageNo;
    for (let n = pageNo + 1; n <= Math.min(last, MAX_LIST_PAGES); n++) links.push(request(base, n, pageSize, page.input.linkText, "JPaaS build/unit"));
  }
  return { links, rows: found.rows, declaredRecords: list.total, family: { name: "hanweb", evidence: 3 } };
}
