import iconv from "iconv-lite";
import { deflateSync } from "fflate";
import { describe, expect, it } from "vitest";
import { looksLikeText } from "../../../src/extract/decode/looks-like-text.ts";

const TEXT = "青山镇人民政府2023年政府信息公开工作年度报告\n一、总体情况\n规章\t0\t0\t0\n".repeat(200);

describe("looksLikeText", () => {
  it("accepts UTF-8, GBK, UTF-16 with BOM, ASCII and empty input", () => {
    expect(looksLikeText(new TextEncoder().encode(TEXT))).toBe(true);
    expect(looksLikeText(new Uint8Array(iconv.encode(TEXT, "gbk")))).toBe(true);
    expect(looksLikeText(new Uint8Array([0xff, 0xfe, ...iconv.encode(TEXT, "utf-16le")]))).toBe(true);
    expect(looksLikeText(new TextEncoder().encode("<html><body>hello</body></html>"))).toBe(true);
    expect(looksLikeText(new Uint8Array(0))).toBe(true);
  });

  it("accepts UTF-8 text whose 64 KB sample ends inside a character", () => {
    const long = new TextEncoder().encode("报".repeat(30_000)); // 90 000 bytes; 65 536 is not a multiple of 3
    expect(looksLikeText(long)).toBe(true);
  });

  it("rejects binary data: NUL bytes, compressed streams, PDF/zip/OLE signatures", () => {
    expect(looksLikeText(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0x0a, 0x00, 0x01]))).toBe(false);
    expect(looksLikeText(deflateSync(new TextEncoder().encode(TEXT)))).toBe(false);
    expect(looksLikeText(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]))).toBe(false);
    const noise = new Uint8Array(8192);
    for (let i = 0; i < noise.length; i++) noise[i] = 0x80 + ((i * 131) % 128); // high bytes, no NUL, no controls
    expect(looksLikeText(noise)).toBe(false);
  });
});
