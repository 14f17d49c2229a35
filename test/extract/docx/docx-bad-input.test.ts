import { readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { docxToText } from "../../../src/extract/docx/docx-to-text.ts";
import { ExtractError } from "../../../src/extract/extract-error.ts";
import { makeCfb } from "../doc/make-cfb.ts";
import { deflatedZeros, makeZip } from "../zip/make-zip.ts";

const MB = 1024 * 1024;
const fixture = () => new Uint8Array(readFileSync(new URL("../../fixtures/docx/report-2019.docx", import.meta.url)));

function failure(bytes: Uint8Array): ExtractError {
  try {
    docxToText(bytes, { name: "bad.docx" });
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractError);
    expect((err as Error).message).not.toContain("\n");
    return err as ExtractError;
  }
  throw new Error("docxToText did not throw");
}

describe("docxToText on bad input", () => {
  it("refuses a zip bomb (1 GB of zeros in 1 MB) quickly and with bounded memory", () => {
    const body = deflatedZeros(1024);
    expect(body.length).toBeLessThan(2 * MB);
    const bomb = makeZip([
      { name: "[Content_Types].xml", method: 0, data: strToU8("<Types/>"), uncompressedSize: 8 },
      { name: "word/document.xml", method: 8, data: body, uncompressedSize: 1024 * MB },
    ]);
    const rss = process.memoryUsage().rss;
    const t0 = performance.now();
    const err = failure(bomb);
    const ms = performance.now() - t0;
    expect(err.message).toMatch(/^bad\.docx: DOCX expands beyond the 128 MB limit \(zip bomb\?\); /);
    expect(ms).toBeLessThan(5000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * MB);
  });

  it("stops a bomb whose header claims a small size after one chunk", () => {
    const bomb = makeZip([{ name: "word/document.xml", method: 8, data: deflatedZeros(1024), uncompressedSize: 900 }]);
    const rss = process.memoryUsage().rss;
    const t0 = performance.now();
    const err = failure(bomb);
    expect(err.message).toMatch(/^bad\.docx: DOCX expands beyond the 128 MB limit \(zip bomb\?\); entry word\/document\.xml inflates beyond its declared 900 bytes/);
    expect(performance.now() - t0).toBeLessThan(5000);
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * MB);
  });

  it("stops a bomb whose header claims 100 MB (under the limit) at that claim", () => {
    const bomb = makeZip([{ name: "word/document.xml", method: 8, data: deflatedZeros(1024), uncompressedSize: 100 * MB }]);
    // 100 MB from 1 MB passes the 200× ratio check of the directory, so the stream must stop it.
    const err = failure(bomb);
    expect(err.message).toMatch(/^bad\.docx: DOCX expands beyond the 128 MB limit \(zip bomb\?\); entry word\/document\.xml (expands more than 200×|inflates beyond)/);
  });

  it("refuses a zip that is not a Word document", () => {
    const err = failure(zipSync({ "content.xml": strToU8("<office:document/>"), mimetype: strToU8("application/vnd.oasis.opendocument.text") }));
    expect(err.message).toBe("bad.docx: zip archive is not a Word document (no word/document.xml); check that the file is a DOCX");
  });

  it("refuses a truncated DOCX", () => {
    const bytes = fixture();
    expect(failure(bytes.subarray(0, Math.floor(bytes.length / 2))).message).toMatch(/^bad\.docx: DOCX is damaged \(.*\); download it again/);
  });

  it("refuses a DOCX whose document.xml is corrupt deflate data", () => {
    const bytes = zipSync({ "word/document.xml": strToU8("<w:document>" + "<w:p><w:r><w:t>x</w:t></w:r></w:p>".repeat(300) + "</w:document>") });
    for (let i = 60; i < 100; i++) bytes[i] ^= 0x5a; // inside the compressed data
    expect(failure(bytes).message).toMatch(/^bad\.docx: DOCX is damaged/);
  });

  it("refuses a password-protected DOCX (OLE2 with EncryptedPackage)", () => {
    const err = failure(makeCfb({ EncryptionInfo: new Uint8Array(300), EncryptedPackage: new Uint8Array(6000) }));
    expect(err.message).toMatch(/^bad\.docx: DOCX is password-protected \(encrypted\); remove the password/);
  });

  it("refuses a legacy .doc and random bytes", () => {
    const doc = new Uint8Array(readFileSync(new URL("../../fixtures/doc/report-2019.doc", import.meta.url)));
    expect(failure(doc).message).toMatch(/legacy Word \.doc/);
    expect(failure(strToU8("%PDF-1.7 not a docx")).message).toMatch(/^bad\.docx: not a DOCX \(no zip signature\)/);
  });
});
