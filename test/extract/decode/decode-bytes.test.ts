import { readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { decodeBytes } from "../../../src/extract/decode/decode-bytes.ts";
import { metaCharset } from "../../../src/extract/decode/meta-charset.ts";
import { charsetFromLabel } from "../../../src/extract/decode/charset-label.ts";

const fixtures = join(import.meta.dirname, "../../fixtures/html");
// 镕 and 堃 are in GBK but not in GB2312: pages declaring gb2312 use them anyway.
const TEXT = "朱镕基、王堃：青山镇人民政府2023年政府信息公开工作年度报告。全年主动公开政府信息123条，依申请公开4件。";
const gbk = (s: string) => new Uint8Array(iconv.encode(s, "gbk"));
const utf8 = (s: string) => new TextEncoder().encode(s);
const page = (head: string) => `<html><head>${head}<title>年度报告</title></head><body><p>${TEXT}</p></body></html>`;

describe("decodeBytes", () => {
  it("follows a byte order mark first (UTF-8, UTF-16LE, UTF-16BE), whatever is declared", () => {
    const html = page(`<meta charset="gbk">`);
    const u8 = decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(html)]), "text/html; charset=gbk");
    expect(u8).toEqual({ text: html, encoding: "utf-8" });
    const le = decodeBytes(new Uint8Array([0xff, 0xfe, ...iconv.encode(TEXT, "utf-16le")]));
    expect(le).toEqual({ text: TEXT, encoding: "utf-16le" });
    const be = decodeBytes(new Uint8Array([0xfe, 0xff, ...iconv.encode(TEXT, "utf-16be")]));
    expect(be).toEqual({ text: TEXT, encoding: "utf-16be" });
  });

  it("uses the charset of the Content-Type header over the <meta> tag", () => {
    const html = page(`<meta charset="utf-8">`);
    expect(decodeBytes(gbk(html), "text/html; charset=GBK")).toEqual({ text: html, encoding: "gb18030" });
    expect(decodeBytes(gbk(html), 'text/html;charset="gb2312"').text).toContain("朱镕基、王堃");
  });

  it("reads <meta http-equiv=Content-Type content=…charset=…> and <meta charset>", () => {
    const equiv = page(`<meta http-equiv="Content-Type" content="text/html; charset=gb2312" />`);
    expect(decodeBytes(gbk(equiv))).toEqual({ text: equiv, encoding: "gb18030" });
    const reversed = page(`<META content="text/html; charset=GBK" http-equiv=Content-Type>`);
    expect(decodeBytes(gbk(reversed))).toEqual({ text: reversed, encoding: "gb18030" });
    const html5 = page(`<meta charset='GB18030'>`);
    expect(decodeBytes(gbk(html5))).toEqual({ text: html5, encoding: "gb18030" });
  });

  it("detects GB18030 when nothing is declared", () => {
    const html = page("");
    expect(decodeBytes(gbk(html))).toEqual({ text: html, encoding: "gb18030" });
  });

  it("detects UTF-8 when nothing is declared, and falls back to UTF-8 for ASCII", () => {
    expect(decodeBytes(utf8(page("")))).toEqual({ text: page(""), encoding: "utf-8" });
    expect(decodeBytes(utf8("<p>hello</p>"))).toEqual({ text: "<p>hello</p>", encoding: "utf-8" });
  });

  it("ignores a UTF-8 declaration on bytes that are not UTF-8 (servers label GBK pages UTF-8)", () => {
    const html = page(`<meta http-equiv="Content-Type" content="text/html; charset=gbk">`);
    expect(decodeBytes(gbk(html), "text/html; charset=UTF-8")).toEqual({ text: html, encoding: "gb18030" });
    const wrongMeta = page(`<meta charset="utf-8">`);
    expect(decodeBytes(gbk(wrongMeta))).toEqual({ text: wrongMeta, encoding: "gb18030" });
  });

  it("ignores another declaration (a server's default GBK or Big5) on bytes that are valid UTF-8 Chinese text", () => {
    const html = page(`<meta charset="utf-8">`);
    for (const header of ["text/html; charset=GBK", "text/html; charset=gb2312", "text/html; charset=big5"]) {
      expect(decodeBytes(utf8(html), header), header).toEqual({ text: html, encoding: "utf-8" });
    }
    expect(decodeBytes(utf8(page(`<meta charset="gbk">`)))).toEqual({ text: page(`<meta charset="gbk">`), encoding: "utf-8" });
    // A few non-ASCII characters are no evidence: the declaration stands.
    const ascii = `<html><head><title>x</title></head><body>${"report ".repeat(50)}é</body></html>`;
    expect(decodeBytes(utf8(ascii), "text/html; charset=GBK").encoding).toBe("gb18030");
  });

  it("ignores a Latin-1 declaration on Chinese bytes", () => {
    const html = page(`<meta charset="iso-8859-1">`);
    expect(decodeBytes(utf8(html))).toEqual({ text: html, encoding: "utf-8" });
    expect(decodeBytes(gbk(html)).encoding).toBe("gb18030");
  });

  it("decodes the committed fixtures by the path each one exercises", () => {
    const read = (f: string) => new Uint8Array(readFileSync(join(fixtures, f)));
    // (a) GBK, charset only in <meta http-equiv>
    expect(decodeBytes(read("trs-gbk-word.html"))).toMatchObject({ encoding: "gb18030" });
    expect(decodeBytes(read("trs-gbk-word.html")).text).toContain("青山镇人民政府2023年政府信息公开工作年度报告");
    // (b) UTF-8 with <meta charset>
    expect(decodeBytes(read("hanweb-utf8.html")).encoding).toBe("utf-8");
    // (c) GB2312 with no declaration: detection
    const c = decodeBytes(read("nocharset-gb2312.html"));
    expect(c.encoding).toBe("gb18030");
    expect(c.text).toContain("东湖街道办事处2024年政府信息公开工作年度报告");
    // (e) GBK declared only in the header
    const e = decodeBytes(read("ucap-2019.html"), "text/html; charset=GBK");
    expect(e.encoding).toBe("gb18030");
    expect(e.text).toContain("其他对外管理服务事项");
  });
});

describe("metaCharset and charsetFromLabel", () => {
  it("finds the declaration only in a <meta> tag, not in comments or text", () => {
    expect(metaCharset(utf8(`<!-- <meta charset="big5"> --><meta charset="gbk">`))).toBe("gbk");
    expect(metaCharset(utf8(`<p>charset=gbk</p>`))).toBeUndefined();
    expect(metaCharset(utf8(`<meta name="description" content="charset=gbk">`))).toBeUndefined();
  });

  it("maps the GB family to gb18030 and rejects unknown labels", () => {
    for (const l of ["GB2312", "gbk", "x-gbk", "cp936", "GB18030", '"gb2312"']) expect(charsetFromLabel(l)).toBe("gb18030");
    expect(charsetFromLabel("UTF8")).toBe("utf-8");
    expect(charsetFromLabel("big5")).toBe("big5");
    expect(charsetFromLabel("no-such-charset")).toBeUndefined();
  });
});
