import { constants } from "node:crypto";
import http from "node:http";
import https from "node:https";
import type { HeaderList } from "../warc/types.ts";

// One HTTP request and its response, as bytes on the wire: no redirect followed, no decoding,
// the body still Content-Encoded (WARC keeps it so). Bounded in size and time. Keep-alive agents
// per TLS mode: `strict` (verified, modern), `legacy` (old protocols, ciphers and renegotiation,
// any certificate) — the latter only for hosts whose TLS is known broken.

export type TlsMode = "strict" | "legacy";

export interface ExchangeRequest {
  url: string;
  method: string;
  headers: HeaderList;
  body?: Uint8Array;
}

export interface ExchangeResponse {
  httpVersion: string;
  status: number;
  statusText: string;
  headers: HeaderList;
  body: Uint8Array;
  ip?: string;
  /** When the response headers arrived. */
  date: Date;
}

export interface ExchangeLimits {
  timeoutMs: number;
  maxBytes: number;
  tls: TlsMode;
}

export class ExchangeError extends Error {
  override readonly name = "ExchangeError";
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
  /** A TLS failure (handshake, protocol, certificate): a reason to try legacy TLS, then http. */
  get tls(): boolean {
    return /^(ERR_SSL|ERR_TLS|EPROTO|CERT_|UNABLE_TO|DEPTH_ZERO|SELF_SIGNED|ERR_OSSL)/.test(this.code) || /SSL|TLS|certificate|handshake/i.test(this.message);
  }
}

const agents = {
  http: new http.Agent({ keepAlive: true, maxSockets: 8 }),
  strict: new https.Agent({ keepAlive: true, maxSockets: 8 }),
  legacy: new https.Agent({
    keepAlive: true, maxSockets: 8, rejectUnauthorized: false, minVersion: "TLSv1", ciphers: "DEFAULT:@SECLEVEL=0",
    secureOptions: constants.SSL_OP_LEGACY_SERVER_CONNECT,
  }),
};

/** Closes idle keep-alive sockets (at the end of a crawl, so the process can exit). */
export function closeAgents(): void {
  for (const agent of Object.values(agents)) agent.destroy();
}

export function exchange(req: ExchangeRequest, limits: ExchangeLimits): Promise<ExchangeResponse> {
  const url = new URL(req.url);
  const secure = url.protocol === "https:";
  const transport = secure ? https : http;
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (err: ExchangeError) => { if (!settled) { settled = true; reject(err); } };
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of req.headers) {
      const prev = headers[name];
      headers[name] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
    }
    const request = transport.request(url, {
      method: req.method,
      headers,
      agent: secure ? agents[limits.tls] : agents.http,
      timeout: limits.timeoutMs,
      insecureHTTPParser: true, // government servers send headers strict parsers refuse
    }, (res) => {
      const date = new Date();
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBytes) {
          request.destroy();
          fail(new ExchangeError("TOO_LARGE", `the answer is larger than ${Math.round(limits.maxBytes / 1048576)} MB`));
          return;
        }
        chunks.push(chunk);
      });
      res.on("end", () => {
        if (settled) return;
        settled = true;
        const list: HeaderList = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) list.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
        resolve({
          httpVersion: `HTTP/${res.httpVersion}`, status: res.statusCode ?? 0, statusText: res.statusMessage ?? "",
          headers: list, body: Buffer.concat(chunks), ip: res.socket?.remoteAddress, date,
        });
      });
      res.on("error", (err: NodeJS.ErrnoException) => fail(new ExchangeError(err.code ?? "ECONNRESET", err.message)));
      res.on("aborted", () => fail(new ExchangeError("ECONNRESET", "the connection closed before the answer was complete")));
    });
    const timer = setTimeout(() => {
      request.destroy();
      fail(new ExchangeError("ETIMEDOUT", `no complete answer within ${limits.timeoutMs / 1000} s`));
    }, limits.timeoutMs);
    request.on("close", () => clearTimeout(timer));
    request.on("timeout", () => {
      request.destroy();
      fail(new ExchangeError("ETIMEDOUT", `no data for ${limits.timeoutMs / 1000} s`));
    });
    request.on("error", (err: NodeJS.ErrnoException) => fail(new ExchangeError(err.code ?? "ENETWORK", err.message)));
    request.end(req.body ? Buffer.from(req.body) : undefined);
  });
}

/** The first value of a header (case-insensitive). */
export function header(list: HeaderList, name: string): string | undefined {
  const lower = name.toLowerCase();
  return list.find(([n]) => n.toLowerCase() === lower)?.[1];
}

/** Every value of a header (Set-Cookie). */
export function headers(list: HeaderList, name: string): string[] {
  const lower = name.toLowerCase();
  return list.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
}
