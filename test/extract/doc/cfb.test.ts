import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isCfb, readCfb } from "../../../src/extract/doc/cfb.ts";
import { isEncryptedOle } from "../../../src/extract/doc/encrypted-ole.ts";
import { makeCfb } from "./make-cfb.ts";

describe("readCfb", () => {
  it("reads named streams back", () => {
    const a = new Uint8Array(5000).map((_, i) => i % 251);
    const cfb = readCfb(makeCfb({ Alpha: a, Beta: new TextEncoder().encode("hello") }));
    expect(cfb.entries.map((e) => e.name)).toEqual(["Root Entry", "Alpha", "Beta"]);
    expect(cfb.stream("Alpha")).toEqual(a);
    expect(cfb.stream("Beta")!.length).toBe(4096);
    expect(cfb.stream("Gamma")).toBeUndefined();
  });

  it("reads the streams of a real .doc, including the mini stream", () => {
    const cfb = readCfb(new Uint8Array(readFileSync(new URL("../../fixtures/doc/report-2019.doc", import.meta.url))));
    const wd = cfb.stream("WordDocument")!;
    expect(wd[0] | (wd[1] << 8)).toBe(0xa5ec);
    expect(cfb.stream("\u0005SummaryInformation")?.length).toBeGreaterThan(0);
  });
});

describe("isEncryptedOle", () => {
  it("recognises an EncryptedPackage container (a password-protected DOCX)", () => {
    const bytes = makeCfb({ EncryptionInfo: new Uint8Array(200), EncryptedPackage: new Uint8Array(9000) });
    expect(isCfb(bytes)).toBe(true);
    expect(isEncryptedOle(bytes)).toBe(true);
  });
  it("is false for a plain .doc, a zip and garbage", () => {
    expect(isEncryptedOle(new Uint8Array(readFileSync(new URL("../../fixtures/doc/report-2019.doc", import.meta.url))))).toBe(false);
    expect(isEncryptedOle(new Uint8Array(readFileSync(new URL("../../fixtures/docx/report-2019.docx", import.meta.url))))).toBe(false);
    expect(isEncryptedOle(new Uint8Array(1000))).toBe(false);
  });
});
