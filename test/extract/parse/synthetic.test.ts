import { describe, expect, it } from "vitest";
import { parseReport } from "../../../src/extract/parse/parse-report.ts";
import { canonicalText, syntheticReport, tableGrid, type SyntheticReport } from "../../support/synthetic-report.ts";

// Synthetic reports of both formats, with random numbers that keep the identities, read back
// exactly: every cell, no extra cell, identities all holding.

function readBack(report: SyntheticReport, text: string) {
  const record = parseReport(text);
  expect(record.kind).toBe("annual_report");
  expect(record.template).toBe(report.template);
  expect(record.year).toBe(report.year);
  expect(record.agency).toBe(report.agency);
  expect(record.values).toEqual(report.values);
  expect(record.checks.map((c) => c.rule).sort()).toEqual(["appeals.total", "requests.balance", "requests.columns", "requests.total"]);
  expect(record.checks.every((c) => c.ok)).toBe(true);
  expect(record.sections.map((s) => s.number)).toEqual(["一", "二", "三", "四", "五", "六"]);
  return record;
}

describe("synthetic reports", () => {
  for (const template of ["2021", "2019"] as const) {
    it(`reads 100 ${template} reports with merged cells left empty`, () => {
      for (let seed = 1; seed <= 100; seed++) {
        const report = syntheticReport({ seed, template, scale: seed % 9 === 0 ? 0 : seed * 20 });
        readBack(report, canonicalText(report));
      }
    });
    it(`reads ${template} reports with merged cells written out in every slot`, () => {
      for (let seed = 1; seed <= 30; seed++) {
        const report = syntheticReport({ seed, template });
        const text = report.blocks.map((b) => (b.type === "table" ? tableGrid(b.rows, true).map((r) => r.join("\t")).join("\n") : b.text)).join("\n\n");
        readBack(report, text);
      }
    });
  }

  it("flags a broken identity and keeps the document's numbers", () => {
    const report = syntheticReport({ seed: 7 });
    const total = report.values["requests.total.total"];
    const text = canonicalText(report).replace(/(（七）总计(\t[^\t\n]*)*\t)(\d+)\n/, (_m, pre) => `${pre}${total + 5}\n`);
    const record = parseReport(text);
    expect(record.values["requests.total.total"]).toBe(total + 5);
    expect(record.checks.find((c) => c.rule === "requests.balance")?.ok).toBe(false);
    expect(record.checks.find((c) => c.rule === "requests.balance")?.detail).toContain("total");
  });
});
