import { looksLikeText } from "./decode/looks-like-text.ts";
import type { InputFormat } from "./document-text.ts";

// The kind of a document, from its bytes (magic numbers and markup), not from its name.

export type DetectedFormat = InputFormat | "rtf" | "image" | "ofd" | "xlsx" | "zip" | "unknown";

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, n: number) => String.fromCharCode(...b.subarray(0, Math.min(n, b.length)));

function indexOfAscii(b: Uint8Array, needle: string, limit: number): number {
  const end = Math.min(b.length - needle.length, limit);
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (b[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}

export function detectFormat(bytes: Uint8Array): DetectedFormat {
  if (indexOfAscii(bytes, "%PDF-", 1024) >= 0) return "pdf";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) {
    if (indexOfAscii(bytes, "word/", bytes.length) >= 0) return "docx";
    if (indexOfAscii(bytes, "OFD.xml", bytes.length) >= 0) return "ofd";
    if (indexOfAscii(bytes, "xl/", bytes.length) >= 0) return "xlsx";
    return "zip";
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return "doc";
  if (startsWith(bytes, [0x7b, 0x5c, 0x72, 0x74, 0x66])) return "rtf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) || startsWith(bytes, [0xff, 0xd8, 0xff]) || ascii(bytes, 4) === "GIF8") return "image";
  if (!looksLikeText(bytes)) return "unknown";
  const head = ascii(bytes, 4096).toLowerCase();
  if (/<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<table[\s>]|<div[\s>]|<p[\s>]/.test(head)) return "html";
  return "text";
}
