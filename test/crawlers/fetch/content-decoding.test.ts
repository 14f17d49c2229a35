import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync, zstdCompressSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { decodeContent } from "../../../src/crawlers/fetch/content-decoding.ts";

const PAGE = Buffer.from("<html><body>政府信息公开工作年度报告</body></html>");

describe("decodeContent", () => {
  it("undoes each coding servers use, and stacked codings last-first", () => {
    expect(decodeContent([], PAGE).equals(PAGE)).toBe(true);
    expect(decodeContent([["Content-Encoding", "identity"]], PAGE).equals(PAGE)).toBe(true);
    expect(decodeContent([["content-encoding", "GZIP"]], gzipSync(PAGE)).equals(PAGE)).toBe(true);
    expect(decodeContent([["Content-Encoding", "deflate"]], deflateSync(PAGE)).equals(PAGE)).toBe(true);
    expect(decodeContent([["Content-Encoding", "deflate"]], deflateRawSync(PAGE)).equals(PAGE)).toBe(true);
    expect(decodeContent([["Content-Encoding", "br"]], brotliCompressSync(PAGE)).equals(PAGE)).toBe(true);
    expect(decodeContent([["Content-Encoding", "zstd"]], zstdCompressSync(PAGE)).equals(PAGE)).toBe(true);
    expect(decodeContent([["Content-Encoding", "gzip, br"]], brotliCompressSync(gzipSync(PAGE))).equals(PAGE)).toBe(true);
  });

  it("refuses a body that inflates past the limit (a compression bomb)", () => {
    const bomb = gzipSync(Buffer.alloc(10 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(20_000);
    expect(() => decodeContent([["Content-Encoding", "gzip"]], bomb, 1024 * 1024)).toThrow(/^cannot undo Content-Encoding gzip: /);
    expect(decodeContent([["Content-Encoding", "gzip"]], bomb).length).toBe(10 * 1024 * 1024);
  });

  it("names an unknown or broken coding in one line", () => {
    expect(() => decodeContent([["Content-Encoding", "compress"]], PAGE)).toThrow(/^cannot undo Content-Encoding compress: /);
    expect(() => decodeContent([["Content-Encoding", "gzip"]], PAGE)).toThrow(/^cannot undo Content-Encoding gzip: /);
  });
});
