import { readFileSync } from "node:fs";
import { resolve } from "node:path";

// The corpus (the project's copy, test/fixtures/corpus): 5 seed texts and one real PDF, with expected values.

const CORPUS = resolve(import.meta.dirname, "../fixtures/corpus");

export interface CorpusDocument {
  name: string;
  path: string;
  bytes: Uint8Array;
  expected: { agency: string[]; year: number; template: string; values: Record<string, number>; absent?: string[] };
}

const NAMES = [
  "seeds/000_e38f6fbf12461b6a.txt",
  "seeds/001_b1c038de0e5df421.txt",
  "seeds/002_dbf068044dca84d8.txt",
  "seeds/003_09d7efa84834ab25.txt",
  "seeds/004_672a93e96f8a197d.txt",
  "real/huaian-2024.pdf",
];

export function corpus(): CorpusDocument[] {
  return NAMES.map((name) => {
    const path = resolve(CORPUS, name);
    const expectedPath = path.replace(/\.(txt|pdf)$/, ".expected.json");
    return { name, path, bytes: readFileSync(path), expected: JSON.parse(readFileSync(expectedPath, "utf8")) };
  });
}

export const CORPUS_DIR = CORPUS;
