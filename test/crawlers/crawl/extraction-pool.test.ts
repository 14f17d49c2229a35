import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultExtractors, ExtractionPool } from "../../../src/crawlers/crawl/extraction-pool.ts";

// The crawl's extraction threads: real worker threads reading real documents.

const fixtures = join(import.meta.dirname, "../../fixtures");
const html = new Uint8Array(readFileSync(join(fixtures, "html", "hanweb-utf8.html")));
const pdf = new Uint8Array(readFileSync(join(fixtures, "corpus", "real", "huaian-2024.pdf")));

describe("ExtractionPool", () => {
  it("starts one worker per core beyond the first as memory allows, at least one and at most four", () => {
    const GiB = 2 ** 30;
    expect([1, 2, 3, 5, 64].map((cores) => defaultExtractors(cores, 64 * GiB))).toEqual([1, 1, 2, 4, 4]);
    expect([1, 2, 3, 4, 16].map((gib) => defaultExtractors(8, gib * GiB))).toEqual([1, 1, 2, 3, 4]);
    expect(() => new ExtractionPool(0)).toThrow(RangeError);
  });

  it("spreads documents over its workers and gives each its extraction, or why it has none", async () => {
    const pool = new ExtractionPool(2);
    try {
      const jobs = [
        pool.extract(pdf, "huaian-2024.pdf", "application/pdf"),
        pool.extract(html, "http://x.test/art.html", "text/html; charset=utf-8"),
        pool.extract(new TextEncoder().encode("%PDF-1.7 not really"), "broken.pdf", "application/pdf"),
      ];
      expect(pool.pending).toEqual([2, 1]); // the third waits behind the first: both workers were as busy
      const [a, b, c] = await Promise.all(jobs);
      expect("record" in a && a.record.year).toBe(2024);
      expect("record" in b && [b.record.agency, b.record.year]).toEqual(["桃源县人民政府办公室", 2022]);
      expect("reason" in c && c.reason).toMatch(/broken\.pdf/);
      expect(pool.pending).toEqual([0, 0]);
    } finally {
      await pool.close();
    }
  }, 60_000);
});
