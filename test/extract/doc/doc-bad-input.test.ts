import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readCfb } from "../../../src/extract/doc/cfb.ts";
import { docToText } from "../../../src/extract/doc/doc-to-text.ts";
import { ExtractError } from "../../../src/extract/extract-error.ts";
import { makeCfb } from "./make-cfb.ts";

const good = () => new Uint8Array(readFileSync(new URL("../../fixtures/doc/report-2019.doc", import.meta.url)));

async function failure(bytes: Uint8Array): Promise<ExtractError> {
  try {
    await docToText(bytes, { name: "bad.doc" });
  } catch (err) {
    expect(err).toBeInstanceOf(ExtractError);
    return err as ExtractError;
  }
  throw new Error("docToText did not throw");
}

describe("docToText on bad input", () => {
  it("refuses an encrypted DOC (FIB fEncrypted set) as password-protected", async () => {
    const bytes = good();
    const wd = readCfb(bytes).entries.find((e) => e.name === "WordDocument")!;
    bytes[(wd.start + 1) * 512 + 0x0b] |= 0x01; // flags word at 0x0A, bit 8
    const err = await failure(bytes);
    expect(err.message).toMatch(/^bad\.doc: DOC is password-protected/);
  });

  it("refuses a truncated DOC with a clear line", async () => {
    const err = await failure(good().subarray(0, 20_000));
    expect(err.message).toMatch(/^bad\.doc: DOC is damaged \(.*truncated/);
    expect(err.message).not.toContain("\n");
  });

  it("refuses an OLE2 file without a WordDocument stream", async () => {
    const err = await failure(makeCfb({ Workbook: new Uint8Array(5000) }));
    expect(err.message).toMatch(/no|without a WordDocument stream/);
  });

  it("refuses a DOCX handed in as DOC, and random bytes", async () => {
    const docx = new Uint8Array(readFileSync(new URL("../../fixtures/docx/report-2019.docx", import.meta.url)));
    expect((await failure(docx)).message).toMatch(/zip file \(a DOCX\?\)/);
    expect((await failure(new TextEncoder().encode("hello, not a doc".repeat(100)))).message).toMatch(/no OLE2 signature/);
  });

  it("refuses a WordDocument stream whose text is garbage", async () => {
    const bytes = makeCfb({ WordDocument: new Uint8Array(8192).fill(0x41), "1Table": new Uint8Array(4096) });
    expect((await failure(bytes)).message).toMatch(/^bad\.doc: DOC is damaged or not a Word document/);
  });

  it("refuses a DOC whose piece table is damaged (our reader and word-extractor both fail)", async () => {
    const bytes = good();
    const cfb = readCfb(bytes);
    const wdEntry = cfb.entries.find((e) => e.name === "WordDocument")!;
    const wd = cfb.stream("WordDocument")!;
    const tableName = wd[0x0b] & 0x02 ? "1Table" : "0Table";
    const tableEntry = cfb.entries.find((e) => e.name === tableName)!;
    const fcClx = new DataView(wd.buffer, wd.byteOffset).getUint32(0x1a2, true);
    expect(tableEntry.size).toBeGreaterThan(4096); // in regular sectors, so the offset below is right
    expect(wdEntry.size).toBeGreaterThan(4096);
    // The table stream is contiguous in LibreOffice's output: patch the Clx's Pcdt marker.
    const at = (tableEntry.start + 1) * 512 + fcClx;
    expect(bytes[at]).toBe(0x02);
    bytes[at] = 0x07;
    expect((await failure(bytes)).message).toMatch(/^bad\.doc: DOC is damaged or not a Word document \(.*\); open it in Word and save it again$/);
  });
});

