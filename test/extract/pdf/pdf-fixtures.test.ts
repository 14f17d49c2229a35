import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ExtractError } from "../../../src/extract/extract-error.ts";
import { NO_TEXT_LAYER, pdfToText } from "../../../src/extract/pdf/pdf-to-text.ts";
import { activeRows, APPEAL_KEYS, numbersIn, REQUEST_COLUMNS, requestRows, rowWith, tableLines } from "./table-rows.ts";

interface Expected { style: string; borders: string; agency: string; year: number; template: "2021" | "2019"; title: string; paragraphs: string[]; values: Record<string, number> }

const dir = new URL("../../fixtures/pdf/", import.meta.url);
const bytes = (name: string) => new Uint8Array(readFileSync(new URL(name, dir)));
const expected = (name: string) => JSON.parse(readFileSync(new URL(`${name}.expected.json`, dir), "utf8")) as Expected;

const STYLES = ["stroked", "filled-rules", "no-borders", "page-break", "template-2019"];

describe.each(STYLES)("PDF fixture %s", (name) => {
  const exp = expected(name);
  const read = pdfToText(bytes(`${name}.pdf`), { name: `${name}.pdf` });

  it("reads the title and the paragraphs whole, one per line", async () => {
    const { text, warnings, format } = await read;
    expect(format).toBe("pdf");
    expect(warnings).toEqual([]);
    const lines = text.split("\n");
    expect(lines[0]).toBe(exp.title);
    for (const p of exp.paragraphs) expect(lines).toContain(p);
  });

  it("puts every number of table 三 in its row, in column order", async () => {
    const { text } = await read;
    for (const [key, label] of requestRows(exp.template)) {
      const row = rowWith(text, label, true);
      expect(numbersIn(row), `${key} (${label})`).toEqual(REQUEST_COLUMNS.map((c) => exp.values[`requests.${key}.${c}`]));
    }
  });

  it("puts every number of table 二 beside its label", async () => {
    const { text } = await read;
    for (const [key, label, cols] of activeRows(exp.template)) {
      expect(numbersIn(rowWith(text, label)), `${key} (${label})`).toEqual(cols.map((c) => exp.values[`active.${key}.${c}`]));
    }
  });

  it("reads table 四's data row as 15 cells", async () => {
    const { text } = await read;
    const data = tableLines(text).find((cells) => cells.length === 15 && cells.every((c) => /^\d+$/.test(c)));
    expect(data?.map(Number)).toEqual(APPEAL_KEYS.map((k) => exp.values[k]));
  });

  it("keeps a merged group label once, in its first row, the rows below empty there", async () => {
    const { text } = await read;
    const first = rowWith(text, "1.属于国家秘密")!;
    const second = rowWith(text, "2.其他法律行政法规禁止公开")!;
    const at = first.indexOf("（三）不予公开");
    expect(at).toBeGreaterThanOrEqual(0);
    expect(second[at]).toBe("");
    expect(second.length).toBe(first.length);
    expect(text.split("\n").filter((l) => l.split("\t").includes("（三）不予公开"))).toHaveLength(1);
    // Every row of table 三 has the same number of cells.
    const widths = new Set(requestRows(exp.template).map(([, label]) => rowWith(text, label, true)!.length));
    expect([...widths]).toEqual([10]);
  });
});

describe("PDF page furniture and page breaks", () => {
  const read = pdfToText(bytes("page-break.pdf"));

  it("drops page headers and page numbers", async () => {
    const { text, pages } = await read;
    expect(pages).toBeGreaterThanOrEqual(3);
    expect(text).not.toMatch(/^-\s*\d+\s*-$/m);
    expect(text).not.toContain("政务公开\n");
    expect(text.split("\n").filter((l) => l === "青山镇人民政府政务公开")).toEqual([]);
  });

  it("joins table 三 across pages into one table block", async () => {
    const { text } = await read;
    const block = text.split("\n\n").find((b) => b.includes("一、本年新收"))!;
    for (const label of ["四、结转下年度继续办理", "2.没有现成信息需要另行制作", "（七）总计"]) expect(block).toContain(label);
    expect(block.split("\n").every((l) => l.split("\t").length === 10)).toBe(true);
  });
});

describe("PDF inputs that cannot be read", () => {
  it("returns empty text and a warning for a scan without a text layer", async () => {
    const r = await pdfToText(bytes("scan.pdf"));
    expect(r.text).toBe("");
    expect(r.warnings).toEqual([NO_TEXT_LAYER]);
    expect(r.pages).toBe(1);
  });

  it("rejects an encrypted PDF as password-protected", async () => {
    await expect(pdfToText(bytes("encrypted.pdf"), { name: "encrypted.pdf" })).rejects.toThrow(ExtractError);
    await expect(pdfToText(bytes("encrypted.pdf"), { name: "encrypted.pdf" })).rejects.toThrow(/encrypted\.pdf is password-protected/);
  });

  it("rejects a truncated PDF with one clear line", async () => {
    const whole = bytes("stroked.pdf");
    const err = await pdfToText(whole.slice(0, whole.length >> 1), { name: "half.pdf" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as Error).message).toMatch(/^half\.pdf is truncated or corrupt/);
    expect((err as Error).message).not.toContain("\n");
  });

  it("rejects bytes that are not a PDF", async () => {
    await expect(pdfToText(new TextEncoder().encode("<html>not a pdf</html>"))).rejects.toThrow(/not a PDF/);
  });

  it("leaves the caller's bytes usable", async () => {
    const input = bytes("stroked.pdf");
    await pdfToText(input);
    expect(input.byteLength).toBeGreaterThan(0);
    expect(input[0]).toBe(0x25);
  });
});
