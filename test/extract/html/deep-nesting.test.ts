import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../src/extract/extract-document.ts";

// Unclosed inline tags (`<p><font>…` paragraph after paragraph, or thousands of bare <font>) nest a
// page thousands of levels deep. The extractor used to overflow its stack on such a page ("Maximum
// call stack size exceeded" from 5,000 levels); the tree now stops deepening and keeps the text.

const fixtures = join(import.meta.dirname, "../../fixtures/html");
const page = readFileSync(join(fixtures, "hanweb-utf8.html"), "utf8");
const expected = JSON.parse(readFileSync(join(fixtures, "hanweb-utf8.expected.json"), "utf8")) as { values: Record<string, number> };

async function valuesWith(prefix: string): Promise<Record<string, number>> {
  const html = page.replace(/<body([^>]*)>/i, (body) => body + prefix);
  const { record } = await extractDocument(new TextEncoder().encode(html), { name: "deep.html", contentType: "text/html; charset=utf-8" });
  return record.values as Record<string, number>;
}

describe("deeply nested HTML", () => {
  it("keeps every value of a report under 20,000 unclosed <font> tags", async () => {
    expect(await valuesWith("<font>".repeat(20_000))).toEqual(expected.values);
  });

  it("keeps every value after 1,500 nested layout tables", async () => {
    expect(await valuesWith(`${"<table><tr><td>".repeat(1_500)}版式${"</td></tr></table>".repeat(1_500)}`)).toEqual(expected.values);
  });

  it("keeps every value under 5,000 paragraphs that each leave a <font> open", async () => {
    expect(await valuesWith("<p><font>前言".repeat(5_000))).toEqual(expected.values);
  });
});
