import { isValidUtf8 } from "./utf8.ts";
import { decodeGb18030 } from "./gb18030.ts";

// Tells text (HTML, plain text, markdown) from binary data, on the first 64 KB: binary files
// (PDF streams, zip containers, OLE documents, images) hold NUL bytes and control bytes, or
// decode as neither UTF-8 nor GB18030.

const SAMPLE = 64 * 1024;
/** Largest share of control bytes (other than tab, line feed, carriage return, form feed, escape). */
const MAX_CONTROL_SHARE = 0.01;
/** Largest share of characters GB18030 cannot decode. */
const MAX_INVALID_SHARE = 0.02;

export function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  const b = bytes.subarray(0, SAMPLE);
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return utf16LooksLikeText(b);
  let control = 0;
  let high = 0;
  for (let i = 0; i < b.length; i++) {
    const x = b[i];
    if (x === 0) return false;
    if (x < 0x20 && x !== 9 && x !== 10 && x !== 13 && x !== 12 && x !== 27) control++;
    else if (x === 0x7f) control++;
    else if (x >= 0x80) high++;
  }
  if (control > b.length * MAX_CONTROL_SHARE) return false;
  if (high === 0) return true;
  if (isValidUtf8(b, b.length < bytes.length)) return true;
  const text = decodeGb18030(b);
  let invalid = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xfffd || (c >= 0xe000 && c <= 0xf8ff)) invalid++;
  }
  return invalid <= text.length * MAX_INVALID_SHARE;
}

function utf16LooksLikeText(b: Uint8Array): boolean {
  let control = 0;
  const le = b[0] === 0xff;
  const pairs = Math.floor(b.length / 2);
  for (let i = 1; i < pairs; i++) {
    const c = le ? b[2 * i] | (b[2 * i + 1] << 8) : (b[2 * i] << 8) | b[2 * i + 1];
    if (c < 0x20 && c !== 9 && c !== 10 && c !== 13 && c !== 12) control++;
  }
  return control <= pairs * MAX_CONTROL_SHARE;
}
