import { request, createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { HeaderList, HttpExchange } from "../../../../src/crawlers/warc/types.ts";

// Real HTTP on 127.0.0.1: a server with test routes, and a client that turns one request into an
// HttpExchange the way a crawler built on node:http would (headers as Node gives them — one char
// per byte —, the body de-chunked but still Content-Encoded).

export type Handler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => void;

export async function startServer(handler: Handler): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => handler(req, res, Buffer.concat(chunks)));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

export interface CaptureOptions {
  method?: string;
  body?: Buffer;
  headers?: Record<string, string>;
}

/** Fetches `url` with node:http and returns the exchange, plus whether the answer came chunked. */
export function capture(url: string, options: CaptureOptions = {}): Promise<HttpExchange & { chunked: boolean }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? "GET", headers: { "User-Agent": "nianbao-test", "Accept-Encoding": "gzip", ...options.headers } }, (res) => {
      const date = new Date();
      const ip = res.socket.remoteAddress;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("error", reject);
      res.on("end", () => {
        const requestHeaders: HeaderList = req.getRawHeaderNames().map((name) => [name, String(req.getHeader(name))]);
        const responseHeaders: HeaderList = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) responseHeaders.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
        resolve({
          url,
          method: req.method,
          requestHeaders,
          requestBody: options.body,
          httpVersion: `HTTP/${res.httpVersion}`,
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? "",
          responseHeaders,
          body: Buffer.concat(chunks),
          date,
          ip,
          chunked: /chunked/i.test(String(res.headers["transfer-encoding"] ?? "")),
        });
      });
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** A synthetic exchange (no network) for tests that need many. */
export function syntheticExchange(index: number, body: Uint8Array, url = `http://example.gov.cn/list_${index}.html`): HttpExchange {
  return {
    url,
    method: "GET",
    requestHeaders: [["Host", new URL(url).host], ["User-Agent", "nianbao-test"]],
    httpVersion: "HTTP/1.1",
    status: 200,
    statusText: "OK",
    responseHeaders: [["Content-Type", "text/html; charset=utf-8"], ["Content-Length", String(body.length)]],
    body,
    date: new Date(Date.UTC(2024, 4, 1, 8, 0, 0, index % 1000)),
    ip: "127.0.0.1",
  };
}
