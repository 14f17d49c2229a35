import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";

// The shared corpus (../shared/corpus from the project root): each *.expected.json with the
// document it describes (same name, another extension). Read by path, never copied, so a
// correction there reaches these tests.

export const CORPUS = resolve(import.meta.dirname, "../../../../shared/corpus");

export interface CorpusDocument { name: string; document: string; expected: string }

export function corpusDocuments(): CorpusDocument[] {
  const out: CorpusDocument[] = [];
  for (const dir of ["seeds", "real"]) {
    const files = readdirSync(join(CORPUS, dir));
    for (const f of files.filter((x) => x.endsWith(".expected.json"))) {
      const stem = f.slice(0, -".expected.json".length);
      const document = files.find((x) => x.startsWith(`${stem}.`) && !x.endsWith(".expected.json"));
      if (document) out.push({ name: `${dir}/${document}`, document: join(CORPUS, dir, document), expected: join(CORPUS, dir, f) });
    }
  }
  return out;
}
