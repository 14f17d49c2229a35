import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBenchPortal, type BenchPortal } from "../../bench/crawl-portal.ts";
import { extractDocument } from "../../src/extract/index.ts";

// The crawl benchmark's generated portal, small: the page count asked for, every URL reachable
// from the homepage through links and script pagers, ETag → 304 everywhere, reports readable.

let portal: BenchPortal;
const cache = mkdtempSync(join(tmpdir(), "nianbao-bench-portal-"));

beforeAll(async () => { portal = await startBenchPortal({ pages: 300, documents: 25, pdfShare: 0, docxShare: 0.2 }, cache); });
afterAll(async () => {
  await portal.close();
  rmSync(cache, { recursive: true, force: true });
});

/** What a crawler that reads TRS script pagers reaches from the homepage. */
async function crawl(start: string): Promise<Set<string>> {
  const seen = new Set([start]);
  const queue = [start];
  for (let url = queue.shift(); url; url = queue.shift()) {
    const res = await fetch(url);
    if (!res.headers.get("content-type")?.startsWith("text/html")) continue;
    const html = await res.text();
    const links = [...html.matchAll(/<a\b[^>]*href="([^"]+)"/g)].map((m) => m[1]);
    const pager = html.match(/createPageHTML\((\d+), \d+, "index", "html"\)/);
    for (let n = 1; pager && n < Number(pager[1]); n++) links.push(`index_${n}.html`);
    for (const href of links) {
      const next = new URL(href, url).href;
      if (next.startsWith(start) && !seen.has(next)) { seen.add(next); queue.push(next); }
    }
  }
  return seen;
}

describe("benchmark portal", () => {
  it("has the pages and documents asked for, every one reachable from the homepage", async () => {
    expect(portal.expected).toEqual({ pages: 300, documents: 25, inline: 19, pdf: 0, docx: 6, files: 307 });
    const reached = await crawl(portal.url);
    expect(portal.urls.filter((u) => !u.endsWith("/robots.txt") && !reached.has(u))).toEqual([]);
  });

  it("answers every URL with an ETag and a matching If-None-Match with 304", async () => {
    const before = portal.served();
    for (const url of portal.urls.slice(0, 60)) {
      const etag = (await fetch(url)).headers.get("etag");
      expect(etag, url).toMatch(/^"[0-9a-f]{16}"$/);
      expect((await fetch(url, { headers: { "if-none-match": etag! } })).status).toBe(304);
    }
    expect(portal.served().notModified - before.notModified).toBe(60);
  });

  it("serves reports that read back as the reports they say they are", async () => {
    for (const r of portal.reports.filter((x, i) => x.format === "docx" || i % 5 === 0)) {
      const { record } = await extractDocument(new Uint8Array(await (await fetch(r.url)).arrayBuffer()));
      expect([record.kind, record.agency, record.year], r.url).toEqual(["annual_report", r.agency, r.year]);
    }
  });
});
