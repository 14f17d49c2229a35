import { DocFormatError, type Fib } from "./fib.ts";

// The piece table (Clx → PlcPcd, [MS-DOC] 2.9.38): where each run of character positions
// (CPs) is stored in the WordDocument stream, as UTF-16 or as 8-bit (cp1252) text.

export interface Piece { cpStart: number; cpEnd: number; fc: number; compressed: boolean }

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

export function readPieces(table: Uint8Array, fib: Fib): Piece[] {
  let p = fib.fcClx;
  const end = fib.fcClx + fib.lcbClx;
  if (end > table.length) throw new DocFormatError("piece table lies beyond the table stream");
  while (p < end && table[p] === 0x01) p += 3 + u16(table, p + 1); // Prc: property modifiers
  if (table[p] !== 0x02) throw new DocFormatError("piece table (Pcdt) missing");
  const lcb = u32(table, p + 1);
  const plc = p + 5;
  if (plc + lcb > table.length || lcb < 4) throw new DocFormatError("piece table damaged");
  const n = (lcb - 4) / 12;
  if (!Number.isInteger(n)) throw new DocFormatError("piece table has a bad size");
  const pieces: Piece[] = [];
  for (let i = 0; i < n; i++) {
    const raw = u32(table, plc + (n + 1) * 4 + i * 8 + 2);
    const compressed = (raw & 0x40000000) !== 0;
    pieces.push({
      cpStart: u32(table, plc + i * 4),
      cpEnd: u32(table, plc + (i + 1) * 4),
      fc: compressed ? (raw & 0x3fffffff) / 2 : raw,
      compressed,
    });
  }
  return pieces;
}

const cp1252 = new TextDecoder("windows-1252");
const utf16 = new TextDecoder("utf-16le");

/** The text of CPs [0, limit), with the stream offset (FC) of every character. */
export function pieceText(wd: Uint8Array, pieces: Piece[], limit: number): { text: string; fcs: Uint32Array } {
  const parts: string[] = [];
  const fcs = new Uint32Array(limit);
  let cp = 0;
  for (const pc of pieces) {
    if (cp >= limit) break;
    const count = Math.min(pc.cpEnd, limit) - pc.cpStart;
    if (count <= 0) continue;
    const width = pc.compressed ? 1 : 2;
    const bytes = wd.subarray(pc.fc, pc.fc + count * width);
    if (bytes.length < count * width) throw new DocFormatError("text lies beyond the end of the WordDocument stream (truncated?)");
    const s = pc.compressed ? cp1252.decode(bytes) : utf16.decode(bytes);
    if (s.length !== count) throw new DocFormatError("piece text has an unexpected length");
    parts.push(s);
    for (let i = 0; i < count && cp < limit; i++) fcs[cp++] = pc.fc + i * width;
  }
  return { text: parts.join("").slice(0, cp), fcs: fcs.subarray(0, cp) };
}
