import { describe, expect, it } from "vitest";
import { assemble } from "../../../src/extract/pdf/assemble.ts";
import { continueTables, continuedRows } from "../../../src/extract/pdf/continue-tables.ts";
import type { PageLayout, PageTable, TextLine } from "../../../src/extract/pdf/types.ts";
import { buildTable } from "../../../src/extract/pdf/unruled-tables.ts";
import { line } from "./layout-lines.ts";

// A borderless table's last row carried over, alone, to the top of the next page (table 二 of
// the pdfkit fixtures: columns at 76, 227, 327, 427).

const TABLE = [
  line(600, ["信息内容", 76], ["本年制发件数", 227], ["本年废止件数", 327], ["现行有效件数", 427]),
  line(620, ["规章", 76], ["6", 227], ["5", 327], ["57", 427]),
  line(640, ["行政规范性文件", 76], ["1", 227], ["0", 327], ["43", 427]),
  line(660, ["信息内容", 76], ["本年收费金额（单位：万元）", 227]),
];
const FEES = line(85.3, ["行政事业性收费", 76], ["1015.20", 227]);

function pages(first: TextLine[], next: TextLine[], ruled = false): PageLayout[] {
  const { used: _, ...table } = buildTable(first);
  const t: PageTable = { ...table, ruled };
  return [
    { width: 595, height: 842, blocks: [{ kind: "line", line: line(100, ["二、主动公开政府信息情况", 72]) }, { kind: "table", table: t }] },
    { width: 595, height: 842, blocks: next.map((l) => ({ kind: "line", line: l })) },
  ];
}

describe("continueTables", () => {
  it("reads a two-cell line opening the next page as the last row of the table, in its columns", () => {
    const p = pages(TABLE, [FEES, line(121.9, ["三、收到和处理政府信息公开申请情况", 72])]);
    continueTables(p);
    expect(p[1].blocks.map((b) => b.kind)).toEqual(["table", "line"]);
    const text = assemble(p);
    expect(text).toContain("信息内容\t本年收费金额（单位：万元）\t\t\n行政事业性收费\t1015.20\t\t\n\n三、收到和处理政府信息公开申请情况");
  });

  it("takes a label wrapped under the carried row with it", () => {
    const p = pages(TABLE, [FEES, line(96.9, ["（单位：万元）", 76]), line(131.9, ["三、收到和处理政府信息公开申请情况", 72])]);
    expect(continuedRows((p[0].blocks[1] as { table: PageTable }).table, p[1].blocks.map((b) => (b as { line: TextLine }).line))).toBe(2);
  });

  it("leaves paragraphs, headings and lines off the table's columns alone", () => {
    for (const first of [
      line(85.3, ["本机关2023年度未收取信息处理费。", 94]),
      line(85.3, ["三、收到和处理政府信息公开申请情况", 72]),
      line(85.3, ["行政事业性收费", 76], ["本年处理", 227]),
      line(85.3, ["行政事业性收费", 76], ["1015.20", 160]),
    ]) {
      const p = pages(TABLE, [first]);
      continueTables(p);
      expect(p[1].blocks[0].kind).toBe("line");
    }
  });

  it("leaves a page alone after a ruled table, or a page that opens with other text", () => {
    const ruled = pages(TABLE, [FEES], true);
    continueTables(ruled);
    expect(ruled[1].blocks[0].kind).toBe("line");
    const after = pages(TABLE, [line(70, ["东湖街道办事处政务公开", 424]), FEES]);
    continueTables(after);
    expect(after[1].blocks[0].kind).toBe("line");
  });

  it("keeps apart bare numbers that continue the numbers of the row above the page break", () => {
    const rows = [
      line(600, ["信息内容", 76], ["自然人", 330], ["总计", 499.1]),
      line(620, ["一、本年新收政府信息公开申请数量", 76], ["1022", 330], ["1671", 499.1]),
    ];
    const p = pages(rows, [line(85.3, ["7", 330], ["9", 499.1]), line(121.9, ["三、收到和处理政府信息公开申请情况", 72])]);
    continueTables(p);
    expect(assemble(p)).toContain("一、本年新收政府信息公开申请数量\t1022 7\t1671 9\n\n三、");
  });
});
