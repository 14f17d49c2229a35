import { describe, expect, it } from "vitest";
import { isBlankCell, parseNumber } from "../../../src/extract/parse/numbers.ts";

describe("parseNumber", () => {
  it("reads plain, signed, decimal, grouped, full-width and unit-suffixed cells", () => {
    expect(["12", " 12 ", "+3", "−4", "1,234", "0.5", "１２", "１，２３４", "7件", "9万元", "10元", "11项", "12\u3000"].map(parseNumber))
      .toEqual([12, 12, 3, -4, 1234, 0.5, 12, 1234, 7, 9, 10, 11, 12]);
  });

  it("gives no value to labels, blanks, dashes, mixed text and overlong cells", () => {
    expect(["", "—", "/", "无", "收到申请数", "件12", "12件件", "第3项", "1,23", "12a", "1".repeat(41), "2023年"].map(parseNumber))
      .toEqual(Array(12).fill(null));
  });

  it("isBlankCell: empty, dashes, slashes and 无 stand for nothing", () => {
    expect(["", " ", "—", "/", "／", "无", "暂无", "0", "收到"].map(isBlankCell)).toEqual([true, true, true, true, true, true, true, false, false]);
  });
});
