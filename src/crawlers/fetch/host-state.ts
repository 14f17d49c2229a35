import { CookieJar } from "tough-cookie";
import type { BrowserCookie } from "./browser-lane.ts";

// What the crawler knows about one host (scheme://host:port) during a crawl: its politeness slot
// (one request at a time and a delay between them, by default), its backoff after 429, 403/412
// bursts and 5xx, how its TLS works, the cookies it (or a browser solving its challenge) set, and
// whether it has blocked us for good.

export interface Politeness {
  /** Requests in flight per host (1 by default). */
  perHost: number;
  /** Pause between two requests to one host, in ms. */
  delayMs: number;
  /** The longest wait accepted from a Retry-After or a backoff, in ms. */
  maxWaitMs: number;
}

export type TlsState = "strict" | "legacy" | "http";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class HostState {
  readonly host: string;
  jar = new CookieJar(undefined, { looseMode: true });
  tls: TlsState = "strict";
  /** Why the host is considered blocking us, once it is. */
  blocked: string | undefined;
  /** Consecutive refusals (403/412/429/5xx, challenges not passed). */
  refusals = 0;
  challengeSolves = 0;
  /** Challenges passed since the host last gave a good answer: a pass that buys nothing counts against it. */
  solvesWithoutSuccess = 0;
  /** A challenge being passed in the browser right now: other requests to the host wait for it. */
  solving: Promise<void> | undefined;
  /** Pause between two requests to this host, in ms (the crawl's, a portal's override, or robots.txt's Crawl-delay when longer). */
  delayMs: number;
  private inFlight = 0;
  private nextAt = 0;
  private backoffMs = 0;
  private waiters: (() => void)[] = [];

  private readonly politeness: Politeness;

  constructor(host: string, politeness: Politeness) {
    this.host = host;
    this.politeness = politeness;
    this.delayMs = politeness.delayMs;
  }

  /** A longer delay than the current one (robots.txt Crawl-delay, a portal's override) takes effect. */
  set minDelayMs(ms: number) {
    this.delayMs = Math.max(this.delayMs, ms);
  }

  /** Waits for this host's slot (concurrency, delay, backoff); call release() after the request. */
  async acquire(): Promise<void> {
    while (this.inFlight >= this.politeness.perHost) await new Promise<void>((r) => this.waiters.push(r));
    this.inFlight++;
    const wait = this.nextAt - Date.now();
    if (wait > 0) await sleep(wait);
  }

  release(): void {
    this.inFlight--;
    this.nextAt = Math.max(this.nextAt, Date.now() + this.delayMs + this.backoffMs);
    this.waiters.shift()?.();
  }

  /** A good answer: the backoff and the refusal count start over. */
  succeeded(): void {
    this.refusals = 0;
    this.solvesWithoutSuccess = 0;
    this.backoffMs = 0;
  }

  /**
   * A refusal or server error: back off (doubling from 1 s up to maxWaitMs), or exactly as long as
   * Retry-After says when it says (capped). Returns the wait in ms.
   */
  refused(retryAfterMs?: number): number {
    this.refusals++;
    const wait = retryAfterMs !== undefined
      ? Math.min(retryAfterMs, this.politeness.maxWaitMs)
      : Math.min(this.politeness.maxWaitMs, this.backoffMs ? this.backoffMs * 2 : Math.max(1000, this.delayMs));
    this.backoffMs = retryAfterMs !== undefined ? this.backoffMs : wait;
    this.nextAt = Math.max(this.nextAt, Date.now() + wait);
    return wait;
  }
}

/** The host's cookies for `url`, as the browser lane takes them. */
export async function cookiesForBrowser(jar: CookieJar, url: string): Promise<BrowserCookie[]> {
  const host = new URL(url).hostname;
  return (await jar.getCookies(url)).map((c) => ({
    name: c.key, value: c.value, domain: c.domain ?? host, path: c.path ?? "/",
    expires: c.expires instanceof Date ? Math.floor(c.expires.getTime() / 1000) : -1, httpOnly: c.httpOnly, secure: c.secure,
  }));
}

/** Cookies a browser earned, into the host's jar (as Set-Cookie lines for `url`). */
export async function takeBrowserCookies(jar: CookieJar, cookies: BrowserCookie[], url: string): Promise<void> {
  const host = new URL(url).hostname;
  for (const c of cookies) {
    if (c.domain.replace(/^\./, "") !== host && !host.endsWith(c.domain.startsWith(".") ? c.domain : `.${c.domain}`)) continue;
    const expires = c.expires > 0 ? `; Expires=${new Date(c.expires * 1000).toUTCString()}` : "";
    await jar.setCookie(`${c.name}=${c.value}; Path=${c.path}${expires}`, url, { ignoreError: true });
  }
}

/** Retry-After as milliseconds (delta-seconds or an HTTP date), if present and sane. */
export function retryAfterMs(value: string | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
