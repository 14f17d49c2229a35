import { createHash } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { attachmentBytes } from "./crawl-portal-documents.ts";
import { benchPages, type BenchFile, type BenchReportUrl } from "./crawl-portal-pages.ts";
import { benchPlan, type BenchSizes } from "./crawl-portal-plan.ts";

// The crawl benchmark's portal: a generated TRS-like county portal (~5,000 pages, 500 reports by
// default) served from memory on 127.0.0.1, with ETag → 304 on every page and file for the
// recrawl measurement and no delays. `urls` lists every URL, for the bare-fetch baseline.

export interface BenchPortal {
  /** The homepage, where a crawl starts. */
  url: string;
  /** Every URL the portal serves (pages, attachments, robots.txt), for the bare fetch loop. */
  urls: string[];
  expected: {
    /** HTML pages (nav, lists, details). */
    pages: number;
    /** Reports: inline detail pages plus attachments. */
    documents: number;
    inline: number;
    pdf: number;
    docx: number;
    /** Everything served: pages, attachments and robots.txt. */
    files: number;
  };
  reports: (BenchReportUrl & { url: string })[];
  /** Requests answered so far, and how many of them with 304. */
  served(): { requests: number; notModified: number };
  close(): Promise<void>;
}

interface Served extends BenchFile { etag: string; length: string }

/** Starts the portal; attachments are cached under .bench/crawl-portal/ (or `cacheDir`). */
export async function startBenchPortal(sizes: BenchSizes = { pages: 5000, documents: 500 }, cacheDir?: string): Promise<BenchPortal> {
  const plan = benchPlan(sizes);
  const built = benchPages(plan, await attachmentBytes(plan.reports, cacheDir));
  const files = new Map<string, Served>();
  for (const [path, f] of built.files) files.set(path, { ...f, etag: `"${createHash("sha1").update(f.body).digest("hex").slice(0, 16)}"`, length: String(f.body.length) });
  let requests = 0, notModified = 0;
  const server = createServer((req, res) => {
    requests++;
    const file = files.get((req.url ?? "/").split("?")[0]);
    if (!file) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    if (req.headers["if-none-match"] === file.etag) {
      notModified++;
      res.writeHead(304, { etag: file.etag }).end();
      return;
    }
    res.writeHead(200, { "content-type": file.contentType, "content-length": file.length, etag: file.etag });
    res.end(req.method === "HEAD" ? undefined : file.body);
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const count = (format: string) => built.reports.filter((r) => r.format === format).length;
  return {
    url: `${origin}/`,
    urls: [...files.keys()].map((p) => origin + p),
    expected: {
      pages: [...files.values()].filter((f) => f.contentType.startsWith("text/html")).length,
      documents: built.reports.length, inline: count("html"), pdf: count("pdf"), docx: count("docx"), files: files.size,
    },
    reports: built.reports.map((r) => ({ ...r, url: origin + r.path })),
    served: () => ({ requests, notModified }),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
