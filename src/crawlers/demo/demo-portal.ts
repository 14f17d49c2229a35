import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { buildDemoSite, type DemoFile, type DemoSiteReport } from "./demo-site.ts";

// `nianbao crawl --demo`: a small fictional county portal served on 127.0.0.1, so that crawl →
// extract → store → reports/show/diff can be tried with no network. Pages and documents carry
// ETag and Last-Modified and answer conditional requests with 304, as a recrawl expects.

export interface DemoPortal {
  /** The homepage, where a crawl starts: http://127.0.0.1:PORT/ */
  url: string;
  /** The reports the portal publishes (absolute URLs), for a summary or a check after the crawl. */
  reports: (DemoSiteReport & { url: string })[];
  close(): Promise<void>;
}

interface Served extends DemoFile { etag: string }

function answer(files: Map<string, Served>, req: IncomingMessage, res: ServerResponse): void {
  const path = new URL(req.url ?? "/", "http://demo").pathname;
  const file = files.get(path);
  if (!file || (req.method !== "GET" && req.method !== "HEAD")) {
    res.writeHead(file ? 405 : 404, { "content-type": "text/html; charset=utf-8" }).end(file ? "" : "<h1>404 页面不存在</h1>");
    return;
  }
  const headers = { "content-type": file.contentType, etag: file.etag, "last-modified": file.modified.toUTCString() };
  const inm = req.headers["if-none-match"], ims = req.headers["if-modified-since"];
  const fresh = inm !== undefined ? inm.split(",").some((t) => t.trim().replace(/^W\//, "") === file.etag) : ims !== undefined && file.modified.getTime() <= Date.parse(ims);
  if (fresh) {
    res.writeHead(304, headers).end();
    return;
  }
  res.writeHead(200, { ...headers, "content-length": file.body.length });
  res.end(req.method === "HEAD" ? undefined : file.body);
}

/** Starts the demo portal on 127.0.0.1 (port 0: any free port). */
export async function startDemoPortal(options: { port?: number } = {}): Promise<DemoPortal> {
  const site = buildDemoSite();
  const files = new Map<string, Served>();
  for (const [path, file] of site.files) files.set(path, { ...file, etag: `"${createHash("sha1").update(file.body).digest("hex").slice(0, 16)}"` });
  const server = createServer((req, res) => answer(files, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(new Error(error.code === "EADDRINUSE"
      ? `cannot start the demo portal: port ${options.port} of 127.0.0.1 is in use; choose another port or leave it out to take any free one`
      : `cannot start the demo portal on 127.0.0.1: ${error.message}`)));
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: `${origin}/`,
    reports: site.reports.map((r) => ({ ...r, url: origin + r.path })),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
