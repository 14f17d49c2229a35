import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../src/extract/extract-document.ts";
import { CORPUS, corpusDocuments } from "./corpus-documents.ts";

// Acceptance: the shared scorer over every expected file in ../shared/corpus — every cell,
// zero wrong numbers, all metadata right.

describe("shared corpus", () => {
  const docs = corpusDocuments();

  it("has the five seeds and the real PDF", () => {
    expect(docs.length).toBeGreaterThanOrEqual(6);
    expect(docs.some((d) => d.document.endsWith(".pdf"))).toBe(true);
  });

  it("scores 100% recall, zero wrong, all metadata right", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-corpus-"));
    const args: string[] = [];
    for (const doc of docs) {
      const { record } = await extractDocument(readFileSync(doc.document), { name: doc.name });
      const out = join(dir, `${doc.name.replace(/\W+/g, "_")}.json`);
      writeFileSync(out, JSON.stringify(record));
      args.push(doc.expected, out);
    }
    let output: string;
    try {
      output = execFileSync(process.execPath, [join(CORPUS, "score.mjs"), ...args], { encoding: "utf8" });
    } catch (err) {
      output = (err as { stdout?: string }).stdout ?? String(err);
    }
    expect(output).toMatch(/recall 100\.00% wrong 0 meta 100\.00%/);
  });
});
