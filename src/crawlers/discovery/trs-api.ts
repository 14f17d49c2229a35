import type { Link } from "./types.ts";
import type { Page } from "./page.ts";
import type { ModuleResult } from "./module.ts";
import { NOTHING } from "./module.ts";
import { MAX_LIST_PAGES, PRIORITY } from "./links.ts";
import { objectsAfter, type JsObject } from "./js-literal.ts";
import { asCount, asText, pick } from "./js-lookup.ts";
import { jsonItemLinks, jsonList } from "./json-list.ts";

// Newer TRS sites (Fujian's, `list2.trsapi`) render only a list's first page statically and fetch
// the rest from a TRS search API configured in a script: `channelid`, `classsql: "chnlid=…"`,
// `prepage`, `recordCount`, `maxStaticIndex`, and the API's address. What is assumed (no real
// page at hand, only the field notes):
//   - the address is the config's `url` / `apiUrl` / `searchUrl` / `dataUrl` / `action` string;
//   - a page of the API is GET {address}?channelid=…&classsql=…&sortfield=…&prepage=P&page=N,
//     N counted from 1 (page 1 is what the page shows; pages 2…⌈recordCount/P⌉ are requested);
//   - `maxStaticIndex` = the last static page index: index_1 … index_{maxStaticIndex} exist.
// Without a readable address the list needs a browser (`needsBrowser`, with the reason).
// The API's JSON answers are read by json-list.ts.

const ENDPOINT_KEYS = ["url", "apiUrl", "searchUrl", "dataUrl", "requestUrl", "action", "api"];
const QUERY_KEYS = ["channelid", "classsql", "sortfield", "searchscope", "searchword"];

export function trsApi(page: Page): ModuleResult {
  if (page.kind === "list-api") return trsApiAnswer(page);
  if (page.kind !== "column" && page.kind !== "list") return NOTHING;
  if (!/trsapi|classsql|maxStaticIndex/i.test(page.scriptText)) return NOTHING;
  const config = findConfig(page.scriptText);
  if (!config) return NOTHING;
  const records = asCount(pick(config, "recordCount", "recordcount", "total"));
  const per = asCount(pick(config, "prepage", "pageSize", "perpage"));
  const maxStatic = asCount(pick(config, "maxStaticIndex")) ?? 0;
  const family = { name: "trs", evidence: 3 };
  if (records === undefined || !per) return { links: [], family, declaredRecords: records };
  const pages = Math.ceil(records / per);
  if (pages <= 1) return { links: [], family, declaredRecords: records };
  const links: Link[] = [];
  const dir = page.url.replace(/[?#].*$/, "").replace(/[^/]*$/, "");
  const ext = /\.(s?html?)(?:[?#]|$)/i.exec(page.url)?.[1] ?? "html";
  for (let k = 1; k <= Math.min(maxStatic, pages - 1, MAX_LIST_PAGES - 1); k++) {
    links.push({ url: `${dir}index_${k}.${ext}`, kind: "list", family: "trs", why: `static page below maxStaticIndex=${maxStatic}`, priority: PRIORITY.list });
  }
  const endpointText = ENDPOINT_KEYS.map((k) => asText(pick(config, k))).find((v) => v && /^(?:https?:\/\/|\/|\.{1,2}\/)/.test(v));
  const endpoint = page.resolve(endpointText);
  const notes: string[] = [];
  if (!endpoint) {
    return { links, family, declaredRecords: records, paged: links.length > 0, needsBrowser: `TRS list declares ${records} records (${pages} pages of ${per}) but its search API (list2.trsapi) names no readable address` };
  }
  const query = QUERY_KEYS.flatMap((k) => {
    const v = asText(pick(config, k));
    return v === undefined ? [] : [`${k}=${encodeURIComponent(v)}`];
  });
  const last = Math.min(pages, MAX_LIST_PAGES);
  if (pages > last) notes.push(`TRS API recordCount=${records} capped at ${MAX_LIST_PAGES} pages`);
  for (let n = 2; n <= last; n++) {
    const url = `${endpoint}${endpoint.includes("?") ? "&" : "?"}${[...query, `prepage=${per}`, `page=${n}`].join("&")}`;
    links.push({ url, kind: "list-api", method: "GET", text: page.input.linkText, family: "trs", why: `TRS search API, recordCount=${records}`, priority: PRIORITY.listApi });
  }
  return { links, family, declaredRecords: records, paged: true, notes };
}

function findConfig(src: string): JsObject | undefined {
  for (const { object } of objectsAfter(src, /(?:\(|=)\s*/g)) {
    if (pick(object, "classsql") !== undefined || pick(object, "channelid") !== undefined || pick(object, "maxStaticIndex") !== undefined) return object;
  }
  return undefined;
}

/** A TRS search API answer (JSON): its records. Further pages were all requested from the column. */
function trsApiAnswer(page: Page): ModuleResult {
  const req = page.input.request?.url ?? page.url;
  if (!/[?&](?:classsql|channelid)=/i.test(req)) return NOTHING;
  const json = page.json();
  if (json === undefined) return NOTHING;
  const list = jsonList(json);
  const found = jsonItemLinks(page, list, "trs", true);
  return { links: found.links, rows: found.rows, declaredRecords: list.total, family: { name: "trs", evidence: 3 } };
}
