import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../src/extract/extract-document.ts";
import { scoreCorpus, scoreLine, scoreRecord } from "../../support/score-records.ts";
import { corpusDocuments, readExpected } from "./corpus-documents.ts";

// Acceptance: the project's scorer over every expected file of the corpus — every cell, zero
// wrong numbers, all metadata right.

describe("corpus", () => {
  const docs = corpusDocuments();

  it("has the five seeds and the real PDF", () => {
    expect(docs.map((d) => d.name)).toEqual([
      "seeds/000_e38f6fbf12461b6a.txt", "seeds/001_b1c038de0e5df421.txt", "seeds/002_dbf068044dca84d8.txt",
      "seeds/003_09d7efa84834ab25.txt", "seeds/004_672a93e96f8a197d.txt", "real/huaian-2024.pdf",
    ]);
  });

  it("scores 100% of cells, zero wrong, all metadata right", async () => {
    const scores = [];
    for (const doc of docs) {
      const { record } = await extractDocument(readFileSync(doc.document), { name: doc.name });
      scores.push(scoreRecord(doc.name, readExpected(doc.expected), record));
    }
    const total = scoreCorpus(scores);
    expect(scores.flatMap((s) => s.problems.map((p) => `${s.name}: ${p}`))).toEqual([]);
    expect(scoreLine(total)).toBe(`cells ${total.cells}: correct ${total.cells}, missed 0, wrong 0; metadata 18/18`);
    expect(total.cells).toBeGreaterThan(1000);
  });
});
