import { load } from "cheerio/slim";
import type { Link } from "./types.ts";
import type { Page } from "./page.ts";
import type { ModuleResult } from "./module.ts";
import { NOTHING } from "./module.ts";
import { datastores, type Datastore } from "./hanweb-datastore.ts";
import { PROXY_PATH, jpageConfigs, pageRequests, rangeRequests, withoutPaging, type JpageConfig } from "./hanweb-jpage.ts";
import { rowLinks } from "./list-rows.ts";
import { pageRange } from "./links.ts";

// Hanweb 大汉 jcms/jpage. A column (/col/col{id}/index.html) hides its first records in a
// `<script type="text/xml"><datastore>` (invisible to a plain link extractor): they become
// detail links (articles /art/Y/M/D/art_{col}_{id}.html) or attachments. Later records come from
// dataproxy.jsp, configured by the page's jpage script: list-api requests for the whole list
// (hanweb-jpage.ts). A dataproxy answer fed back (kind list-api, with its request) yields its
// records and the requests for the rest of the list, in the same style and method.

export function hanweb(page: Page): ModuleResult {
  if (page.kind === "list-api") return hanwebAnswer(page);
  const stores = datastores(page.text);
  const evidence = (stores.length ? 3 : 0) + (PROXY_PATH.test(page.text) ? 2 : 0) + (/\/col\/col\d+\/|\/art\/\d{4}\/\d+\/\d+\/art_\d+_\d+/.test(page.text + page.url) ? 2 : 0);
  const family = evidence > 0 ? { name: "hanweb", evidence } : undefined;
  if (stores.length === 0 && !PROXY_PATH.test(page.scriptText)) return { links: [], family };
  const links: Link[] = [];
  const notes: string[] = [];
  let rows = 0;
  for (const store of stores) {
    const found = recordLinks(page, store.records, page.reportContext);
    links.push(...found.links);
    rows += found.rows;
  }
  if (page.kind !== "column" && page.kind !== "list") return { links, family, rows };

  let paged = false;
  let declared: number | undefined;
  const colId = /\/col\/col(\d+)\//.exec(page.url)?.[1];
  let configs = jpageConfigs(page.scriptText);
  const own = configs.filter((c) => c.params.some(([k, v]) => k.toLowerCase() === "columnid" && v === colId));
  if (own.length) configs = own;
  for (const config of configs) {
    const store = storeFor(config, stores);
    const shown = store?.records.length ?? 0;
    const total = config.totalRecord ?? store?.totalRecord;
    declared = total ?? declared;
    if (total !== undefined && shown >= total) continue;
    const proxy = page.resolve(config.proxyUrl);
    if (!proxy) continue;
    const per = config.perPage ?? (shown || 15);
    const req = rangeRequests(proxy, config.params, config.method, shown + 1, per * config.groupSize, per, total, page.input.linkText);
    links.push(...req.links);
    paged ||= req.links.length > 0;
    if (req.capped) notes.push(`jpage totalRecord=${total} capped at ${req.links.length} requests`);
  }
  if (configs.length === 0) {
    // No jpage script to read: the datastore's own <nextgroup> link (page style, GET).
    for (const store of stores) {
      const next = page.resolve(store.nextgroup);
      if (!next || !PROXY_PATH.test(next)) continue;
      const per = store.records.length || 15;
      const start = Number(/[?&]page=(\d+)/i.exec(next)?.[1] ?? 1);
      const lastPage = store.totalPage ?? (store.totalRecord ? Math.ceil(store.totalRecord / per) : start);
      const { pages, capped } = pageRange(start, Math.max(start, lastPage));
      links.push(...pageRequests({ url: next, method: "GET" }, pages, page.input.linkText, "jpage nextgroup"));
      paged = true;
      declared = store.totalRecord ?? declared;
      if (capped) notes.push(`jpage nextgroup pages capped at ${pages.length}`);
    }
  }
  return { links, family: family ?? { name: "hanweb", evidence: 1 }, rows, paged, declaredRecords: declared, notes };
}

function storeFor(config: JpageConfig, stores: Datastore[]): Datastore | undefined {
  const unit = config.params.find(([k]) => k.toLowerCase() === "unitid")?.[1];
  return stores.find((s) => s.id !== undefined && (s.id === config.target || s.id === unit)) ?? (stores.length === 1 ? stores[0] : undefined);
}

function recordLinks(page: Page, records: string[], reportContext: boolean): { links: Link[]; rows: number } {
  if (records.length === 0) return { links: [], rows: 0 };
  const found = rowLinks(page, load(records.join("\n")), { family: "hanweb", reportContext, wholeFragment: true });
  return { links: found.links, rows: records.length };
}

/** A dataproxy.jsp answer: its records, and requests for the rest of the list in the same style. */
function hanwebAnswer(page: Page): ModuleResult {
  const request = page.input.request ?? { url: page.url, method: "GET" as const };
  if (!PROXY_PATH.test(request.url)) return NOTHING;
  const store = datastores(page.text)[0];
  if (!store) return { links: [], family: { name: "hanweb", evidence: 3 }, notes: ["dataproxy answer holds no <datastore>"] };
  const { links, rows } = recordLinks(page, store.records, true);
  const notes: string[] = [];
  const total = store.totalRecord;
  const q = new URL(request.url).searchParams;
  const start = Number(q.get("startrecord") ?? NaN);
  const end = Number(q.get("endrecord") ?? NaN);
  if (Number.isFinite(start) && Number.isFinite(end) && total !== undefined && end < total) {
    const chunk = end - start + 1;
    const perPage = Number(q.get("perpage") ?? chunk);
    const base = withoutPaging(request.url);
    const more = rangeRequests(base, [], request.method, end + 1, chunk, perPage, total, page.input.linkText);
    if (request.method === "POST") {
      // The same form as the request that produced this answer, as it was sent.
      for (const l of more.links) Object.assign(l, { body: request.body, headers: request.headers ?? l.headers });
    }
    links.push(...more.links);
    if (more.capped) notes.push(`dataproxy totalrecord=${total} capped`);
  } else {
    const pageNo = Number(q.get("page") ?? /(?:^|&)page=(\d+)/.exec(request.body ?? "")?.[1] ?? NaN);
    const lastPage = store.totalPage ?? (total !== undefined && store.records.length ? Math.ceil(total / store.records.length) : undefined);
    if (Number.isFinite(pageNo) && lastPage !== undefined && pageNo < lastPage) {
      const { pages, capped } = pageRange(pageNo + 1, lastPage);
      links.push(...pageRequests({ url: request.url, method: request.method, body: request.body, headers: request.headers }, pages, page.input.linkText, "dataproxy"));
      if (capped) notes.push(`dataproxy totalpage=${lastPage} capped`);
    }
  }
  return { links, rows, family: { name: "hanweb", evidence: 3 }, declaredRecords: total, notes };
}
