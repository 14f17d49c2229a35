import { Readable } from "node:stream";
import type { BaseHttpClient, HttpRequest, HttpResponse, Request, ResponseTypes, StreamingHttpResponse } from "@crawlee/cheerio";
import type { FetchRequest, FetchResult, Fetcher } from "../fetch/fetcher.ts";

// Crawlee's HTTP client, backed by the crawler's edge (fetcher.ts). CheerioCrawler asks it for each
// request; the edge does robots, politeness, cookies, conditional headers, challenges, redirects
// and the WARC records, and the full result (raw status, headers, Content-decoded bytes, WARC
// location) is kept for the router's handler, which reads it with take() and hands the bytes to
// discovery (which decodes them itself: header, <meta>, then detection) or to the extractor.
// Crawlee itself gets the status and headers with an empty body typed application/octet-stream:
// it has nothing to parse, so no second DOM per page is built — and none kept alive with the
// crawling context, which is what made a crawl's memory grow with its length.

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
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of result.headers) {
      const key = name.toLowerCase();
      if (key === "content-encoding" || key === "content-length" || key === "transfer-encoding") continue;
      const prev = headers[key];
      headers[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    }
    headers["content-type"] = "application/octet-stream";
    headers["content-length"] = "0";
    const progress = { percent: 100, transferred: 0, total: 0 };
    return {
      url: result.url,
      redirectUrls: result.redirects.map((r) => new URL(r.url)),
      statusCode: result.status,
      statusMessage: result.statusText,
      headers,
      trailers: {},
      complete: true,
      request: httpRequest,
      stream: Readable.from([]),
      downloadProgress: progress,
      uploadProgress: { percent: 100, transferred: 0, total: 0 },
    };
  }

  async sendRequest<T extends keyof ResponseTypes = "text">(): Promise<HttpResponse<T>> {
    throw new Error("EdgeHttpClient: sendRequest is not used by the crawler; enqueue a request instead");
  }
}
