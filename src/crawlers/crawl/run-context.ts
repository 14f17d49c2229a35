import type { Request, RequestQueueV1 } from "@crawlee/cheerio";
import type { Kysely } from "kysely";
import type { Database } from "../../store/database.ts";
import type { FetchRow, PreviousFetch } from "../../store/crawl-fetches.ts";
import type { CrawlRun } from "../../store/crawl-runs.ts";
import type { Portal } from "../../store/portals.ts";
import { canonicalKey } from "../discovery/url-canon.ts";
import type { ApiRequest, Link, PageKind } from "../discovery/types.ts";
import type { BrowserLane } from "../fetch/browser-lane.ts";
import type { Fetcher } from "../fetch/fetcher.ts";
import type { EdgeHttpClient } from "./edge-http-client.ts";
import { CrawlTotals, type CrawlEvent, type Outcome } from "./crawl-events.ts";
import { CrawlLog } from "./crawl-log.ts";
import { ExtractionPool } from "./extraction-pool.ts";
import { PortalScope } from "./portal-scope.ts";

// What the handlers of one crawl run share: the archive, the run, each portal with its scope and
// page budget, the edge and its browser lane, the request queue, and the running totals. Links
// become Crawlee requests here (one per canonical URL: http/https and mobile twins collapse), within
// the portal's scope and budget.

export interface CrawlLimits {
  /** Pages (not documents) fetched per portal and run, at most. */
  maxPages: number;
  /** How many navigation steps from the start page before the 年报 column must be found. */
  maxNavDepth: number;
  /** List pages followed per column (pagers), at most. */
  maxListPages: number;
}

/** What a request carries through the queue (persisted as JSON: plain data only). */
export interface CrawlData {
  portalId: string;
  kind: PageKind;
  depth: number;
  linkText?: string;
  fileName?: string;
  /** For attachments: the detail page's title and publisher (the document's weakest evidence). */
  contextTitle?: string;
  contextPublisher?: string;
  api?: ApiRequest;
  /** A report URL from an earlier crawl, revisited to see it unchanged, changed or gone. */
  revisit?: boolean;
  /** The column a list page belongs to (for the list-page budget and the repeating-page trap). */
  column?: string;
}

export interface PortalRun {
  portal: Portal;
  scope: PortalScope;
  pages: number;
  listPages: Map<string, number>;
  listBodies: Map<string, Set<string>>;
}

export class RunContext {
  readonly totals = new CrawlTotals();
  readonly portals = new Map<string, PortalRun>();
  /** Documents are extracted in worker threads, one at a time each (extraction-pool.ts). */
  readonly extractor: ExtractionPool;
  /** Each URL's previous capture: preloaded for the run's portals, else looked up for its conditional headers; used again by its handler. */
  readonly previous = new Map<string, PreviousFetch | undefined>();
  readonly db: Kysely<Database>;
  /** The crawl log (fetches, counts, sightings), written in batches. */
  readonly log: CrawlLog;
  readonly run: CrawlRun;
  readonly fetcher: Fetcher;
  readonly client: EdgeHttpClient;
  readonly queue: RequestQueueV1;
  readonly warcDir: string;
  readonly lane: BrowserLane | undefined;
  readonly limits: CrawlLimits;
  private readonly emit: (e: CrawlEvent) => void;
  /**
   * Request keys this run has handed the queue. Two pages of one list often link the same items at
   * once: adding them in two concurrent batches let both count as new in Crawlee's queue, whose
   * total then exceeds what is ever handled — and the crawl waited out its 10 s consistency delay
   * before it could finish.
   */
  private readonly queued = new Set<string>();

  constructor(parts: {
    db: Kysely<Database>; run: CrawlRun; fetcher: Fetcher; client: EdgeHttpClient; queue: RequestQueueV1; warcDir: string;
    lane: BrowserLane | undefined; limits: CrawlLimits; portals: Portal[]; onEvent: (e: CrawlEvent) => void; extractors: number;
  }) {
    this.extractor = new ExtractionPool(parts.extractors);
    this.db = parts.db;
    this.log = new CrawlLog(parts.db);
    this.run = parts.run;
    this.fetcher = parts.fetcher;
    this.client = parts.client;
    this.queue = parts.queue;
    this.warcDir = parts.warcDir;
    this.lane = parts.lane;
    this.limits = parts.limits;
    this.emit = parts.onEvent;
    for (const portal of parts.portals) {
      this.portals.set(portal.id, { portal, scope: new PortalScope(portal.startUrl, portal.hosts), pages: 0, listPages: new Map(), listBodies: new Map() });
      if (portal.delayMs !== null) for (const host of [new URL(portal.startUrl).host, ...portal.hosts]) this.fetcher.host(host).minDelayMs = portal.delayMs;
    }
  }

  portal(id: string): PortalRun {
    const p = this.portals.get(id);
    if (!p) throw new Error(`portal ${id} is not part of crawl run ${this.run.id}`);
    return p;
  }

  event(e: CrawlEvent): void {
    this.emit(e);
  }

