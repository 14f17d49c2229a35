import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { discoverPage } from "../../../src/crawlers/discovery/discover-page.ts";
import { MAX_LIST_PAGES } from "../../../src/crawlers/discovery/links.ts";
import { ALL_PAGES } from "../../fixtures/portal-pages/all-pages.ts";
import { pageBytes } from "../../fixtures/portal-pages/portal-page.ts";
import { manifest } from "../../fixtures/portal-pages/make-portal-pages.ts";
import { fixtureInput } from "./support.ts";

const dir = join(import.meta.dirname, "../../fixtures/portal-pages");

describe.each(ALL_PAGES.map((p) => ({ file: p.file })))("properties of $file", ({ file }) => {
  const input = fixtureInput(file);
  const findings = discoverPage(input);

  it("only absolute http(s) links, no fragments", () => {
    for (const l of findings.links) expect(l.url).toMatch(/^https?:\/\/[^/#]+[^#]*$/);
  });

  it("no duplicates (URL + method + body), and never the page itself", () => {
    const keys = findings.links.map((l) => `${l.method ?? "GET"} ${l.url} ${l.body ?? ""}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(findings.links.some((l) => l.url === input.url && !l.body)).toBe(false);
  });

  it("pure: the same input gives the same findings, and the input is not changed", () => {
    const before = Buffer.from(input.bytes).toString("base64");
    expect(discoverPage(input)).toEqual(findings);
    expect(Buffer.from(input.bytes).toString("base64")).toBe(before);
  });

  it("every link says who found it and why; POST links carry a body; list pages stay bounded", () => {
    for (const l of findings.links) {
      expect(l.family.length).toBeGreaterThan(0);
      expect(l.why.length).toBeGreaterThan(0);
      if (l.method === "POST") expect(l.body).toBeDefined();
    }
    expect(findings.links.filter((l) => l.kind === "list" || l.kind === "list-api").length).toBeLessThanOrEqual(MAX_LIST_PAGES);
  });

  it("links sorted by priority, highest first", () => {
    const p = findings.links.map((l) => l.priority ?? 0);
    expect(p).toEqual([...p].sort((a, b) => b - a));
  });
});

describe("saved pages", () => {
  it("are what the generator writes (run make-portal-pages.ts after editing a page)", () => {
    for (const page of ALL_PAGES) {
      expect(Buffer.from(readFileSync(join(dir, page.file))).equals(Buffer.from(pageBytes(page))), page.file).toBe(true);
    }
    expect(readFileSync(join(dir, "manifest.json"), "utf8")).toBe(manifest());
  });

  it("GBK pages are really GBK (not valid UTF-8)", () => {
    for (const page of ALL_PAGES.filter((p) => p.encoding === "gbk")) {
      expect(() => new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(join(dir, page.file))), page.file).toThrow();
    }
  });
});
