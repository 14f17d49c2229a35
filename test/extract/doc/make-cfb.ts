// Test helper: writes a minimal OLE2 compound file holding the given streams (each stored in
// regular 512-byte sectors; streams shorter than 4096 bytes are zero-padded to 4096).

export function makeCfb(streams: Record<string, Uint8Array>): Uint8Array {
  const names = Object.keys(streams);
  const datas = names.map((n) => {
    const d = streams[n];
    if (d.length >= 4096) return d;
    const p = new Uint8Array(4096);
    p.set(d);
    return p;
  });
  const sectorsOf = (n: number) => Math.ceil(n / 512);
  const dirSectors = sectorsOf((names.length + 1) * 128);
  const dataSectors = datas.reduce((s, d) => s + sectorsOf(d.length), 0);
  const total = 1 + dirSectors + dataSectors; // one FAT sector
  if (total > 128) throw new Error("too many sectors for one FAT sector");
  const out = new Uint8Array(512 * (total + 1));
  const view = new DataView(out.buffer);
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => (out[i] = b));
  view.setUint16(24, 0x3e, true);
  view.setUint16(26, 3, true);
  view.setUint16(28, 0xfffe, true);
  view.setUint16(30, 9, true);
  view.setUint16(32, 6, true);
  view.setUint32(44, 1, true); // FAT sectors
  view.setUint32(48, 1, true); // first directory sector
  view.setUint32(56, 4096, true);
  view.setUint32(60, 0xfffffffe, true);
  view.setUint32(68, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) view.setUint32(76 + i * 4, i === 0 ? 0 : 0xffffffff, true);
  const fat = (s: number, v: number) => view.setUint32(512 + s * 4, v, true);
  for (let s = 0; s < 128; s++) fat(s, 0xffffffff);
  fat(0, 0xfffffffd);
  for (let s = 1; s <= dirSectors; s++) fat(s, s === dirSectors ? 0xfffffffe : s + 1);
  const dirAt = (i: number) => 512 * 2 + i * 128;
  const entry = (i: number, name: string, type: number, start: number, size: number) => {
    const o = dirAt(i);
    for (let c = 0; c < name.length; c++) view.setUint16(o + c * 2, name.charCodeAt(c), true);
    view.setUint16(o + 64, (name.length + 1) * 2, true);
    out[o + 66] = type;
    view.setUint32(o + 68, 0xffffffff, true);
    view.setUint32(o + 72, i + 1 < names.length + 1 && i > 0 ? i + 1 : 0xffffffff, true);
    view.setUint32(o + 76, type === 5 && names.length ? 1 : 0xffffffff, true);
    view.setUint32(o + 116, start, true);
    view.setUint32(o + 120, size, true);
  };
  entry(0, "Root Entry", 5, 0xfffffffe, 0);
  let next = 1 + dirSectors;
  names.forEach((name, i) => {
    const d = datas[i];
    const n = sectorsOf(d.length);
    entry(i + 1, name, 2, next, d.length);
    out.set(d, 512 * (next + 1));
    for (let s = next; s < next + n; s++) fat(s, s === next + n - 1 ? 0xfffffffe : s + 1);
    next += n;
  });
  return out;
}
