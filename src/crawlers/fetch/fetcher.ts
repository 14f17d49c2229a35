import type { HeaderList, HttpExchange, WarcLocation } from "../warc/types.ts";
import { CookieJar } from "tough-cookie";
import type { BrowserLane } from "./browser-lane.ts";
import { detectChallenge } from "./challenge.ts";
import { decodeContent } from "./content-decoding.ts";
import { FetchError } from "./fetch-error.ts";
import { exchange, ExchangeError, header, headers, type ExchangeResponse } from "./http-exchange.ts";
import { cookiesForBrowser, HostState, retryAfterMs, takeBrowserCookies, type Politeness } from "./host-state.ts";
import { ALLOW_ALL, parseRobots, type RobotsRules } from "./robots.ts";

// The crawler's edge: every request it makes goes through here. Per request: robots.txt, the
// host's politeness slot, its cookies, conditional headers from the last capture of that URL; per
// answer: the WARC record (request + response, as on the wire), cookies kept, challenges passed
// in the browser lane, redirects followed hop by hop (each hop archived), retries with backoff on
// resets, timeouts, 429 and 5xx (Retry-After honoured), https → legacy TLS → http for hosts whose
// TLS is broken. The body handed back is Content-decoded.

export interface WarcSink {
  write(exchange: HttpExchange): Promise<WarcLocation>;
}

export interface Conditional {
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetcherOptions {
  userAgent: string;
  politeness: Politeness;
  warc: WarcSink;
  /** The browser lane for script challenges; without one, a challenged host is reported blocked. */
  browser?: BrowserLane;
  robots?: boolean;
  timeoutMs?: number;
  maxPageBytes?: number;
  maxDocumentBytes?: number;
  /** Attempts per request for resets, timeouts, 429 and 5xx. */
  attempts?: number;
  /** Log lines (retries, fallbacks, challenges): what happened, where. */
  onEvent?: (event: { host: string; message: string }) => void;
}

export interface FetchRequest {
  url: string;
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
  /** A document download (bigger size limit). */
  document?: boolean;
  /** Conditional headers for a URL of this exchange (the requested one or a redirect target). */
  conditional?: (url: string) => Promise<Conditional | undefined> | Conditional | undefined;
  /** Whether a redirect may go to this URL (the portal's scope). */
  allowRedirect?: (url: URL) => boolean;
  /**
   * Pass a challenge in the browser lane (default). False for requests made for a page the lane is
   * rendering (it cannot solve a challenge meanwhile): the challenge is then handed back as answered.
   */
  challenges?: boolean;
}

export interface FetchResult {
  requestedUrl: string;
  url: string;
  method: string;
  status: number;
  statusText: string;
  headers: HeaderList;
  contentType: string | undefined;
  /** The body, Content-decoded. Empty for a 304. */
  body: Uint8Array;
  /** The final response's WARC record. */
  warc: WarcLocation;
  /** Each redirect hop: its URL and status. */
  redirects: { url: string; status: number }[];
  notModified: boolean;
  etag: string | undefined;
  lastModified: string | undefined;
  fetchedAt: Date;
}

const MB = 1024 * 1024;

export class Fetcher {
  private readonly hosts = new Map<string, HostState>();
  private readonly robots = new Map<string, Promise<RobotsRules>>();
  private readonly options: Required<Omit<FetcherOptions, "browser" | "onEvent">> & Pick<FetcherOptions, "browser" | "onEvent">;

  constructor(options: FetcherOptions) {
    const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as FetcherOptions;
    this.options = { robots: true, timeoutMs: 60_000, maxPageBytes: 16 * MB, maxDocumentBytes: 64 * MB, attempts: 3, ...given };
  }

  /** The state of a host (scheme-less host:port), created on first use. */
  host(hostname: string): HostState {
    let state = this.hosts.get(hostname);
    if (!state) this.hosts.set(hostname, (state = new HostState(hostname, this.options.politeness)));
    return state;
  }

