import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pdfToText } from "../../../src/extract/pdf/pdf-to-text.ts";
import { REQUEST_COLUMNS, rowWith } from "./table-rows.ts";

// The two defects the benchmark found in borderless tables, on rendered fixtures: five-digit
// numbers wrapped in table 三's 28 pt columns, and table 二's last row alone on the next page.

const dir = new URL("../../fixtures/pdf/", import.meta.url);
const read = (name: string) => pdfToText(new Uint8Array(readFileSync(new URL(`${name}.pdf`, dir))), { name: `${name}.pdf` });
const values = (name: string) => (JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), "utf8")) as { values: Record<string, number> }).values;
const cells = (row: string[] | undefined) => row?.slice(-7);

describe.each(["wrapped-number", "wrapped-number-ruled"])("%s.pdf: numbers wrapped in narrow cells", (name) => {
  const exp = values(name);

  it("reads each wrapped number whole, in its row", async () => {
    const { text } = await read(name);
    expect(exp["requests.new.natural_person"]).toBe(10227);
    expect(cells(rowWith(text, "一、本年新收政府信息公开申请数量", true))).toEqual(REQUEST_COLUMNS.map((c) => String(exp[`requests.new.${c}`])));
    expect(cells(rowWith(text, "（七）总计", true))).toEqual(REQUEST_COLUMNS.map((c) => String(exp[`requests.total.${c}`])));
    expect(cells(rowWith(text, "（七）总计", true))?.at(-1)).toBe("16807");
  });

  it("leaves no row of bare digit fragments behind", async () => {
    const { text } = await read(name);
    expect(text.split("\n").filter((l) => /^[\t\d ]+$/u.test(l) && l.includes("\t") && l.replace(/\t/gu, "").length < 6)).toEqual([]);
  });
});

describe("carried-row.pdf: table 二's last row alone at the top of page 2", () => {
  it("reads it as the table's last row, beside its label", async () => {
    const { text, pages } = await read("carried-row");
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(values("carried-row")["active.fees.amount"]).toBe(1015.2);
    expect(rowWith(text, "行政事业性收费")?.slice(0, 2)).toEqual(["行政事业性收费", "1015.20"]);
    const block = text.split("\n\n").find((b) => b.includes("本年收费金额"))!;
    expect(block.split("\n").at(-1)!.split("\t").slice(0, 2)).toEqual(["行政事业性收费", "1015.20"]);
    expect(text).not.toContain("行政事业性收费 1015.20");
  });
});