  /** Records a fetch's outcome in the archive and the totals, and reports it. */
  async outcome(request: Pick<Request, "url" | "method">, data: Pick<CrawlData, "portalId"> & { kind: string }, outcome: Outcome, row: Omit<FetchRow, "runId" | "portalId" | "url" | "kind" | "outcome">, started: number): Promise<void> {
    const event = { type: "fetch" as const, portal: data.portalId, url: request.url, kind: data.kind, status: row.httpStatus ?? null, outcome, detail: row.detail ?? undefined, ms: Date.now() - started };
    this.totals.count(event);
    const counts = {
      pages: data.kind === "detail" || data.kind === "attachment" ? 0 : 1,
      documents: data.kind === "detail" || data.kind === "attachment" ? 1 : 0,
      reportsNew: outcome === "report_new" ? 1 : 0,
      reportsChanged: outcome === "report_changed" ? 1 : 0,
      reportsUnchanged: outcome === "report_unchanged" ? 1 : 0,
      notReports: outcome === "not_a_report" ? 1 : 0,
      failures: outcome === "failed" || outcome === "blocked" ? 1 : 0,
    };
    await this.log.fetch({ ...row, runId: this.run.id, portalId: data.portalId, url: request.url, method: request.method, kind: data.kind, outcome, fetchedAt: row.fetchedAt ?? new Date() }, counts);
    this.emit(event);
  }

  /** Queues requests that come from no page (start pages, earlier crawls' report URLs), those not queued yet; returns how many are new to the queue or still waiting in it. */
  async addSeeds(requests: QueuedRequest[]): Promise<number> {
    const { processed } = await this.addOnce(requests);
    return processed.filter((r) => !r.wasAlreadyPresent || !r.wasAlreadyHandled).length;
  }

  /** Hands the queue the requests this run has not handed it yet (each key once): those, and what the queue made of them. */
  private async addOnce(requests: QueuedRequest[]) {
    const fresh = requests.filter((r) => !this.queued.has(r.uniqueKey) && Boolean(this.queued.add(r.uniqueKey)));
    return { fresh, processed: fresh.length ? (await this.queue.addRequests(fresh)).processedRequests : [] };
  }

  /**
   * Queues links found on a page of `from`'s portal: in scope, within the navigation depth and the
   * page and list budgets, once per canonical URL. Budgets count only requests new to the queue.
   */
  async enqueue(from: CrawlData, links: Link[], context: { title?: string; publisher?: string } = {}): Promise<number> {
    const p = this.portal(from.portalId);
    const budget = p.portal.maxPages ?? this.limits.maxPages;
    const requests: QueuedRequest[] = [];
    for (const link of links) {
      let url: URL;
      try { url = new URL(link.url); } catch { continue; }
      if (!p.scope.allows(url, link.kind)) continue;
      const depth = link.kind === "nav" ? from.depth + 1 : from.depth;
      if (link.kind === "nav" && depth > this.limits.maxNavDepth) continue;
      const isPage = link.kind !== "attachment" && link.kind !== "detail";
      if (isPage && p.pages >= budget) continue;
      const paging = link.kind === "list" || link.kind === "list-api";
      const column = paging ? from.column ?? canonicalKey(from.api?.url ?? url.href) : link.kind === "column" ? canonicalKey(url.href) : from.column;
      if (paging && (p.listPages.get(column!) ?? 0) >= this.limits.maxListPages) continue;
      const data: CrawlData = {
        portalId: from.portalId, kind: link.kind, depth, linkText: link.text, fileName: link.fileName, column,
        ...(link.kind === "attachment" ? { contextTitle: context.title, contextPublisher: context.publisher } : {}),
        ...(link.kind === "list-api" ? { api: { url: link.url, method: link.method ?? "GET", body: link.body, headers: link.headers } } : {}),
      };
      requests.push({
        url: url.href, method: link.method ?? "GET", payload: link.body, headers: link.headers,
        uniqueKey: requestKey(url.href, link.method, link.body), label: link.kind, userData: data,
      });
    }
    const { fresh, processed } = await this.addOnce(requests);
    const added = new Set(processed.filter((r) => !r.wasAlreadyPresent).map((r) => r.uniqueKey));
    for (const r of fresh) {
      if (!added.has(r.uniqueKey)) continue;
      if (r.label !== "attachment" && r.label !== "detail") p.pages++;
      if (r.label === "list" || r.label === "list-api") p.listPages.set(r.userData.column!, (p.listPages.get(r.userData.column!) ?? 0) + 1);
    }
    return added.size;
  }
}

/** A request as RunContext hands it to the queue. */
interface QueuedRequest {
  url: string;
  method?: "GET" | "POST";
  payload?: string;
  headers?: Record<string, string>;
  uniqueKey: string;
  label: string;
  userData: CrawlData;
}

/** One request per canonical URL (twins collapse), method and form body. */
export function requestKey(url: string, method = "GET", body?: string): string {
  return `${method} ${canonicalKey(url)}${body ? ` ${body}` : ""}`;
}