  /** Every host's cookies (a challenge's above all), to keep for the next crawl: they are replayed until they expire. */
  exportCookies(): Record<string, unknown> {
    return Object.fromEntries([...this.hosts].map(([host, state]) => [host, state.jar.serializeSync()]).filter(([, jar]) => (jar as { cookies?: unknown[] })?.cookies?.length));
  }

  /** Cookies kept by an earlier crawl (expired ones are dropped by the jar). */
  importCookies(saved: Record<string, unknown>): void {
    for (const [host, jar] of Object.entries(saved)) {
      try {
        this.host(host).jar = CookieJar.deserializeSync(jar as string, undefined);
      } catch { /* a damaged entry: that host starts without cookies */ }
    }
  }

  /** Hosts that blocked us in this crawl, with why. */
  blockedHosts(): { host: string; reason: string }[] {
    return [...this.hosts.values()].filter((h) => h.blocked).map((h) => ({ host: h.host, reason: h.blocked! }));
  }

  async fetch(req: FetchRequest): Promise<FetchResult> {
    let url = new URL(req.url);
    let method = req.method ?? "GET";
    let body = req.body;
    const redirects: { url: string; status: number }[] = [];
    const seen = new Map<string, number>();
    for (let hop = 0; hop <= 10; hop++) {
      const key = url.href;
      seen.set(key, (seen.get(key) ?? 0) + 1);
      // A WAF may redirect to the same URL once, with a cookie to send back.
      if (seen.get(key)! > 2) throw new FetchError("redirects", req.url, `redirect loop at ${key}`);
      const state = this.host(url.host);
      if (state.blocked) throw new FetchError("blocked", req.url, `${url.host} is blocking the crawler: ${state.blocked}`);
      if (this.options.robots && !(await this.robotsFor(url)).allowed(url.href)) {
        throw new FetchError("robots", req.url, `robots.txt of ${url.host} disallows ${url.pathname}`);
      }
      const conditional = method === "GET" ? await req.conditional?.(url.href) : undefined;
      const { response, location, requestUrl } = await this.attempts(url, method, body, req, conditional, state);
      const nextUrl = response.status >= 300 && response.status < 400 && response.status !== 304 ? header(response.headers, "location") : undefined;
      if (nextUrl) {
        const next = new URL(nextUrl, requestUrl);
        redirects.push({ url: requestUrl, status: response.status });
        if (req.allowRedirect && !req.allowRedirect(next)) {
          throw new FetchError("out_of_scope", req.url, `redirected out of the portal's hosts, to ${next.href}`);
        }
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
          method = "GET";
          body = undefined;
        }
        url = next;
        continue;
      }
      return this.result(req.url, requestUrl, method, response, location, redirects, req.document ?? false);
    }
    throw new FetchError("redirects", req.url, "more than 10 redirects");
  }

