// Every request the fixture portals receive, in arrival order, so tests can assert what a crawler
// did: conditional requests, robots obedience, cookies, per-host concurrency and delays.

export interface LoggedRequest {
  /** The fixture site that answered (its name in startFixturePortals().sites). */
  site: string;
  /** host:port the request reached (127.0.0.1:N). */
  host: string;
  scheme: "http" | "https";
  method: string;
  /** Absolute URL as requested (scheme, host, path and query). */
  url: string;
  /** Path and query. */
  path: string;
  /** Request headers, names lower-cased, as received. */
  headers: Record<string, string>;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  cookie?: string;
  userAgent?: string;
  /** A POST body, as text. */
  body?: string;
  /** When the request arrived and when its response ended (Date.now() milliseconds). */
  start: number;
  end?: number;
  /** The status answered; undefined while in flight. */
  status?: number;
}

/** A TLS handshake that reached a port speaking plain HTTP only (refused: the client must fall back to http). */
export interface RefusedTls { site: string; host: string; time: number }

export class RequestLog {
  readonly requests: LoggedRequest[] = [];
  readonly refusedTls: RefusedTls[] = [];

  add(entry: LoggedRequest): void { this.requests.push(entry); }

  /** Requests to one host (127.0.0.1:N), or to one site by name. */
  forHost(host: string): LoggedRequest[] { return this.requests.filter((r) => r.host === host); }
  forSite(site: string): LoggedRequest[] { return this.requests.filter((r) => r.site === site); }

  /** Requests whose URL (ignoring the scheme) or path is exactly this. */
  to(urlOrPath: string): LoggedRequest[] {
    const bare = urlOrPath.replace(/^https?:\/\//, "");
    return this.requests.filter((r) => r.path === urlOrPath || r.url.replace(/^https?:\/\//, "") === bare);
  }

  /** Whether any request reached this URL or path. */
  fetched(urlOrPath: string): boolean { return this.to(urlOrPath).length > 0; }

  /** The most requests one host had in flight at the same time (all hosts when none is given). */
  maxInFlight(host?: string): number {
    const events: [number, number][] = [];
    for (const r of host ? this.forHost(host) : this.requests) events.push([r.start, 1], [r.end ?? Infinity, -1]);
    // Ends before starts at the same millisecond: a request that ended as the next began did not overlap it.
    events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    let now = 0, max = 0;
    for (const [, d] of events) max = Math.max(max, (now += d));
    return max;
  }

  /** Milliseconds between the starts of consecutive requests to one host. */
  gaps(host: string): number[] {
    const starts = this.forHost(host).map((r) => r.start).sort((a, b) => a - b);
    return starts.slice(1).map((s, i) => s - starts[i]);
  }

  /** Forgets everything logged so far (e.g. between a crawl and its recrawl). */
  clear(): void {
    this.requests.length = 0;
    this.refusedTls.length = 0;
  }
}
