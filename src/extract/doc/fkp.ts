import { parseSprms, type Sprm } from "./sprms.ts";

// Formatted disk pages ([MS-DOC] 2.9.73/2.9.76): the paragraph (PAPX) and character (CHPX)
// properties of ranges of stream offsets (FCs), found through PlcBtePapx / PlcBteChpx.

export interface PropRun { fcStart: number; fcEnd: number; sprms: Sprm[]; buf: Uint8Array }

const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/** sprmPHugePapx: the paragraph's sprms are too many for the page and live in the Data stream. */
const SPRM_P_HUGE_PAPX = 0x6646;

export function readPropRuns(wd: Uint8Array, table: Uint8Array, fc: number, lcb: number, kind: "papx" | "chpx", data?: Uint8Array): PropRun[] {
  if (lcb < 4 || fc + lcb > table.length) return [];
  const n = (lcb - 4) / 8;
  const runs: PropRun[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const pn = u32(table, fc + (n + 1) * 4 + i * 4) & 0x3fffff;
    if (seen.has(pn)) continue;
    seen.add(pn);
    const page = wd.subarray(pn * 512, pn * 512 + 512);
    if (page.length < 512) continue;
    const crun = page[511];
    for (let j = 0; j < crun; j++) {
      const fcStart = u32(page, j * 4);
      const fcEnd = u32(page, (j + 1) * 4);
      let sprms: Sprm[] = [];
      if (kind === "papx") {
        const off = page[(crun + 1) * 4 + j * 13] * 2;
        if (off) {
          let cb = page[off];
          let start = off + 1;
          let size = cb * 2 - 1;
          if (cb === 0) { cb = page[off + 1]; start = off + 2; size = cb * 2; }
          // The first two bytes are the style index (istd).
          sprms = parseSprms(page, start + 2, Math.min(512, start + size));
        }
      } else {
        const off = page[(crun + 1) * 4 + j] * 2;
        if (off) sprms = parseSprms(page, off + 1, Math.min(512, off + 1 + page[off]));
      }
      const huge = sprms.find((s) => s.op === SPRM_P_HUGE_PAPX);
      if (huge && data) {
        const at = u32(page, huge.at);
        const cb = at + 2 <= data.length ? data[at] | (data[at + 1] << 8) : 0;
        runs.push({ fcStart, fcEnd, sprms: parseSprms(data, at + 2, Math.min(data.length, at + 2 + cb)), buf: data });
        continue;
      }
      runs.push({ fcStart, fcEnd, sprms, buf: page });
    }
  }
  return runs.sort((a, b) => a.fcStart - b.fcStart);
}

/** The run whose [fcStart, fcEnd) holds `fc`, by binary search. */
export function runAt(runs: PropRun[], fc: number): PropRun | undefined {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const r = runs[mid];
    if (fc < r.fcStart) hi = mid - 1;
    else if (fc >= r.fcEnd) lo = mid + 1;
    else return r;
  }
  return undefined;
}
