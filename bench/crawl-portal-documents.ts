import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { FONT, renderPdf } from "../test/fixtures/pdf/make-pdf-fixtures.ts";
import { stableDocx } from "../test/crawlers/fixture-portal/docx-bytes.ts";
import { syntheticReport } from "../test/support/synthetic-report.ts";
import type { BenchReport } from "./crawl-portal-plan.ts";

// The benchmark portal's attachments (PDF, DOCX), rendered once and kept under
// .bench/crawl-portal/ while the sources they are rendered from are unchanged (PDFs take
// ~0.15 s each to render; a start-up should not).

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const SOURCES = [
  "test/support/synthetic-report.ts",
  "test/fixtures/pdf/make-pdf-fixtures.ts",
  "test/fixtures/docx/make-docx-fixtures.ts",
  "test/crawlers/fixture-portal/docx-bytes.ts",
];

function version(): string {
  const hash = createHash("sha256");
  for (const file of SOURCES) hash.update(readFileSync(join(ROOT, file)));
  return hash.digest("hex").slice(0, 12);
}

/** The bytes of every attachment report, by report index (rendered now or read from the cache). */
export async function attachmentBytes(reports: BenchReport[], cacheDir = join(ROOT, ".bench", "crawl-portal")): Promise<Map<number, Buffer>> {
  const wanted = reports.filter((r) => r.format !== "html");
  if (wanted.some((r) => r.format === "pdf") && !existsSync(FONT)) {
    throw new Error(`the benchmark portal renders its PDFs with the font ${FONT}: install it (apt-get install -y fonts-noto-cjk) or pass pdfShare: 0`);
  }
  const dir = join(cacheDir, version());
  mkdirSync(dir, { recursive: true });
  const out = new Map<number, Buffer>();
  let rendered = 0;
  for (const r of wanted) {
    const file = join(dir, `${r.options.seed}-${r.options.year}.${r.format}`);
    if (existsSync(file)) {
      out.set(r.index, readFileSync(file));
      continue;
    }
    const report = syntheticReport(r.options);
    const bytes = r.format === "pdf" ? await renderPdf(report, { borders: "stroke" }) : await stableDocx(report);
    writeFileSync(file, bytes);
    out.set(r.index, bytes);
    if (++rendered % 25 === 0) process.stderr.write(`crawl portal: rendered ${rendered} attachments\n`);
  }
  return out;
}
