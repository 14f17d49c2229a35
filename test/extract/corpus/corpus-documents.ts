import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Expected } from "../../support/score-records.ts";

// The project's copy of the corpus (test/fixtures/corpus): each *.expected.json with the document
// it describes (same name, another extension). corpus-copy.test.ts keeps it equal to the team's
// shared corpus when that is beside the project.

export const CORPUS = resolve(import.meta.dirname, "../../fixtures/corpus");
/** The team's shared corpus, present only on the team's machines. */
export const SHARED_CORPUS = resolve(import.meta.dirname, "../../../../shared/corpus");
export const hasSharedCorpus = () => existsSync(join(SHARED_CORPUS, "seeds"));

export interface CorpusDocument { name: string; document: string; expected: string }

export function corpusDocuments(root = CORPUS): CorpusDocument[] {
  const out: CorpusDocument[] = [];
  for (const dir of ["seeds", "real"]) {
    const files = readdirSync(join(root, dir)).sort();
    for (const f of files.filter((x) => x.endsWith(".expected.json"))) {
      const stem = f.slice(0, -".expected.json".length);
      const document = files.find((x) => x.startsWith(`${stem}.`) && !x.endsWith(".expected.json"));
      if (document) out.push({ name: `${dir}/${document}`, document: join(root, dir, document), expected: join(root, dir, f) });
    }
  }
  return out;
}

export const readExpected = (path: string): Expected => JSON.parse(readFileSync(path, "utf8")) as Expected;
