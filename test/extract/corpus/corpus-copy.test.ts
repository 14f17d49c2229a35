import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../src/extract/extract-document.ts";
import { scoreCorpus, scoreLine, scoreRecord } from "../../support/score-records.ts";
import { CORPUS, corpusDocuments, hasSharedCorpus, readExpected, SHARED_CORPUS } from "./corpus-documents.ts";

// The project's corpus copy against the team's shared corpus, when it is beside the project
// (../shared/corpus): a correction made there must reach the project through this red test.
// Without it (a clone anywhere else) there is nothing to compare, and the test is skipped.

const files = (root: string) => ["seeds", "real"].flatMap((d) => readdirSync(join(root, d)).map((f) => `${d}/${f}`)).sort();

describe.skipIf(!hasSharedCorpus())("the corpus copy and ../shared/corpus", () => {
  it("hold the same files", () => {
    expect(files(CORPUS)).toEqual(files(SHARED_CORPUS));
  });

  it("hold the same bytes in each (copy a corrected file from ../shared/corpus into test/fixtures/corpus)", () => {
    const differing = files(SHARED_CORPUS).filter((f) => !readFileSync(join(SHARED_CORPUS, f)).equals(readFileSync(join(CORPUS, f))));
    expect(differing).toEqual([]);
  });

  it("the project's scorer agrees with the shared score.mjs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "nianbao-corpus-"));
    const args: string[] = [];
    const scores = [];
    for (const doc of corpusDocuments()) {
      const { record } = await extractDocument(readFileSync(doc.document), { name: doc.name });
      const out = join(dir, `${doc.name.replace(/\W+/g, "_")}.json`);
      writeFileSync(out, JSON.stringify(record));
      args.push(doc.expected, out);
      scores.push(scoreRecord(doc.name, readExpected(doc.expected), record));
    }
    let output: string;
    try {
      output = execFileSync(process.execPath, [join(SHARED_CORPUS, "score.mjs"), ...args], { encoding: "utf8" });
    } catch (err) {
      output = (err as { stdout?: string }).stdout ?? String(err);
    }
    expect(output).toContain(scoreLine(scoreCorpus(scores)));
  });
});
