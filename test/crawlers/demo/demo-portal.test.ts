import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDemoPortal, type DemoPortal } from "../../../src/crawlers/demo/demo-portal.ts";
import { siteDir } from "../../../src/crawlers/demo/demo-site.ts";
import { extractDocument } from "../../../src/extract/index.ts";
import { APPLICANTS } from "../../../src/crawlers/demo/demo-values.ts";

// The demo portal: every report is reachable from the homepage by plain links, reads back to
// exactly the values the demo publishes with every identity holding, years carry over, the
// 解读 is not a report, and the site answers conditional requests.

let demo: DemoPortal;

beforeAll(async () => { demo = await startDemoPortal(); });
afterAll(() => demo.close());

/** Every URL reachable from the homepage through <a href> in HTML pages of the same host. */
async function reachable(start: string): Promise<Set<string>> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    const url = queue.shift()!;
    const res = await fetch(url);
    if (!res.headers.get("content-type")?.startsWith("text/html") || res.status !== 200) continue;
    for (const [, href] of (await res.text()).matchAll(/<a\b[^>]*href="([^"]+)"/g)) {
      const next = new URL(href, url);
      if (next.host !== new URL(start).host || seen.has(next.href)) continue;
      seen.add(next.href);
      queue.push(next.href);
    }
  }
  return seen;
}

describe("demo portal", () => {
  it("publishes nine reports of four bodies over three years, all reachable from the homepage", async () => {
    expect(demo.reports).toHaveLength(9);
    expect(new Set(demo.reports.map((r) => r.agency))).toEqual(new Set(["青峰县人民政府", "青峰县教育局", "青峰镇人民政府", "石桥乡人民政府"]));
    expect(new Set(demo.reports.map((r) => r.format))).toEqual(new Set(["html", "pdf", "docx"]));
    const urls = await reachable(demo.url);
    for (const r of demo.reports) expect(urls.has(r.url), r.url).toBe(true);
  });

  it("serves reports that read back to exactly the published values, every identity holding", async () => {
    for (const r of demo.reports) {
      const res = await fetch(r.url);
      const { record } = await extractDocument(new Uint8Array(await res.arrayBuffer()), { contentType: res.headers.get("content-type") ?? undefined });
      expect({ kind: record.kind, agency: record.agency, year: record.year, template: record.template }, r.url).toEqual({ kind: "annual_report", agency: r.agency, year: r.year, template: "2021" });
      expect(record.values, r.url).toEqual(r.values);
      expect(record.checks.filter((c) => !c.ok), r.url).toEqual([]);
    }
  });

  it("carries each body's requests over from year to year", () => {
    for (const r of demo.reports) {
      const before = demo.reports.find((p) => p.agency === r.agency && p.year === r.year - 1);
      if (!before) continue;
      for (const col of APPLICANTS) expect(r.values[`requests.carried_over.${col}`]).toBe(before.values[`requests.carried_forward.${col}`]);
    }
  });

  it("has a 解读 titled with the report's name that is not a report", async () => {
    const url = new URL("/zwgk/zfxxgknb/xzf/202502/t20250210_1090.html", demo.url).href;
    const page = await (await fetch(url)).text();
    expect(page).toContain(`<meta name="ArticleTitle" content="《青峰县人民政府2024年政府信息公开工作年度报告》解读" />`);
    expect((await extractDocument(Buffer.from(page))).record.kind).not.toBe("annual_report");
  });

  it("answers conditional requests with 304, and says so when its port is taken", async () => {
    const first = await fetch(demo.url);
    expect((await fetch(demo.url, { headers: { "if-none-match": first.headers.get("etag")! } })).status).toBe(304);
    expect((await fetch(demo.url, { headers: { "if-modified-since": first.headers.get("last-modified")! } })).status).toBe(304);
    const port = Number(new URL(demo.url).port);
    await expect(startDemoPortal({ port })).rejects.toThrow(`cannot start the demo portal: port ${port} of 127.0.0.1 is in use`);
  });

  it("stays small: its committed documents under 300 KB", () => {
    const dir = siteDir();
    const bytes = readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
    expect(bytes).toBeLessThan(300_000);
  });
});
