import { describe, expect, it } from "vitest";
import { splitCellKey } from "../../src/store/cell-key.ts";
import { searchTerms } from "../../src/store/search-terms.ts";

describe("searchTerms", () => {
  it("makes overlapping bigrams of Han runs, keeps ASCII words and numbers", () => {
    expect(searchTerms("政府信息公开")).toBe("政府 府信 信息 息公 公开");
    expect(searchTerms("2023年，共收到申请12件（PDF版）")).toBe("2023 年 共收 收到 到申 申请 12 件 pdf 版");
  });
  it("folds full-width characters and radicals the same for documents and queries", () => {
    expect(searchTerms("ＰＤＦ２０２３")).toBe("pdf2023");
    expect(searchTerms("⾏政")).toBe("行政");
  });
  it("caps the number of terms", () => {
    expect(searchTerms("一二三四五六", 3)).toBe("一二 二三 三四");
    expect(searchTerms("")).toBe("");
  });
});

describe("splitCellKey", () => {
  it("splits a key into table, row and column", () => {
    expect(splitCellKey("requests.denied.state_secret.total")).toEqual({ table: "requests", rowKey: "denied.state_secret", columnKey: "total" });
    expect(splitCellKey("appeals.review.corrected")).toEqual({ table: "appeals", rowKey: "review", columnKey: "corrected" });
    expect(splitCellKey("active.fees.amount")).toEqual({ table: "active", rowKey: "fees", columnKey: "amount" });
  });
  it("rejects keys outside the three tables", () => {
    expect(splitCellKey("other.x.y")).toBeUndefined();
    expect(splitCellKey("requests.total")).toBeUndefined();
  });
});
