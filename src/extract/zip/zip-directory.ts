import { ZipError } from "./zip-error.ts";

// Reads a zip file's central directory (with Zip64 sizes), without inflating anything.

export interface ZipEntry {
  name: string;
  /** 0 = stored, 8 = deflate. */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, o: number) => u32(b, o) + u32(b, o + 4) * 2 ** 32;

function corrupt(what: string): never {
  throw new ZipError("corrupt", what);
}

/** Whether the bytes start like a zip file (a local header or an empty archive). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b &&
    ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

function findEocd(bytes: Uint8Array): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (u32(bytes, i) === EOCD) return i;
  }
  return corrupt("no end of central directory record (truncated or not a zip file)");
}

export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  if (bytes.length < 22) corrupt("file too short to be a zip archive");
  const eocd = findEocd(bytes);
  let count = u16(bytes, eocd + 10);
  let size = u32(bytes, eocd + 12);
  let offset = u32(bytes, eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== ZIP64_LOCATOR) corrupt("Zip64 locator missing");
    const z = u64(bytes, loc + 8);
    if (z + 56 > bytes.length || u32(bytes, z) !== ZIP64_EOCD) corrupt("Zip64 end record missing");
    count = u64(bytes, z + 32);
    size = u64(bytes, z + 40);
    offset = u64(bytes, z + 48);
  }
  if (offset + size > bytes.length) corrupt("central directory lies beyond the end of the file (truncated?)");
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder("utf-8");
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL) corrupt("central directory entry damaged");
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let uncompressedSize = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localHeaderOffset = u32(bytes, p + 42);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    // Zip64 extended information: the fields that overflowed, in this order.
    let e = p + 46 + nameLen;
    const end = e + extraLen;
    while (e + 4 <= end) {
      const id = u16(bytes, e);
      const len = u16(bytes, e + 2);
      if (id === 1) {
        let q = e + 4;
        if (uncompressedSize === 0xffffffff) { uncompressedSize = u64(bytes, q); q += 8; }
        if (compressedSize === 0xffffffff) { compressedSize = u64(bytes, q); q += 8; }
        if (localHeaderOffset === 0xffffffff) { localHeaderOffset = u64(bytes, q); }
      }
      e += 4 + len;
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
    p = end + commentLen;
  }
  return entries;
}

/** Where an entry's compressed data starts, read from its local header. */
export function entryDataOffset(bytes: Uint8Array, entry: ZipEntry): number {
  const p = entry.localHeaderOffset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) corrupt(`local header of ${entry.name} damaged`);
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  if (start + entry.compressedSize > bytes.length) corrupt(`${entry.name} is cut off (truncated file?)`);
  return start;
}
