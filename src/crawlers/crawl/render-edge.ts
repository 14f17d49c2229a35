import { sha256Hex } from "../../store/blobs.ts";
import { discoverPage } from "../discovery/discover-page.ts";
import type { Link } from "../discovery/types.ts";
import type { PageAnswer, PageRequest } from "../fetch/render-page.ts";
import { FetchError } from "../fetch/fetch-error.ts";
import type { FetchResult } from "../fetch/fetcher.ts";
import type { Outcome } from "./crawl-events.ts";
import { conditionalFor, fetchedAnswer } from "./fetched-page.ts";
import type { CrawlData, RunContext } from "./run-context.ts";

// The requests of a page rendered in the browser lane, made by the crawler's edge like every
// other request: robots.txt, the host's politeness slot, cookies, conditional headers from the
// last capture (a 304 is answered to the browser with that capture's bytes, read back from the
// WARC files), retries, a WARC record per exchange, a crawl-log row per request. The page's own
// document is the one the crawler just fetched (no second request). Only what a list needs is
// fetched — documents, scripts, XHR/fetch — never images, fonts, style sheets or trackers. Each
// answer the list's data may be in (XHR/fetch, JSONP, a frame) is read by discovery.

const WANTED = new Set(["document", "script", "xhr", "fetch"]);
/** Visit counters, analytics and the national error-report widgets government sites carry. */
const TRACKERS = /(?:^|\.)(?:hm\.baidu\.com|cnzz\.com|51\.la|google-analytics\.com|googletagmanager\.com|zz\.bdstatic\.com|kaipuyun\.cn|zfwzzc\.www\.gov\.cn|ta\.trs\.cn)$/i;
/** Request headers the edge sets itself (encoding, language, validators, length) or that name the connection. */
const EDGE_HEADERS = /^(?::|host$|accept-encoding$|accept-language$|connection$|content-length$|keep-alive$|if-none-match$|if-modified-since$|if-match$|if-range$|if-unmodified-since$|cache-control$|pragma$)/i;
/** Response headers that describe the bytes on the wire, not the decoded body handed to the browser. */
const WIRE_HEADERS = /^(?:content-encoding|content-length|transfer-encoding|connection|keep-alive)$/i;
const JSONP = /^\s*[\w$.]+\s*\(\s*[[{]/;

export interface PageFetched { url: string; bytes: Uint8Array; contentType: string | undefined }

export class RenderEdge {
  /** Links discovery found in the list answers so far. */
  readonly links: Link[] = [];
  /** How many answers were read as the list's data. */
  listAnswers = 0;
  private readonly rc: RunContext;
  private readonly data: CrawlData;
  private readonly page: PageFetched;

  constructor(rc: RunContext, data: CrawlData, page: PageFetched) {
    this.rc = rc;
    this.data = data;
    this.page = page;
  }

  async answer(req: PageRequest): Promise<PageAnswer | undefined> {
    if (req.mainDocument) return { status: 200, headers: { "content-type": this.page.contentType ?? "text/html" }, body: this.page.bytes };
    let host: string;
    try {
      host = new URL(req.url).hostname;
    } catch {
      return undefined;
    }
    if (!WANTED.has(req.resourceType) || TRACKERS.test(host) || (req.method !== "GET" && req.method !== "POST")) return undefined;
    const kind = req.resourceType === "script" ? "script" : req.resourceType === "document" ? "list" : "list-api";
    const method = req.method as "GET" | "POST";
    const body = req.postData?.toString("utf8");
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([n]) => !EDGE_HEADERS.test(n)));
    const started = Date.now();
    const request = { url: req.url, method };
    let result: FetchResult;
    try {
      result = await this.rc.fetcher.fetch({ url: req.url, method, body, headers, conditional: (u) => conditionalFor(this.rc, u, method), challenges: false });
    } catch (err) {
      const skipped = err instanceof FetchError && (err.kind === "robots" || err.kind === "out_of_scope");
      await this.rc.outcome(request, { portalId: this.data.portalId, kind }, skipped ? "skipped" : "failed", { detail: `for the rendered page: ${(err as Error).message.split("\n")[0]}` }, started);
      return undefined;
    }
    let fetched = await fetchedAnswer(this.rc, result);
    if (result.notModified && !fetched.bytes) {
      // The last capture cannot be read back (its WARC file moved): ask again, unconditionally.
      result = await this.rc.fetcher.fetch({ url: req.url, method, body, headers, challenges: false });
      fetched = await fetchedAnswer(this.rc, result);
    }
    const bytes = fetched.bytes ?? new Uint8Array();
    const sha256 = result.notModified ? fetched.previous?.sha256 ?? null : sha256Hex(bytes);
    const status = result.notModified ? 200 : result.status;
    const outcome: Outcome = result.notModified ? "not_modified" : status === 404 || status === 410 ? "not_found" : status >= 400 ? "failed" : "page";
    const read = status < 400 && this.isListData(kind, bytes) ? this.read(result, kind, bytes, fetched.contentType, body) : 0;
    await this.rc.outcome(request, { portalId: this.data.portalId, kind }, outcome, {
      finalUrl: result.url, httpStatus: result.status, etag: result.etag, lastModified: result.lastModified, contentType: fetched.contentType, size: result.body.length,
      warc: fetched.warc, sha256, detail: `for the rendered page ${this.page.url}${read ? `; ${read} links` : ""}`,
    }, started);
    return { status, headers: answerHeaders(result, fetched.contentType), body: bytes };
  }

  /** XHR/fetch answers, JSONP scripts and frames may hold the list; other scripts do not. */
  private isListData(kind: string, bytes: Uint8Array): boolean {
    if (kind !== "script") return true;
    return JSONP.test(Buffer.from(bytes.subarray(0, 200)).toString("utf8"));
  }

  private read(result: FetchResult, kind: string, bytes: Uint8Array, contentType: string | undefined, body: string | undefined): number {
    const asApi = kind !== "list";
    const found = discoverPage({
      url: result.url, bytes, contentType, status: 200, kind: asApi ? "list-api" : "list", linkText: this.data.linkText,
      ...(asApi ? { request: { url: result.requestedUrl, method: result.method === "POST" ? "POST" : "GET", body } } : {}),
    });
    this.listAnswers++;
    this.links.push(...found.links);
    return found.links.length;
  }
}

/** The answer's headers for the browser: CORS, cookies and type kept; what describes the wire dropped; a 304's type from its capture. */
function answerHeaders(result: FetchResult, contentType: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of result.headers) {
    const key = name.toLowerCase();
    if (WIRE_HEADERS.test(key)) continue;
    out[key] = out[key] === undefined ? value : `${out[key]}${key === "set-cookie" ? "\n" : ", "}${value}`;
  }
  if (contentType) out["content-type"] = contentType;
  return out;
}
