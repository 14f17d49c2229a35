import iconv from "iconv-lite";
import chardet from "chardet";
import { charsetFromLabel, charsetParam } from "./charset-label.ts";
import { metaCharset } from "./meta-charset.ts";
import { tryUtf8 } from "./utf8.ts";
import { decodeGb18030 } from "./gb18030.ts";

// Bytes → string, in the order a browser would decide, with three repairs for what government
// servers actually send: a declaration of UTF-8 on bytes that are not UTF-8 is ignored (servers
// often add `charset=UTF-8` to GBK pages), a Latin-1 declaration on valid UTF-8 is ignored, and
// so is any other declaration (GBK, Big5 …: a server's default charset) on bytes that are valid
// UTF-8 with a few dozen non-ASCII characters — Chinese text in GBK is never valid UTF-8 that long.
//   1. byte order mark
//   2. charset in the Content-Type header
//   3. <meta charset> / <meta http-equiv="Content-Type"> in the first ~4 KB
//   4. detection: valid UTF-8, else chardet restricted to the GB18030 family
//   5. UTF-8, with replacement characters

export interface DecodedText {
  text: string;
  /** The decoder used: "utf-8", "gb18030", "utf-16le", … */
  encoding: string;
}

/** Non-ASCII characters valid UTF-8 must hold to overrule a declared charset (GBK text is invalid UTF-8 within a few characters). */
const UTF8_EVIDENCE = 16;

/** Bytes given to chardet: it is slow (~0.5 ms per KB), and a few KB of Chinese text decide. */
const DETECT_SAMPLE = 8 * 1024;
const HIGH_SCAN = 64 * 1024;

export function decodeBytes(bytes: Uint8Array, contentType?: string): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding };

  for (const label of [charsetParam(contentType), metaCharset(bytes)]) {
    const enc = charsetFromLabel(label);
    if (!enc) continue;
    if (enc === "utf-8") {
      const text = tryUtf8(bytes);
      if (text !== undefined) return { text, encoding: "utf-8" };
      continue; // declared UTF-8, but is not: look further
    }
    if (enc === "windows-1252" && hasHighBytes(bytes)) continue; // Chinese bytes under a Latin label: detect instead
    const utf8 = tryUtf8(bytes);
    if (utf8 !== undefined && nonAscii(utf8) >= UTF8_EVIDENCE) return { text: utf8, encoding: "utf-8" }; // UTF-8 under another label
    return { text: decodeAs(bytes, enc), encoding: enc };
  }

  const text = tryUtf8(bytes);
  if (text !== undefined) return { text, encoding: "utf-8" };
  if (detectGb18030(bytes)) return { text: decodeAs(bytes, "gb18030"), encoding: "gb18030" };
  return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8" };
}

/** True when chardet ranks GB18030 above UTF-8 for these bytes (candidates outside the two are ignored). */
export function detectGb18030(bytes: Uint8Array): boolean {
  // The sample starts where the non-ASCII text does: a page's first KB are often ASCII markup.
  let first = 0;
  while (first < bytes.length && first < HIGH_SCAN && bytes[first] < 0x80) first++;
  const start = Math.max(0, first - 16);
  const sample = bytes.subarray(start, start + DETECT_SAMPLE);
  let gb = 0;
  let u8 = 0;
  for (const m of chardet.analyse(sample)) {
    if (m.name === "GB18030") gb = Math.max(gb, m.confidence);
    else if (m.name === "UTF-8") u8 = Math.max(u8, m.confidence);
  }
  return gb > 0 && gb >= u8;
}

function decodeAs(bytes: Uint8Array, encoding: string): string {
  if (encoding === "utf-8") return new TextDecoder("utf-8").decode(bytes);
  if (encoding === "gb18030") return decodeGb18030(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

function bomEncoding(b: Uint8Array): { encoding: string; length: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "utf-8", length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", length: 2 };
  if (b[0] === 0x84 && b[1] === 0x31 && b[2] === 0x95 && b[3] === 0x33) return { encoding: "gb18030", length: 4 };
  return undefined;
}

function nonAscii(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length && n < UTF8_EVIDENCE; i++) if (text.charCodeAt(i) > 0x7f) n++;
  return n;
}

function hasHighBytes(b: Uint8Array): boolean {
  const n = Math.min(b.length, HIGH_SCAN);
  for (let i = 0; i < n; i++) if (b[i] >= 0x80) return true;
  return false;
}
