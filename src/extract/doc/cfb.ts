// A minimal reader for OLE2 / Compound File Binary containers ([MS-CFB]): the wrapper of
// legacy .doc files and of password-protected .docx files. Reads the FAT, the directory and
// the mini stream; every offset is bounds-checked, every chain is loop-checked.

export class CfbError extends Error {
  override readonly name = "CfbError";
}

const SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

export function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && SIGNATURE.every((v, i) => bytes[i] === v);
}

export interface CfbEntry { name: string; type: number; start: number; size: number }

export interface Cfb {
  entries: CfbEntry[];
  /** The contents of the named stream (anywhere in the tree), or undefined. */
  stream(name: string): Uint8Array | undefined;
}

export function readCfb(bytes: Uint8Array): Cfb {
  if (!isCfb(bytes)) throw new CfbError("not an OLE2 compound file");
  const sectorSize = 1 << u16(bytes, 30);
  const miniSectorSize = 1 << u16(bytes, 32);
  if (sectorSize !== 512 && sectorSize !== 4096) throw new CfbError("bad sector size");
  const numFatSectors = u32(bytes, 44);
  const firstDirSector = u32(bytes, 48);
  const miniCutoff = u32(bytes, 56);
  const firstMiniFat = u32(bytes, 60);
  let difatSector = u32(bytes, 68);
  const sectorCount = Math.floor((bytes.length - sectorSize) / sectorSize) + 1;
  const sectorOffset = (s: number) => {
    if (s >= sectorCount) throw new CfbError(`sector ${s} beyond end of file (truncated?)`);
    return (s + 1) * sectorSize;
  };

  // DIFAT: 109 entries in the header, then a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < numFatSectors; i++) fatSectors.push(u32(bytes, 76 + i * 4));
  const per = sectorSize / 4;
  let guard = 0;
  while (fatSectors.length < numFatSectors && difatSector !== END_OF_CHAIN && difatSector !== FREE) {
    if (++guard > sectorCount) throw new CfbError("DIFAT chain loops");
    const off = sectorOffset(difatSector);
    for (let i = 0; i < per - 1 && fatSectors.length < numFatSectors; i++) fatSectors.push(u32(bytes, off + i * 4));
    difatSector = u32(bytes, off + (per - 1) * 4);
  }
  const fat = new Uint32Array(fatSectors.length * per);
  fatSectors.forEach((s, i) => {
    const off = sectorOffset(s);
    for (let j = 0; j < per; j++) fat[i * per + j] = u32(bytes, off + j * 4);
  });

  const chain = (start: number, table: Uint32Array, limit: number): number[] => {
    const out: number[] = [];
    for (let s = start; s !== END_OF_CHAIN && s !== FREE; s = table[s]) {
      if (s >= table.length || out.length > limit) throw new CfbError("sector chain broken or looping");
      out.push(s);
    }
    return out;
  };
  const readChain = (start: number, size?: number): Uint8Array => {
    const sectors = chain(start, fat, sectorCount);
    const out = new Uint8Array(sectors.length * sectorSize);
    sectors.forEach((s, i) => {
      const off = sectorOffset(s);
      out.set(bytes.subarray(off, off + sectorSize), i * sectorSize);
    });
    if (size !== undefined) {
      if (size > out.length) throw new CfbError("stream shorter than its declared size (truncated?)");
      return out.subarray(0, size);
    }
    return out;
  };

  const dir = readChain(firstDirSector);
  const entries: CfbEntry[] = [];
  for (let o = 0; o + 128 <= dir.length; o += 128) {
    const nameLen = u16(dir, o + 64);
    let name = "";
    for (let i = 0; i + 2 < nameLen && i < 64; i += 2) name += String.fromCharCode(u16(dir, o + i));
    const type = dir[o + 66];
    if (type !== 0 || o === 0) entries.push({ name, type, start: u32(dir, o + 116), size: u32(dir, o + 120) }); // 0 = unused slot
  }
  const root = entries[0];
  if (!root || root.type !== 5) throw new CfbError("root directory entry missing");

  let miniStream: Uint8Array | undefined;
  let miniFat: Uint32Array | undefined;
  const mini = () => {
    if (!miniStream) {
      miniStream = readChain(root.start, root.size);
      const raw = firstMiniFat === END_OF_CHAIN ? new Uint8Array(0) : readChain(firstMiniFat);
      miniFat = new Uint32Array(raw.length / 4);
      for (let i = 0; i < miniFat.length; i++) miniFat[i] = u32(raw, i * 4);
    }
    return { miniStream, miniFat: miniFat! };
  };

  return {
    entries,
    stream(name) {
      const e = entries.find((x) => x.type === 2 && x.name === name);
      if (!e) return undefined;
      if (e.size >= miniCutoff) return readChain(e.start, e.size);
      const { miniStream: ms, miniFat: mf } = mini();
      const sectors = chain(e.start, mf, mf.length);
      const out = new Uint8Array(sectors.length * miniSectorSize);
      sectors.forEach((s, i) => {
        const off = s * miniSectorSize;
        if (off + miniSectorSize > ms.length) throw new CfbError("mini stream sector out of range");
        out.set(ms.subarray(off, off + miniSectorSize), i * miniSectorSize);
      });
      if (e.size > out.length) throw new CfbError("stream shorter than its declared size (truncated?)");
      return out.subarray(0, e.size);
    },
  };
}
