import { Deflate } from "fflate";

// Test helpers: a zip writer that lets the test choose every size field (so it can lie), and a
// streaming deflater for large runs of zeros (a zip bomb without ever holding the bomb).

export interface RawEntry { name: string; method: 0 | 8; data: Uint8Array; uncompressedSize: number }

export function makeZip(entries: RawEntry[]): Uint8Array {
  const enc = new TextEncoder();
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const local = new Uint8Array(30 + name.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(8, e.method, true);
    lv.setUint32(18, e.data.length, true);
    lv.setUint32(22, Math.min(e.uncompressedSize, 0xffffffff), true);
    lv.setUint16(26, name.length, true);
    local.set(name, 30);
    const central = new Uint8Array(46 + name.length);
    const cv = new DataView(central.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(10, e.method, true);
    cv.setUint32(20, e.data.length, true);
    cv.setUint32(24, Math.min(e.uncompressedSize, 0xffffffff), true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    central.set(name, 46);
    locals.push(local, e.data);
    centrals.push(central);
    offset += local.length + e.data.length;
  }
  const cdSize = centrals.reduce((s, c) => s + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + cdSize + 22);
  let p = 0;
  for (const part of [...locals, ...centrals, eocd]) { out.set(part, p); p += part.length; }
  return out;
}

/**
 * `megabytes` MB of zeros as one raw deflate stream of about 1 KB per MB, built in milliseconds:
 * fflate compresses two 1 MB chunks, each sync-flushed to a byte boundary; the second (whose
 * back-references only reach zeros) is repeated, and an empty final block closes the stream.
 */
export function deflatedZeros(megabytes: number): Uint8Array {
  const parts: Uint8Array[][] = [[], []];
  let current = 0;
  const d = new Deflate({ level: 6 }, (chunk) => { parts[current].push(chunk); });
  const zeros = new Uint8Array(1024 * 1024);
  d.push(zeros);
  d.flush(true);
  current = 1;
  d.push(zeros);
  d.flush(true);
  const join = (cs: Uint8Array[]) => {
    const out = new Uint8Array(cs.reduce((s, c) => s + c.length, 0));
    let p = 0;
    for (const c of cs) { out.set(c, p); p += c.length; }
    return out;
  };
  const first = join(parts[0]);
  const repeat = join(parts[1]);
  const out = new Uint8Array(first.length + repeat.length * (megabytes - 1) + 2);
  out.set(first, 0);
  for (let i = 0; i < megabytes - 1; i++) out.set(repeat, first.length + i * repeat.length);
  out.set([0x03, 0x00], out.length - 2); // empty final block (fixed Huffman, BFINAL=1)
  return out;
}
