// Single property modifiers ([MS-DOC] 2.6): a 2-byte opcode, then an operand whose size the
// opcode's spra bits give (or, for spra 6, a length prefix).

export interface Sprm { op: number; at: number; size: number }

export const SPRM_P_F_IN_TABLE = 0x2416;
export const SPRM_P_F_TTP = 0x2417;
export const SPRM_P_ITAP = 0x6649;
export const SPRM_P_F_INNER_TTP = 0x244c;
export const SPRM_T_DEF_TABLE = 0xd608;
export const SPRM_C_F_R_MARK_DEL = 0x0800;

const FIXED = [1, 1, 2, 4, 2, 2, -1, 3];

/** Parses a grpprl into its sprms; a damaged tail ends the list instead of throwing. */
export function parseSprms(buf: Uint8Array, start: number, end: number): Sprm[] {
  const out: Sprm[] = [];
  let p = start;
  while (p + 2 <= end) {
    const op = buf[p] | (buf[p + 1] << 8);
    p += 2;
    let size = FIXED[(op >> 13) & 7];
    let at = p;
    if (size < 0) {
      if (op === SPRM_T_DEF_TABLE) { size = (buf[p] | (buf[p + 1] << 8)) - 1; at = p + 2; }
      else { size = buf[p]; at = p + 1; }
      if (op === 0xc615 && size === 255) break; // sprmPChgTabs, complex form: nothing after it matters here
    }
    if (at + size > end) break;
    out.push({ op, at, size });
    p = at + size;
  }
  return out;
}
