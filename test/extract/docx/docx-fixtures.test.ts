import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { docxToText } from "../../../src/extract/docx/docx-to-text.ts";
import { canonicalTables, type Expected } from "./canonical-tables.ts";

const dir = new URL("../../fixtures/docx/", import.meta.url);
const FIXTURES = ["report-2021-merged", "report-2021-split-runs", "report-2019", "report-2021-long"];

describe.each(FIXTURES)("docxToText(%s.docx)", (name) => {
  const bytes = new Uint8Array(readFileSync(new URL(`${name}.docx`, dir)));
  const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), "utf8")) as Expected;
  const result = docxToText(bytes, { name: `${name}.docx` });
  const tables = canonicalTables(result.text);

  it("returns the title and section headings as lines", () => {
    expect(result.format).toBe("docx");
    const lines = result.text.split("\n");
    expect(lines[0]).toBe(expected.title);
    for (const h of ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "六、其他需要报告的事项"]) {
      expect(lines).toContain(h);
    }
  });

  it("reads tables 二, 三, 四 cell for cell, merged slots empty", () => {
    expect(tables).toHaveLength(3);
    for (let t = 0; t < 3; t++) {
      expect(tables[t]).toHaveLength(expected.tables[t].length);
      expected.tables[t].forEach((row, r) => expect(tables[t][r], `table ${t} row ${r}`).toEqual(row));
    }
  });

  it("puts specific numbers in their slots", () => {
    const t3 = tables[1];
    const newRow = t3.find((r) => r[0] === "一、本年新收政府信息公开申请数量")!;
    expect(newRow.slice(3).map(Number)).toEqual(
      ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other", "total"].map((c) => expected.values[`requests.new.${c}`]));
    const t4 = tables[2];
    expect(t4[3].map(Number)).toEqual(
      ["review", "litigation_direct", "litigation_after_review"].flatMap((g) => ["upheld", "corrected", "other", "pending", "total"].map((c) => expected.values[`appeals.${g}.${c}`])));
    const fees = tables[0].find((r) => r[0] === "行政事业性收费")!;
    if (expected.template === "2021") expect(Number(fees[1])).toBe(expected.values["active.fees.amount"]);
    else expect(fees.slice(1, 3).map(Number)).toEqual([expected.values["active.fees.prior_items"], expected.values["active.fees.change"]]);
  });

  it("keeps every row of a table the same width", () => {
    for (const t of tables) expect(new Set(t.map((r) => r.length)).size).toBe(1);
  });

  it("drops headers, footers and page numbers", () => {
    expect(result.text).not.toContain("政务公开\n");
    expect(result.text).not.toMatch(/^- ?\d* ?-$/m);
  });
});

describe("split runs and tracked changes", () => {
  const bytes = new Uint8Array(readFileSync(new URL("report-2021-split-runs.docx", dir)));
  const text = docxToText(bytes).text;
  it("joins numbers split across runs and drops deleted digits", () => {
    const expected = JSON.parse(readFileSync(new URL("report-2021-split-runs.expected.json", dir), "utf8")) as Expected;
    const row = canonicalTables(text)[1].find((r) => r[1] === "（七）总计")!;
    expect(row.slice(3).map(Number)).toEqual(
      ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other", "total"].map((c) => expected.values[`requests.total.${c}`]));
  });
  it("joins a label broken over two lines in its cell", () => {
    expect(canonicalTables(text)[1][2]).toContain("商业企业");
    expect(text).toContain("二、上年结转政府信息公开申请数量\t");
  });
});
