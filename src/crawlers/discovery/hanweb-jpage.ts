import type { Link } from "./types.ts";
import { MAX_LIST_PAGES, PRIORITY } from "./links.ts";
import { objectsAfter, type JsValue } from "./js-literal.ts";
import { asCount, asText, pick, scalarIn } from "./js-lookup.ts";

// Hanweb jpage: how a column page's script asks dataproxy.jsp for the records after the first
// group, and the requests that page through the whole list. Two paging styles exist:
//   range: {proxy}?startrecord=S&endrecord=E&perpage=P, the list's parameters (col, appid, webid,
//          path, columnid, sourceContentType, unitid, webname, permissiontype) as a POST form —
//          or in the query string when the page's script sends them that way (a GET);
//   page:  {proxy}?page=N&…parameters… (the `<nextgroup>` link's form), GET.
// jpage asks for `groupSize` pages (default 3) of `perPage` records at a time.

export const PROXY_PATH = /\/module\/(?:web\/jpage|jslib\/jquery\/jpage|jpage)\/(?:more)?(?:column)?dataproxy\.jsp/i;
const LIST_PARAMS = ["col", "appid", "webid", "path", "columnid", "sourceContentType", "unitid", "webname", "permissiontype"];
const FORM = { "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8" };

export interface JpageConfig {
  /** The element the list renders into (`$('#123').jpage(…)`). */
  target?: string;
  proxyUrl: string;
  perPage?: number;
  groupSize: number;
  totalRecord?: number;
  params: Array<[string, string]>;
  method: "GET" | "POST";
}

/** The jpage lists a page's scripts configure (with their dataproxy address and parameters). */
export function jpageConfigs(scripts: string): JpageConfig[] {
  const out: JpageConfig[] = [];
  for (const { object, at } of objectsAfter(scripts, /\.jpage\s*\(\s*/g)) {
    const target = /\$\(\s*["']#([\w-]+)["']\s*\)\s*$/.exec(scripts.slice(Math.max(0, at - 80), at))?.[1];
    const named = asText(pick(object, "proxyUrl", "proxyurl", "dataUrl", "url"));
    const proxy = named ? withoutPaging(named) : proxyInScript(scripts);
    if (!proxy) continue;
    const paramObj = pick(object, "ajaxParam", "ajaxParams", "param", "params", "data");
    const params = paramObj && typeof paramObj === "object" && !Array.isArray(paramObj) ? scalars(paramObj) : scriptParams(scripts);
    const type = (asText(pick(object, "ajaxType", "method", "type")) ?? "").toUpperCase();
    out.push({
      target,
      proxyUrl: proxy,
      perPage: asCount(pick(object, "perPage", "perpage", "pageSize")),
      groupSize: asCount(pick(object, "groupSize", "groupsize")) ?? 3,
      totalRecord: asCount(pick(object, "totalRecord", "totalrecord", "totalRecords")),
      params,
      method: type === "GET" || /[?&]columnid=/i.test(proxy) ? "GET" : "POST",
    });
  }
  if (out.length === 0) {
    // No jpage() call: a script that names the proxy and the list's parameters as variables.
    const proxy = proxyInScript(scripts);
    const params = scriptParams(scripts);
    if (proxy && params.some(([k]) => k === "columnid")) {
      const per = scalarIn(scripts, "perpage") ?? scalarIn(scripts, "perPage");
      const total = scalarIn(scripts, "totalRecord") ?? scalarIn(scripts, "totalrecord");
      const get = /type\s*:\s*["']get["']/i.test(scripts) || /[?&]columnid=/i.test(proxy);
      out.push({ proxyUrl: proxy, perPage: num(per), groupSize: 3, totalRecord: num(total), params, method: get ? "GET" : "POST" });
    }
  }
  return out;
}

/** The dataproxy address a script names, without the paging parameters it appends at run time. */
function proxyInScript(scripts: string): string | undefined {
  const found = /["']((?:https?:\/\/[^"'/]+)?\/module\/[\w/]*dataproxy\.jsp[^"']*)["']/i.exec(scripts)?.[1];
  return found && withoutPaging(found);
}

export function withoutPaging(url: string): string {
  const q = url.indexOf("?");
  if (q < 0) return url;
  const kept = url
    .slice(q + 1)
    .split("&")
    .filter((p) => p && !/^(?:startrecord|endrecord|perpage|page)=/i.test(p));
  return url.slice(0, q) + (kept.length ? `?${kept.join("&")}` : "");
}

function scalars(obj: { [k: string]: JsValue }): Array<[string, string]> {
  return Object.entries(obj).flatMap(([k, v]) => {
    const s = asText(v);
    return s === undefined ? [] : [[k, s] as [string, string]];
  });
}

function scriptParams(scripts: string): Array<[string, string]> {
  return LIST_PARAMS.flatMap((k) => {
    const v = scalarIn(scripts, k);
    return v === undefined ? [] : [[k, v] as [string, string]];
  });
}

function num(s: string | undefined): number | undefined {
  return s && /^\d+$/.test(s) ? Number(s) : undefined;
}

function formBody(params: Array<[string, string]>): string {
  return params.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join("&");
}

/** Range-style requests for records `from` … `total` in chunks (one request when total is unknown). */
export function rangeRequests(proxy: string, params: Array<[string, string]>, method: "GET" | "POST", from: number, chunk: number, perPage: number, total: number | undefined, text: string | undefined): { links: Link[]; capped: boolean } {
  const links: Link[] = [];
  const last = total ?? from + chunk - 1;
  let capped = false;
  for (let s = from; s <= last; s += chunk) {
    if (links.length >= MAX_LIST_PAGES) {
      capped = true;
      break;
    }
    const range = `startrecord=${s}&endrecord=${s + chunk - 1}&perpage=${perPage}`;
    const sep = proxy.includes("?") ? "&" : "?";
    const link: Link =
      method === "GET"
        ? { url: `${proxy}${sep}${range}${params.length ? `&${formBody(params)}` : ""}`, kind: "list-api", method: "GET", text, family: "hanweb", why: `jpage dataproxy records ${s}-${s + chunk - 1}${total ? ` of ${total}` : ""}`, priority: PRIORITY.listApi }
        : { url: `${proxy}${sep}${range}`, kind: "list-api", method: "POST", body: formBody(params), headers: { ...FORM }, text, family: "hanweb", why: `jpage dataproxy records ${s}-${s + chunk - 1}${total ? ` of ${total}` : ""}`, priority: PRIORITY.listApi };
    links.push(link);
  }
  return { links, capped };
}

/** Page-style requests: the template URL (or its POST body, when the page number is there) with page=N. */
export function pageRequests(template: { url: string; method: "GET" | "POST"; body?: string; headers?: Record<string, string> }, pages: number[], text: string | undefined, why: string): Link[] {
  const inBody = template.method === "POST" && template.body !== undefined && PAGE_PARAM.test(template.body);
  return pages.slice(0, MAX_LIST_PAGES).map((n) => ({
    url: inBody ? template.url : setPage(template.url, n),
    kind: "list-api" as const,
    method: template.method,
    body: inBody ? setPage(template.body!, n) : template.body,
    headers: template.headers,
    text,
    family: "hanweb",
    why: `${why} page ${n}`,
    priority: PRIORITY.listApi,
  }));
}

const PAGE_PARAM = /(^|[?&])page=\d+/i;

function setPage(s: string, n: number): string {
  if (PAGE_PARAM.test(s)) return s.replace(PAGE_PARAM, `$1page=${n}`);
  return `${s}${s.includes("?") ? "&" : "?"}page=${n}`;
}