  /** One URL: attempts with retries and fallbacks; every answer archived. */
  private async attempts(url: URL, method: string, body: string | undefined, req: FetchRequest, conditional: Conditional | undefined, state: HostState) {
    const { attempts } = this.options;
    let challenges = 0;
    let last: { response: ExchangeResponse; location: WarcLocation; requestUrl: string } | undefined;
    for (let attempt = 1; ; attempt++) {
      const target = new URL(url);
      if (state.tls === "http" && target.protocol === "https:") target.protocol = "http:";
      const requestHeaders = this.requestHeaders(target, method, body, req, conditional, state);
      let response: ExchangeResponse;
      await state.acquire();
      try {
        response = await exchange({ url: target.href, method, headers: requestHeaders, body: body === undefined ? undefined : Buffer.from(body) }, {
          timeoutMs: this.options.timeoutMs, maxBytes: req.document ? this.options.maxDocumentBytes : this.options.maxPageBytes,
          tls: state.tls === "legacy" ? "legacy" : "strict",
        });
      } catch (err) {
        state.release();
        if (!(err instanceof ExchangeError)) throw err;
        if (err.code === "TOO_LARGE") throw new FetchError("too_large", req.url, `${target.href}: ${err.message}`);
        if (target.protocol === "https:" && (err.tls || err.code === "ECONNREFUSED")) {
          state.tls = state.tls === "strict" && err.tls ? "legacy" : "http";
          this.event(state.host, `${err.tls ? "TLS failed" : "https refused"} (${err.code}); trying ${state.tls === "legacy" ? "legacy TLS" : "plain http"}`);
          attempt--;
          continue;
        }
        if (attempt >= attempts) throw new FetchError(err.code === "ETIMEDOUT" ? "timeout" : "network", req.url, `${target.href}: ${err.message} (${err.code}), after ${attempts} attempts`);
        const wait = state.refused();
        this.event(state.host, `${err.code} on ${target.pathname}; retrying in ${Math.round(wait / 1000)} s`);
        continue;
      }
      state.release();
      const location = await this.options.warc.write({
        url: target.href, method, requestHeaders, requestBody: body === undefined ? undefined : Buffer.from(body),
        httpVersion: response.httpVersion, status: response.status, statusText: response.statusText,
        responseHeaders: response.headers, body: response.body, date: response.date, ip: response.ip,
      });
      for (const cookie of headers(response.headers, "set-cookie")) await state.jar.setCookie(cookie, target.href, { ignoreError: true });
      last = { response, location, requestUrl: target.href };

      const challenge = detectChallenge(response.status, response.headers, this.decoded(response, 1 * MB));
      if (challenge && req.challenges === false) return last;
      if (challenge) {
        if (challenges++ >= 2 || !(await this.passChallenge(state, target.href, challenge))) {
          state.blocked ??= `${challenge}${this.options.browser ? ", not passed in Chromium" : " (no browser to pass it)"}`;
          throw new FetchError("blocked", req.url, `${state.host}: ${state.blocked}`);
        }
        attempt--;
        continue;
      }
      const status = response.status;
      if (status === 429 || status >= 500) {
        const wait = state.refused(retryAfterMs(header(response.headers, "retry-after")));
        if (attempt >= attempts) return last;
        this.event(state.host, `${status} on ${target.pathname}; retrying in ${Math.round(wait / 1000)} s`);
        continue;
      }
      if (status === 403 || status === 412) {
        state.refused();
        if (state.refusals >= 8) state.blocked = `${state.refusals} refusals (${status}) in a row`;
        return last;
      }
      state.succeeded();
      return last;
    }
  }

  private requestHeaders(url: URL, method: string, body: string | undefined, req: FetchRequest, conditional: Conditional | undefined, state: HostState): HeaderList {
    const list: HeaderList = [
      ["Host", url.host],
      ["User-Agent", this.options.userAgent],
      ["Accept", req.document ? "*/*" : "text/html,application/xhtml+xml,application/xml;q=0.9,application/json;q=0.8,*/*;q=0.5"],
      ["Accept-Language", "zh-CN,zh;q=0.9"],
      ["Accept-Encoding", "gzip, deflate, br"],
    ];
    const given = Object.entries(req.headers ?? {});
    const givenCookie = given.find(([n]) => n.toLowerCase() === "cookie")?.[1];
    const cookie = mergeCookies(state.jar.getCookieStringSync(url.href), givenCookie);
    if (cookie) list.push(["Cookie", cookie]);
    if (conditional?.etag) list.push(["If-None-Match", conditional.etag]);
    if (conditional?.lastModified) list.push(["If-Modified-Since", conditional.lastModified]);
    if (body !== undefined && method === "POST") list.push(["Content-Type", "application/x-www-form-urlencoded; charset=UTF-8"], ["Content-Length", String(Buffer.byteLength(body))]);
    // A header the request gives replaces the default of that name (a browser's Accept, a JSON POST's Content-Type).
    for (const [name, value] of given) {
      if (name.toLowerCase() === "cookie") continue;
      const at = list.findIndex(([n]) => n.toLowerCase() === name.toLowerCase());
      if (at >= 0) list[at] = [name, value];
      else list.push([name, value]);
    }
    return list;
  }

