import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { strToU8 } from "fflate";
import { describe, expect, it } from "vitest";
import { detectFormat } from "../../src/extract/detect-format.ts";
import { documentText } from "../../src/extract/extract-document.ts";
import { makeZip } from "./zip/make-zip.ts";

// The kind of a document comes from its bytes, whatever its name says.

const fixture = (p: string) => readFileSync(resolve(import.meta.dirname, "../fixtures", p));
const zipWith = (...names: string[]) => makeZip(names.map((name) => ({ name, method: 0 as const, data: strToU8("<x/>"), uncompressedSize: 4 })));
const text = (s: string) => new TextEncoder().encode(s);

describe("detectFormat", () => {
  it("tells every kind from its bytes", () => {
    expect(detectFormat(fixture("pdf/stroked.pdf"))).toBe("pdf");
    expect(detectFormat(fixture("docx/report-2019.docx"))).toBe("docx");
    expect(detectFormat(fixture("doc/report-2019.doc"))).toBe("doc");
    expect(detectFormat(fixture("html/hanweb-utf8.html"))).toBe("html");
    expect(detectFormat(fixture("html/trs-gbk-word.html"))).toBe("html");
    expect(detectFormat(text("大孝堡镇人民政府\n\n一、总体情况\n"))).toBe("text");
    expect(detectFormat(text("{\\rtf1\\ansi …}"))).toBe("rtf");
    expect(detectFormat(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe("image");
    expect(detectFormat(zipWith("OFD.xml", "Doc_0/Document.xml"))).toBe("ofd");
    expect(detectFormat(zipWith("[Content_Types].xml", "xl/workbook.xml"))).toBe("xlsx");
    expect(detectFormat(zipWith("readme.txt"))).toBe("zip");
    expect(detectFormat(new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)))).toBe("unknown");
  });

  it("finds a PDF header after leading junk, as some portals serve it", () => {
    const pdf = fixture("pdf/stroked.pdf");
    expect(detectFormat(new Uint8Array([...text("\r\n\r\n"), ...pdf.subarray(0, 2048)]))).toBe("pdf");
  });

  it("answers kinds it cannot read with one line saying what to do", async () => {
    await expect(documentText(zipWith("OFD.xml"), { name: "a.ofd" })).rejects.toThrow(/^a\.ofd: an OFD document .*convert it to PDF/);
    await expect(documentText(zipWith("xl/workbook.xml"), { name: "b.xlsx" })).rejects.toThrow(/^b\.xlsx: an Excel workbook/);
  });
});
