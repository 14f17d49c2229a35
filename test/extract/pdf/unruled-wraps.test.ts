import { describe, expect, it } from "vitest";
import { tableRows } from "../../../src/extract/pdf/join-tables.ts";
import { buildTable, unruledTables } from "../../../src/extract/pdf/unruled-tables.ts";
import type { TextLine } from "../../../src/extract/pdf/types.ts";
import { line } from "./layout-lines.ts";

// Borderless tables whose numbers are too wide for their columns (table 三 of the pdfkit
// fixtures: 28 pt columns, 8 pt text, lines 11.6 pt apart, rows ~20 pt apart). A digit line right
// under a full number, alone on its line, is the rest of that number; where that is not certain
// the two stay apart ('1022 7', which the parser refuses): never a wrong number.

const NEW = "一、本年新收政府信息公开申请数量";
const OVER = "二、上年结转政府信息公开申请数量";
const rows = (lines: TextLine[]) => tableRows(buildTable(lines));

describe("a number wrapped in a narrow borderless column", () => {
  it("joins the digits alone on the next line to the numbers above them", () => {
    expect(rows([
      line(100, [NEW, 76], ["1022", 330], ["1272", 358.2], ["1671", 386.4]),
      line(111.6, ["7", 330], ["9", 386.4]),
      line(131.2, [OVER, 76], ["157", 330], ["124", 358.2], ["762", 386.4]),
    ])).toEqual([[NEW, "10227", "1272", "16719"], [OVER, "157", "124", "762"]]);
  });

  it("joins a tail under a centred or right-aligned number", () => {
    expect(rows([
      line(100, [NEW, 76], ["1022", 330], ["1272", 358.2]),
      line(111.6, ["7", 336.7], ["5", 371.5]),
      line(131.2, [OVER, 76], ["157", 330], ["124", 358.2]),
    ])).toEqual([[NEW, "10227", "12725"], [OVER, "157", "124"]]);
  });

  it("keeps the digits apart when they stick out of the number or sit further than a line pitch", () => {
    expect(rows([
      line(100, [NEW, 76], ["1022", 330], ["1272", 358.2]),
      line(111.6, ["77", 345]),
      line(131.2, [OVER, 76], ["157", 330], ["124", 358.2]),
    ])[0]).toEqual([NEW, "1022 77", "1272"]);
    expect(rows([
      line(100, [NEW, 76], ["1022", 330], ["1272", 358.2]),
      line(113.6, ["7", 330]),
      line(131.2, [OVER, 76], ["157", 330], ["124", 358.2]),
    ])[0]).toEqual([NEW, "1022 7", "1272"]);
  });

  it("keeps a digit apart when a label's wrapped text shares its line", () => {
    expect(rows([
      line(100, ["（二）部分公开（区分处理的，只计这一情", 156], ["1022", 330], ["49", 358.2]),
      line(111.6, ["形，不计其他情形）", 156], ["7", 330]),
      line(131.2, ["（三）不予公开", 156], ["57", 330], ["52", 358.2]),
    ])).toEqual([
      ["（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "1022 7", "49"],
      ["（三）不予公开", "57", "52"],
    ]);
  });

  it("reads a tight table's next row as a row, not as the rest of the numbers above", () => {
    expect(rows([
      line(100, ["1.信访举报投诉类申请", 156], ["1022", 330], ["1272", 358.2]),
      line(111.6, ["2.重复申请", 156], ["103", 330], ["70", 358.2]),
    ])).toEqual([["1.信访举报投诉类申请", "1022", "1272"], ["2.重复申请", "103", "70"]]);
  });

  it("keeps digits apart from a number that had room left in its column", () => {
    expect(rows([
      line(90, ["自然", 330], ["商业", 358.2], ["科研", 386.4]),
      line(100, [NEW, 76], ["84", 330], ["1272", 358.2], ["9", 386.4]),
      line(111.6, ["7", 330]),
    ])[1]).toEqual([NEW, "84 7", "1272", "9"]);
  });

  it("keeps apart digits under a number when the rest of their line is not under numbers", () => {
    expect(rows([
      line(100, [NEW, 76], ["1022", 330], ["1272", 358.2]),
      line(111.6, ["7", 330], ["5", 386.4]),
    ])).toEqual([[NEW, "1022 7", "1272", ""], ["", "", "", "5"]]);
  });

  it("gives a number printed above its labelled row (cells aligned to their foot) to that row, apart", () => {
    const got = rows([
      line(100, ["1581", 330]),
      line(111.6, [NEW, 76], ["7", 330], ["1272", 358.2]),
    ]);
    expect(got).toEqual([[NEW, "1581 7", "1272"]]);
  });

  it("keeps a wrapped tail on the table's last line, after its last row", () => {
    const [t] = unruledTables([
      line(100, ["（六）其他处理", 156], ["352", 330], ["617", 358.2]),
      line(119.6, ["（七）总计", 156], ["7572", 330], ["1300", 358.2]),
      line(131.2, ["2", 358.2]),
    ]);
    expect(tableRows(t).at(-1)).toEqual(["（七）总计", "7572", "13002"]);
    expect(t.used.size).toBe(3);
  });
});
