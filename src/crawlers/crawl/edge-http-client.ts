import { Readable } from "node:stream";
import type { BaseHttpClient, HttpRequest, HttpResponse, Request, ResponseTypes, StreamingHttpResponse } from "crawlee";
import { decodeBytes } from "../../extract/decode/decode-bytes.ts";
import type { FetchRequest, FetchResult, Fetcher } from "../fetch/fetcher.ts";

// Crawlee's HTTP client, backed by the crawler's edge (fetcher.ts). CheerioCrawler asks it for each
// request; the edge does robots, politeness, cookies, conditional headers, challenges, redirects
// and the WARC records, and the full result (raw status, headers, Content-decoded bytes, WARC
// location) is kept for the router's handler, which reads it with take(). HTML reaches Crawlee
// transcoded to UTF-8 (decoded from the raw bytes: header, <meta>, then detection), so the
// context's `$` reads GBK pages that declare their charset only in <meta> correctly.

export interface EdgeRequestOptions {
  /** How the edge should fetch this Crawlee request (document or page, conditional lookups, scope). */
  prepare(request: Request): Omit<FetchRequest, "url" | "method" | "body">;
}

/** The key under which a pre-navigation hook hands the Crawlee request to the client. */
export const REQUEST_OPTION = "nianbaoRequest";

export class EdgeHttpClient implements BaseHttpClient {
  private readonly results = new WeakMap<Request, FetchResult>();
  private readonly fetcher: Fetcher;
  private readonly options: EdgeRequestOptions;

  constructor(fetcher: Fetcher, options: EdgeRequestOptions) {
    this.fetcher = fetcher;
    this.options = options;
  }

  /** The edge's result for a request that Crawlee just navigated (once). */
  take(request: Request): FetchResult | undefined {
    const result = this.results.get(request);
    this.results.delete(request);
    return result;
  }

  async stream(httpRequest: HttpRequest): Promise<StreamingHttpResponse> {
    const request = httpRequest[REQUEST_OPTION] as Request | undefined;
    if (!request) throw new Error("EdgeHttpClient: a request without its Crawlee request (the pre-navigation hook is missing)");
    const body = typeof httpRequest.body === "string" ? httpRequest.body : request.payload === undefined ? undefined : String(request.payload);
    let result: FetchResult;
    try {
      result = await this.fetcher.fetch({
        ...this.options.prepare(request),
        url: request.url,
        method: request.method === "POST" ? "POST" : "GET",
        body,
      });
    } catch (err) {
      request.noRetry = true; // the edge already retried what is worth retrying
      throw err;
    }
    this.results.set(request, result);
    const { bytes, contentType } = forCrawlee(result);
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of result.headers) {
      const key = name.toLowerCase();
      if (key === "content-encoding" || key === "content-length" || key === "transfer-encoding") continue;
      const prev = headers[key];
      headers[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    }
    headers["content-type"] = contentType;
    headers["content-length"] = String(bytes.length);
    const progress = { percent: 100, transferred: bytes.length, total: bytes.length };
    return {
      url: result.url,
      redirectUrls: result.redirects.map((r) => new URL(r.url)),
      statusCode: result.status,
      statusMessage: result.statusText,
      headers,
      trailers: {},
      complete: true,
      request: httpRequest,
      stream: Readable.from([Buffer.from(bytes)]),
      downloadProgress: progress,
      uploadProgress: { percent: 100, transferred: 0, total: 0 },
    };
  }

  async sendRequest<T extends keyof ResponseTypes = "text">(): Promise<HttpResponse<T>> {
    throw new Error("EdgeHttpClient: sendRequest is not used by the crawler; enqueue a request instead");
  }
}

/** What Crawlee sees: HTML as UTF-8, everything else as the bytes it is. */
function forCrawlee(result: FetchResult): { bytes: Uint8Array; contentType: string } {
  const type = (result.contentType ?? "").split(";")[0].trim().toLowerCase();
  if (/^(text\/html|application\/xhtml\+xml|text\/xml|application\/xml)$/.test(type) || (!type && looksLikeMarkup(result.body))) {
    const { text } = decodeBytes(result.body, result.contentType);
    return { bytes: Buffer.from(text, "utf8"), contentType: `${type || "text/html"}; charset=utf-8` };
  }
  return { bytes: result.body, contentType: result.contentType ?? "application/octet-stream" };
}

function looksLikeMarkup(body: Uint8Array): boolean {
  const head = Buffer.from(body.subarray(0, 512)).toString("latin1").trimStart().toLowerCase();
  return head.startsWith("<!doctype html") || head.startsWith("<html") || head.startsWith("<?xml");
}
