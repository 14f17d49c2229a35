import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FIXTURES, renderHtml } from "../test/fixtures/html/make-html-fixtures.ts";
import { renderPdf } from "../test/fixtures/pdf/make-pdf-fixtures.ts";
import { syntheticReport } from "../test/support/synthetic-report.ts";
import { corpusPlan, type CorpusEntry, type CorpusPlan } from "./corpus-plan.ts";
import { pdfPageCount } from "./pdf-page-count.ts";
import { progress } from "./progress.ts";

// The benchmark corpus under .bench/corpus: rendered once, reused while the generator version
// (a number bumped by hand plus a hash of every source the files are rendered from) matches.

const GENERATOR_VERSION = 1;
const SOURCES = [
  "bench/corpus-plan.ts",
  "test/support/synthetic-report.ts",
  "test/fixtures/pdf/make-pdf-fixtures.ts",
  "test/fixtures/html/make-html-fixtures.ts",
  "test/fixtures/html/portal-chrome.ts",
];
const ROOT = fileURLToPath(new URL("../", import.meta.url));

export interface Corpus {
  dir: string;
  plan: CorpusPlan;
  /** Page count of every PDF, by file. */
  pages: Record<string, number>;
  reused: boolean;
}

interface Manifest { version: string; pages: Record<string, number> }

function generatorVersion(): string {
  const hash = createHash("sha256");
  for (const file of SOURCES) hash.update(readFileSync(join(ROOT, file)));
  return `${GENERATOR_VERSION}-${hash.digest("hex").slice(0, 12)}`;
}

async function render(entry: CorpusEntry): Promise<Buffer> {
  const report = syntheticReport(entry.options);
  if (entry.kind === "pdf") return renderPdf(report, entry.style);
  const spec = FIXTURES.find((f) => f.file === entry.style);
  if (!spec) throw new Error(`no HTML fixture style named ${entry.style} in make-html-fixtures.ts`);
  return renderHtml(report, { ...spec, options: entry.options });
}

export async function ensureCorpus(benchDir: string): Promise<Corpus> {
  const dir = join(benchDir, "corpus");
  const plan = corpusPlan();
  const entries: CorpusEntry[] = [...plan.pdf, plan.big, ...plan.html];
  const version = generatorVersion();
  const manifestFile = join(dir, "manifest.json");
  if (existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Manifest;
    if (manifest.version === version && entries.every((e) => existsSync(join(dir, e.file)))) {
      return { dir, plan, pages: manifest.pages, reused: true };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "pdf"), { recursive: true });
  mkdirSync(join(dir, "html"), { recursive: true });
  const pages: Record<string, number> = {};
  const bar = progress("rendering corpus", entries.length);
  const start = performance.now();
  for (const [i, entry] of entries.entries()) {
    const bytes = await render(entry);
    writeFileSync(join(dir, entry.file), bytes);
    if (entry.kind === "pdf") pages[entry.file] = pdfPageCount(bytes);
    bar.tick(i + 1, entry.file);
  }
  writeFileSync(manifestFile, JSON.stringify({ version, pages } satisfies Manifest, null, 1) + "\n");
  bar.end(`${entries.length} files in ${((performance.now() - start) / 1000).toFixed(1)} s → ${dir}`);
  return { dir, plan, pages, reused: false };
}
