import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cMapUrl, loadPdfJs } from "../../../src/extract/pdf/load-pdfjs.ts";
import { readText } from "../../../src/extract/pdf/read-page.ts";
import { mayHoldTable } from "../../../src/extract/pdf/table-signal.ts";
import type { TextRun } from "../../../src/extract/pdf/types.ts";

// Which pages get their operator list (ruling lines) read: those whose text could be a table.

/** Runs of 10.5 pt text on one baseline, each [text, x, width]. */
const line = (y: number, ...runs: [string, number, number][]): TextRun[] => runs.map(([text, x, width]) => ({ text, x, y, width, size: 10.5 }));

describe("mayHoldTable", () => {
  it("is false for prose: runs that abut, or one run per line", () => {
    const prose = [
      ...line(100, ["2024年，全市共受理政府信息公开申请", 90, 300], ["3119", 392, 21], ["件，答复", 415, 42]),
      ...line(120, ["均在法定期限内予以答复。", 90, 126]),
    ];
    expect(mayHoldTable(prose)).toBe(false);
  });

  it("is true for text pieces side by side with a gap (two cells of a row)", () => {
    expect(mayHoldTable(line(100, ["规章", 90, 21], ["1", 200, 5]))).toBe(true);
    // A tight table: 0.5 font sizes between the end of one cell's text and the next.
    expect(mayHoldTable(line(100, ["行政许可决定", 90, 63], ["447228", 158.25, 31]))).toBe(true);
  });

  it("is true for a national table label even without a gap", () => {
    expect(mayHoldTable(line(100, ["申请人情况", 90, 52]))).toBe(true);
    expect(mayHoldTable(line(100, ["第二十条第（一）项", 90, 90]))).toBe(true);
  });

  it("does not join runs of different lines into one", () => {
    // The second run starts far right, but on another line (baselines 14 pt apart).
    expect(mayHoldTable([...line(100, ["这一行到这里为止。", 90, 95]), ...line(114, ["下一行", 300, 32])])).toBe(false);
  });
});

const huaian = new URL("../../fixtures/corpus/real/huaian-2024.pdf", import.meta.url);

describe.skipIf(!existsSync(huaian))("mayHoldTable on the real WPS report", () => {
  it("reads rulings on pages 3–5 (tables 二, 三, 四) and skips the prose pages 1, 2 and 6", async () => {
    const pdfjs = await loadPdfJs();
    const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(huaian)), disableFontFace: true, useSystemFonts: false, verbosity: 0, cMapUrl: cMapUrl(), cMapPacked: true }).promise;
    try {
      const signals: boolean[] = [];
      for (let n = 1; n <= doc.numPages; n++) signals.push(mayHoldTable((await readText(await doc.getPage(n))).runs));
      expect(signals).toEqual([false, false, true, true, true, false]);
    } finally {
      await doc.loadingTask.destroy();
    }
  });
});
