import { createServer as createHttpServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { BOTH, etagOf, ModificationClock, notModified, type Validators } from "./conditional.ts";
import type { LoggedRequest, RequestLog } from "./request-log.ts";
import { listenSniffing, TLS_KEY_PAIR } from "./tls-sniff.ts";

// One fixture site: a real HTTP server on 127.0.0.1 answering from routes that render pages from
// the site's current state, with validators and 304s, scripted first answers (500 then 200, 429
// with Retry-After), removed paths (404/410), an optional gate in front of everything (a
// challenge), and every request logged.

export interface FixtureRequest {
  method: string;
  scheme: "http" | "https";
  url: URL;
  /** The pathname, without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  cookies: Record<string, string>;
  body: string;
}

export interface Reply {
  status?: number;
  body?: Uint8Array | string;
  contentType?: string;
  headers?: Record<string, string | string[]>;
  /** Send validators and answer conditional requests with 304 (default: 200 answers only). */
  cacheable?: boolean;
  /** The Last-Modified a path gets the first time it is served (default: the site's publication date). */
  modified?: Date;
}

export type Handler = (req: FixtureRequest) => Reply | undefined;

export interface SiteOptions {
  log: RequestLog;
  validators?: Validators;
  /** Also answer TLS handshakes on the same port (a self-signed certificate for 127.0.0.1). */
  tls?: boolean;
  /** Delay before every answer, in milliseconds (makes concurrency observable). */
  latencyMs?: number;
  /** The Server header, as the family's real servers send it. */
  server?: string;
  /** Last-Modified of pages first served (a site's content predates the crawl). */
  published?: Date;
}

export const html = (body: string, status = 200): Reply => ({ status, body, contentType: "text/html; charset=utf-8" });
export const notFound = (): Reply => ({ status: 404, contentType: "text/html; charset=utf-8", body: "<html><head><title>404 Not Found</title></head><body><center><h1>404 Not Found</h1></center></body></html>" });

function cookiesOf(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0) out[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return out;
}

export class FixtureSite {
  host = "";
  /** http://host, and https://host when the site speaks TLS. */
  origin = "";
  /** Runs before anything else; an answer from it is final (a challenge gate). */
  gate: Handler | undefined;
  private readonly pages = new Map<string, Handler>();
  private readonly patterns: Handler[] = [];
  private readonly scripted = new Map<string, Reply[]>();
  private readonly removed = new Map<string, number>();
  private readonly clock = new ModificationClock();
  private closeServer: (() => Promise<void>) | undefined;

  readonly name: string;
  private readonly options: SiteOptions;

  constructor(name: string, options: SiteOptions) {
    this.name = name;
    this.options = options;
  }

  get validators(): Validators { return this.options.validators ?? BOTH; }

  /** The page at this exact path (its query is the handler's to read), or at this path and query ("/a.jsp?x=1"). */
  page(path: string, handler: Handler): void { this.pages.set(path, handler); }
  /** A handler for paths no exact page takes: it returns undefined for paths it does not know. */
  match(handler: Handler): void { this.patterns.push(handler); }
  /** The next requests to this path (path and query as requested) get these answers first, one each. */
  once(path: string, ...replies: Reply[]): void { this.scripted.set(path, [...(this.scripted.get(path) ?? []), ...replies]); }
  /** From now on the path answers 404 or 410. */
  remove(path: string, status: 404 | 410 = 404): void { this.removed.set(path, status); }
  /** The absolute http URL of a path on this site. */
  url(path: string, scheme: "http" | "https" = "http"): string { return `${scheme}://${this.host}${path}`; }

  async start(): Promise<void> {
    const handler = (req: IncomingMessage, res: ServerResponse) => void this.serve(req, res);
    const plain = createHttpServer({ keepAliveTimeout: 2000 }, handler);
    const secure = this.options.tls ? createHttpsServer({ ...TLS_KEY_PAIR, keepAliveTimeout: 2000 }, handler) : undefined;
    const listening = await listenSniffing(plain, secure, () => this.options.log.refusedTls.push({ site: this.name, host: this.host, time: Date.now() }));
    this.host = `127.0.0.1:${(listening.address() as AddressInfo).port}`;
    this.origin = `http://${this.host}`;
    this.closeServer = async () => {
      plain.closeAllConnections();
      secure?.closeAllConnections();
      await new Promise<void>((resolve) => listening.close(() => resolve()));
    };
  }

  async close(): Promise<void> { await this.closeServer?.(); }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const scheme = "encrypted" in req.socket && req.socket.encrypted ? "https" : "http";
    const url = new URL(req.url ?? "/", `${scheme}://${this.host}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = Array.isArray(v) ? v.join(", ") : v;
    const logged: LoggedRequest = {
      site: this.name, host: this.host, scheme, method: req.method ?? "GET", url: url.href, path: url.pathname + url.search, headers,
      ifNoneMatch: headers["if-none-match"], ifModifiedSince: headers["if-modified-since"], cookie: headers.cookie, userAgent: headers["user-agent"],
      ...(body ? { body } : {}), start: Date.now(),
    };
    this.options.log.add(logged);
    const request: FixtureRequest = { method: logged.method, scheme, url, path: url.pathname, query: url.searchParams, headers: req.headers, cookies: cookiesOf(headers.cookie), body };
    const reply = this.answer(request);
    if (this.options.latencyMs) await new Promise((r) => setTimeout(r, this.options.latencyMs));
    logged.status = this.send(request, reply, res);
    logged.end = Date.now();
  }

  private answer(req: FixtureRequest): Reply {
    const gated = this.gate?.(req);
    if (gated) return gated;
    const key = req.path + req.url.search;
    const queue = this.scripted.get(key) ?? this.scripted.get(req.path);
    if (queue?.length) return queue.shift()!;
    const gone = this.removed.get(req.path);
    if (gone) return { ...notFound(), status: gone };
    const page = this.pages.get(key) ?? this.pages.get(req.path);
    const reply = page?.(req) ?? this.patterns.reduce<Reply | undefined>((found, h) => found ?? h(req), undefined);
    return reply ?? notFound();
  }

  /** Writes the reply (or a 304) and returns the status sent. */
  private send(req: FixtureRequest, reply: Reply, res: ServerResponse): number {
    const bytes = typeof reply.body === "string" ? Buffer.from(reply.body, "utf8") : Buffer.from(reply.body ?? new Uint8Array());
    let status = reply.status ?? 200;
    const headers: Record<string, string | string[] | number> = { server: this.options.server ?? "nginx", ...reply.headers };
    if (reply.contentType) headers["content-type"] = reply.contentType;
    if ((reply.cacheable ?? status === 200) && (req.method === "GET" || req.method === "HEAD")) {
      const etag = etagOf(bytes);
      const modified = this.clock.dateOf(req.path + req.url.search, etag, reply.modified ?? this.options.published ?? new Date("2024-02-01T08:00:00Z"));
      if (this.validators.etag) headers.etag = etag;
      if (this.validators.lastModified) headers["last-modified"] = modified.toUTCString();
      if (notModified(req.headers, this.validators.etag ? etag : undefined, this.validators.lastModified ? modified : undefined)) status = 304;
    }
    const withBody = status !== 304 && req.method !== "HEAD";
    if (status !== 304) headers["content-length"] = bytes.length;
    res.writeHead(status, headers);
    res.end(withBody ? bytes : undefined);
    return status;
  }
}
