import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { PDFDocument } from "pdf-lib";
import { afterAll, describe, expect, it } from "vitest";
import { FONTS_BETWEEN_CLEANUPS, pdfToText } from "../../../src/extract/pdf/pdf-to-text.ts";
import { numbersIn, rowWith } from "./table-rows.ts";

// Long documents, made at test time with pdf-lib: a 100-page report that reuses its fonts on
// every page (as a real long report does), and one whose copies each embed their own fonts, so
// that pdf.js's caches are emptied halfway (FONTS_BETWEEN_CLEANUPS). Either way the text must
// be exactly that of the pages read alone, and memory must stay bounded.

const fixtures = new URL("../../fixtures/pdf/", import.meta.url);
const huaian = new URL("../../fixtures/corpus/real/huaian-2024.pdf", import.meta.url);
const work = mkdtempSync(join(tmpdir(), "nianbao-pdf-long-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** `copies` copies of a PDF's pages: in ONE copyPages call (fonts shared) or one call per copy. */
async function repeated(source: Uint8Array, copies: number, shareFonts: boolean): Promise<Uint8Array> {
  const out = await PDFDocument.create();
  if (shareFonts) {
    const from = await PDFDocument.load(source);
    const indices = Array.from({ length: copies }, () => from.getPageIndices()).flat();
    for (const page of await out.copyPages(from, indices)) out.addPage(page);
  } else {
    for (let i = 0; i < copies; i++) {
      const from = await PDFDocument.load(source);
      for (const page of await out.copyPages(from, from.getPageIndices())) out.addPage(page);
    }
  }
  return out.save();
}

/** The text of `copies` copies of a document: its blocks repeated, a blank line between copies. */
const times = (text: string, copies: number) => Array<string>(copies).fill(text.trimEnd()).join("\n\n") + "\n";

describe("a 100-page report (page-break.pdf × 25, fonts shared)", () => {
  const single = new Uint8Array(readFileSync(new URL("page-break.pdf", fixtures)));
  const long = repeated(single, 25, true);

  it("reads as the 4-page report 25 times over, every table intact", async () => {
    const bytes = await long;
    const [one, all] = await Promise.all([pdfToText(single), pdfToText(bytes)]);
    expect(all.pages).toBe(100);
    expect(all.text).toBe(times(one.text, 25));
    const rows = all.text.split("\n").filter((l) => l.startsWith("四、结转下年度继续办理\t"));
    expect(rows).toHaveLength(25);
    expect(new Set(rows).size).toBe(1);
    expect(numbersIn(rowWith(all.text, "四、结转下年度继续办理"))).toEqual(numbersIn(rowWith(one.text, "四、结转下年度继续办理")));
  });

  it("peaks under 300 MB resident, read in a child process", async () => {
    const file = join(work, "page-break-x25.pdf");
    writeFileSync(file, await long);
    const child = fileURLToPath(new URL("peak-rss-child.ts", import.meta.url));
    const report = JSON.parse(execFileSync(process.execPath, [child, file], { encoding: "utf8" })) as { pages: number; maxRssMb: number };
    expect(report.pages).toBe(100);
    expect(report.maxRssMb).toBeLessThan(300);
  });
});

describe.skipIf(!existsSync(huaian))("huaian-2024.pdf three times, each copy with its own 9 fonts", () => {
  it("empties pdf.js's caches midway and still reads every copy exactly as the original", async () => {
    const single = new Uint8Array(readFileSync(huaian));
    expect(3 * 9).toBeGreaterThan(FONTS_BETWEEN_CLEANUPS);
    const [one, all] = await Promise.all([pdfToText(single), pdfToText(await repeated(single, 3, false))]);
    expect(all.pages).toBe(18);
    expect(all.text).toBe(times(one.text, 3));
    const totals = all.text.split("\n").map((l) => l.split("\t")).filter((cells) => cells.includes("（七）总计"));
    expect(totals.map(numbersIn)).toEqual(Array(3).fill([2932, 53, 0, 0, 61, 4, 3050]));
  });
});
