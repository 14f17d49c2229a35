// The File Information Block at the start of a Word 97–2003 `WordDocument` stream ([MS-DOC]
// 2.5.1): where the text, the piece table and the property tables are.

export interface Fib {
  /** Which table stream holds the PLCs: "1Table" or "0Table". */
  tableStream: "0Table" | "1Table";
  encrypted: boolean;
  /** Characters in the main document (headers, footnotes, text boxes follow it). */
  ccpText: number;
  fcClx: number; lcbClx: number;
  fcPlcfBteChpx: number; lcbPlcfBteChpx: number;
  fcPlcfBtePapx: number; lcbPlcfBtePapx: number;
}

export class DocFormatError extends Error {
  override readonly name = "DocFormatError";
}

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

export function readFib(wd: Uint8Array): Fib {
  if (wd.length < 0x200 || u16(wd, 0) !== 0xa5ec) throw new DocFormatError("WordDocument stream has no Word 97–2003 signature");
  const flags = u16(wd, 0x0a);
  const csw = u16(wd, 32);
  const lw = 32 + 2 + csw * 2 + 2; // fibRgLw
  const cslw = u16(wd, lw - 2);
  const fcLcb = lw + cslw * 4 + 2; // fibRgFcLcbBlob
  const pair = (i: number) => [u32(wd, fcLcb + i * 8), u32(wd, fcLcb + i * 8 + 4)] as const;
  const [fcPlcfBteChpx, lcbPlcfBteChpx] = pair(12);
  const [fcPlcfBtePapx, lcbPlcfBtePapx] = pair(13);
  const [fcClx, lcbClx] = pair(33);
  return {
    tableStream: flags & 0x0200 ? "1Table" : "0Table",
    encrypted: (flags & 0x0100) !== 0,
    ccpText: u32(wd, lw + 12),
    fcClx, lcbClx, fcPlcfBteChpx, lcbPlcfBteChpx, fcPlcfBtePapx, lcbPlcfBtePapx,
  };
}
