import { describe, expect, it } from "vitest";
import { filled, joinCellLines, within } from "../../../src/extract/pdf/number-wraps.ts";
import { ruledTables } from "../../../src/extract/pdf/ruled-tables.ts";
import type { Segment, TextRun } from "../../../src/extract/pdf/types.ts";
import { line, SIZE, widthOf } from "./layout-lines.ts";

// A number too wide for its cell, broken over two lines: whole again where the first line was
// full, kept apart ('12 34': no number) where it was not.

describe("filled and within", () => {
  it("a number fills its room when one more digit would not fit", () => {
    const head = { text: "1581", x0: 330, x1: 330 + widthOf("1581") };
    expect(filled(head, 20.18)).toBe(true);
    expect(filled(head, 30)).toBe(false);
  });

  it("a tail lies within its head left, centred or right aligned, not beyond it", () => {
    const head = { text: "1581", x0: 330, x1: 347.8 };
    expect(within({ text: "7", x0: 330, x1: 334.45 }, head, SIZE)).toBe(true);
    expect(within({ text: "7", x0: 336.7, x1: 341.2 }, head, SIZE)).toBe(true);
    expect(within({ text: "7", x0: 343.4, x1: 347.8 }, head, SIZE)).toBe(true);
    expect(within({ text: "77", x0: 346, x1: 354.9 }, head, SIZE)).toBe(false);
  });
});

describe("joinCellLines", () => {
  it("joins a digit line to the full number above it", () => {
    expect(joinCellLines([line(100, ["1581", 330]), line(111.6, ["7", 330])], 20.18)).toBe("15817");
    expect(joinCellLines([line(100, ["1234", 330]), line(111.6, ["5678", 330]), line(123.2, ["9", 330])], 20.18)).toBe("123456789");
    expect(joinCellLines([line(100, ["1015.", 330]), line(111.6, ["20", 330])], 24)).toBe("1015.20");
  });

  it("keeps apart a number that did not fill its cell, and text lines as wrapped text", () => {
    expect(joinCellLines([line(100, ["1581", 330]), line(111.6, ["7", 330])], 40)).toBe("1581 7");
    expect(joinCellLines([line(100, ["12", 339.6]), line(111.6, ["34", 339.6])], 20.18)).toBe("12 34");
    expect(joinCellLines([line(100, ["商业", 358]), line(111.6, ["企业", 358])], 20.18)).toBe("商业企业");
    expect(joinCellLines([line(100, ["合计", 330]), line(111.6, ["7", 330])], 12)).toBe("合计 7");
  });
});

describe("ruled cells holding a broken number", () => {
  const h = (at: number, from: number, to: number): Segment => ({ dir: "h", at, from, to });
  const v = (at: number, from: number, to: number): Segment => ({ dir: "v", at, from, to });
  const run = (text: string, x: number, y: number): TextRun => ({ text, x, y, width: widthOf(text), size: SIZE });
  // Three columns: a label 254 pt wide, then two of 28.18 pt (padding 4 pt), as in table 三.
  const xs = [72, 326, 354.18, 382.36];
  const segments = [h(90, 72, 382.36), h(130, 72, 382.36), h(150, 72, 382.36), ...xs.map((x) => v(x, 90, 150))];
  const runs = [
    run("一、本年新收政府信息公开申请数量", 76, 102), run("1022", 330, 102), run("7", 330, 113.6), run("12", 358.18, 102), run("34", 358.18, 113.6),
    run("二、上年结转政府信息公开申请数量", 76, 142), run("157", 330, 142), run("9", 358.18, 142),
  ];

  it("reads '1022' over '7' in a full cell as 10227, '12' over '34' apart", () => {
    const [t] = ruledTables(segments, runs);
    const text = (r: number, c: number) => t.cells.find((cell) => cell.r0 === r && cell.c0 === c)?.text;
    expect(text(0, 1)).toBe("10227");
    expect(text(0, 2)).toBe("12 34");
    expect(text(1, 1)).toBe("157");
    expect(text(1, 2)).toBe("9");
  });
});
