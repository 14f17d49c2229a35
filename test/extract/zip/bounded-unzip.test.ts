import { deflateSync, strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { openZip } from "../../../src/extract/zip/bounded-unzip.ts";
import { readZipDirectory } from "../../../src/extract/zip/zip-directory.ts";
import { ZipError } from "../../../src/extract/zip/zip-error.ts";
import { deflatedZeros, makeZip } from "./make-zip.ts";

const MB = 1024 * 1024;

function zipError(fn: () => unknown): ZipError {
  try { fn(); } catch (err) { expect(err).toBeInstanceOf(ZipError); return err as ZipError; }
  throw new Error("no ZipError thrown");
}

describe("openZip", () => {
  it("lists entries and inflates only what is read", () => {
    const bytes = zipSync({ "a.txt": strToU8("hello ".repeat(1000)), "b.bin": [new Uint8Array(10), { level: 0 }] });
    const zip = openZip(bytes);
    expect(zip.entries.map((e) => e.name)).toEqual(["a.txt", "b.bin"]);
    expect(zip.entries.map((e) => e.method)).toEqual([8, 0]);
    expect(zip.inflated).toBe(0);
    expect(new TextDecoder().decode(zip.read(zip.find("a.txt")!))).toBe("hello ".repeat(1000));
    expect(zip.inflated).toBe(6000);
    expect(zip.read(zip.find("b.bin")!)).toEqual(new Uint8Array(10));
  });

  it("refuses from the central directory alone when the total exceeds the limit", () => {
    const bomb = makeZip([{ name: "x", method: 8, data: deflatedZeros(8), uncompressedSize: 8 * MB }]);
    const err = zipError(() => openZip(bomb, { maxBytes: 4 * MB, maxRatio: 2000, ratioFloor: MB }));
    expect(err.kind).toBe("too-large");
    expect(err.message).toBe("expands beyond the 4 MB limit");
  });

  it("refuses an entry compressed more than the ratio limit", () => {
    const bomb = makeZip([{ name: "x", method: 8, data: deflatedZeros(8), uncompressedSize: 8 * MB }]);
    const err = zipError(() => openZip(bomb));
    expect(err.message).toMatch(/^entry x expands \d+× \(limit 200×\)$/);
  });

  it("stops inflating an entry whose header lies about its size", () => {
    const liar = makeZip([{ name: "x", method: 8, data: deflatedZeros(64), uncompressedSize: 1000 }]);
    const zip = openZip(liar);
    const err = zipError(() => zip.read(zip.entries[0]));
    expect(err.message).toBe("entry x inflates beyond its declared 1000 bytes");
    expect(zip.inflated).toBe(0);
  });

  it("reports truncation and damage as corrupt", () => {
    const bytes = zipSync({ "a.txt": strToU8("hello world ".repeat(500)) });
    expect(zipError(() => openZip(bytes.subarray(0, bytes.length - 30))).kind).toBe("corrupt");
    expect(zipError(() => openZip(new Uint8Array(100))).message).toMatch(/no end of central directory/);
    const data = deflateSync(strToU8("x".repeat(5000)));
    const damaged = makeZip([{ name: "d", method: 8, data: data.map((b, i) => (i > 2 ? 0xff : b)), uncompressedSize: 5000 }]);
    const zip = openZip(damaged);
    expect(zipError(() => zip.read(zip.entries[0])).kind).toBe("corrupt");
  });

  it("reads the directory of a real DOCX", () => {
    const names = readZipDirectory(zipSync({ "word/document.xml": strToU8("<x/>"), "_rels/.rels": strToU8("<r/>") })).map((e) => e.name);
    expect(names).toEqual(["word/document.xml", "_rels/.rels"]);
  });
});