  /** Passes a host's challenge in the browser lane once for all its waiting requests; false if it cannot. */
  private async passChallenge(state: HostState, url: string, why: string): Promise<boolean> {
    const browser = this.options.browser;
    if (!browser) return false;
    // Cookies that expire are earned again as often as needed; a pass that buys not one good answer, twice, means blocked.
    if (state.solvesWithoutSuccess >= 2) return false;
    state.solving ??= (async () => {
      state.challengeSolves++;
      state.solvesWithoutSuccess++;
      this.event(state.host, `${why}; passing it in Chromium`);
      const cookies = await browser.solveChallenge(url, await cookiesForBrowser(state.jar, url));
      await takeBrowserCookies(state.jar, cookies, url);
    })().finally(() => { state.solving = undefined; });
    try {
      await state.solving;
      return true;
    } catch (err) {
      this.event(state.host, `challenge not passed: ${(err as Error).message.split("\n")[0]}`);
      return false;
    }
  }

  private async robotsFor(url: URL): Promise<RobotsRules> {
    const origin = `${url.protocol}//${url.host}`;
    let rules = this.robots.get(url.host);
    if (!rules) {
      rules = this.loadRobots(origin);
      this.robots.set(url.host, rules);
    }
    return rules;
  }

  private async loadRobots(origin: string): Promise<RobotsRules> {
    const robotsUrl = `${origin}/robots.txt`;
    const state = this.host(new URL(origin).host);
    try {
      const { response } = await this.attempts(new URL(robotsUrl), "GET", undefined, { url: robotsUrl }, undefined, state);
      if (response.status >= 400 && response.status < 500) return ALLOW_ALL(`none (${response.status})`);
      if (response.status !== 200) return ALLOW_ALL(`unreadable (${response.status})`);
      const rules = parseRobots(robotsUrl, Buffer.from(this.decoded(response, MB)).toString("utf8"));
      if (rules.delayMs !== undefined) state.minDelayMs = rules.delayMs;
      return rules;
    } catch (err) {
      return ALLOW_ALL(`unreachable (${(err as Error).message.split("\n")[0]})`);
    }
  }

  private decoded(response: ExchangeResponse, maxBytes: number): Uint8Array {
    try {
      return decodeContent(response.headers, response.body, maxBytes);
    } catch {
      return response.body; // a server that says gzip and sends plain bytes
    }
  }

  private result(requestedUrl: string, url: string, method: string, response: ExchangeResponse, warc: WarcLocation, redirects: { url: string; status: number }[], document: boolean): FetchResult {
    let body: Uint8Array;
    try {
      body = decodeContent(response.headers, response.body, document ? this.options.maxDocumentBytes : this.options.maxPageBytes);
    } catch (err) {
      const gzip = response.body[0] === 0x1f && response.body[1] === 0x8b;
      if (gzip || /maxOutputLength|buffer|larger than/i.test((err as Error).message)) throw new FetchError("too_large", requestedUrl, `${url}: the answer inflates past the size limit or is corrupt`);
      body = response.body;
    }
    return {
      requestedUrl, url, method, status: response.status, statusText: response.statusText, headers: response.headers,
      contentType: header(response.headers, "content-type"), body, warc, redirects, notModified: response.status === 304,
      etag: header(response.headers, "etag"), lastModified: header(response.headers, "last-modified"), fetchedAt: response.date,
    };
  }

  private event(host: string, message: string): void {
    this.options.onEvent?.({ host, message });
  }
}

/** The jar's cookies and a request's own (a browser's, set by a page's script): the request's win by name. */
function mergeCookies(jar: string, given: string | undefined): string {
  if (!given) return jar;
  const pairs = new Map<string, string>();
  for (const part of `${jar};${given}`.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) pairs.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  return [...pairs].map(([n, v]) => `${n}=${v}`).join("; ");
}
