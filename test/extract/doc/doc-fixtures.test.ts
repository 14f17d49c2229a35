import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { docToText } from "../../../src/extract/doc/doc-to-text.ts";
import { canonicalTables, type Expected } from "../docx/canonical-tables.ts";

const dir = new URL("../../fixtures/doc/", import.meta.url);
const FIXTURES = ["report-2021-merged", "report-2021-split-runs", "report-2019"];
const COLS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other", "total"];

describe.each(FIXTURES)("docToText(%s.doc)", async (name) => {
  const bytes = new Uint8Array(readFileSync(new URL(`${name}.doc`, dir)));
  const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), "utf8")) as Expected;
  const result = await docToText(bytes, { name: `${name}.doc` });
  const tables = canonicalTables(result.text);

  it("reads the title, headings and paragraphs without warnings", () => {
    expect(result.format).toBe("doc");
    expect(result.warnings).toEqual([]);
    const lines = result.text.split("\n");
    expect(lines[0]).toBe(expected.title);
    expect(lines).toContain("三、收到和处理政府信息公开申请情况");
    expect(lines).toContain(`本机关${expected.year}年度未收取信息处理费。`);
  });

  it("recovers tables 二, 三, 四 on their column grid, merged slots empty", () => {
    expect(tables).toHaveLength(3);
    for (let t = 0; t < 3; t++) {
      expect(tables[t]).toHaveLength(expected.tables[t].length);
      expected.tables[t].forEach((row, r) => expect(tables[t][r], `table ${t} row ${r}`).toEqual(row));
    }
  });

  it("puts the numbers of table 三 under their applicant columns", () => {
    for (const [label, key] of [["一、本年新收政府信息公开申请数量", "new"], ["四、结转下年度继续办理", "carried_forward"]]) {
      const row = tables[1].find((r) => r[0] === label)!;
      expect(row.slice(0, 3)).toEqual([label, "", ""]);
      expect(row.slice(3).map(Number)).toEqual(COLS.map((c) => expected.values[`requests.${key}.${c}`]));
    }
    const granted = tables[1].find((r) => r[1] === "（一）予以公开")!;
    expect(granted.slice(3).map(Number)).toEqual(COLS.map((c) => expected.values[`requests.granted.${c}`]));
  });

  it("keeps every row of a table the same width", () => {
    for (const t of tables) expect(new Set(t.map((r) => r.length)).size).toBe(1);
  });
});

it("drops deleted revisions and the header/footer of a converted DOCX", async () => {
  const text = (await docToText(new Uint8Array(readFileSync(new URL("report-2021-split-runs.doc", dir))))).text;
  const expected = JSON.parse(readFileSync(new URL("report-2021-split-runs.expected.json", dir), "utf8")) as Expected;
  const total = canonicalTables(text)[1].find((r) => r[1] === "（七）总计")!;
  expect(total.slice(3).map(Number)).toEqual(COLS.map((c) => expected.values[`requests.total.${c}`]));
  expect(text).not.toContain("政务公开\n");
  expect(text).toContain("\t商业企业\t");
});
