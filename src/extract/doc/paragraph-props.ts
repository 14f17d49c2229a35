import type { PropRun } from "./fkp.ts";
import { SPRM_P_F_IN_TABLE, SPRM_P_F_INNER_TTP, SPRM_P_F_TTP, SPRM_P_ITAP, SPRM_T_DEF_TABLE } from "./sprms.ts";

// What the table sprms of one paragraph say: whether it is in a table, at which nesting depth,
// whether it ends a row, and (on a row end) the row's cell geometry from sprmTDefTable.

export interface CellDef { left: number; right: number; horzMerged: boolean; vertContinue: boolean }

export interface ParagraphProps {
  /** Table nesting depth: 0 outside tables, 1 in a table, 2+ in a nested table. */
  itap: number;
  /** Ends a row of the outermost table. */
  rowEnd: boolean;
  cells?: CellDef[];
}

const s16 = (b: Uint8Array, o: number) => ((b[o] | (b[o + 1] << 8)) << 16) >> 16;
const s32 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24);

export function paragraphProps(run: PropRun | undefined): ParagraphProps {
  if (!run) return { itap: 0, rowEnd: false };
  let inTable = false;
  let ttp = false;
  let innerTtp = false;
  let itap: number | undefined;
  let cells: CellDef[] | undefined;
  const b = run.buf;
  for (const s of run.sprms) {
    switch (s.op) {
      case SPRM_P_F_IN_TABLE: inTable = b[s.at] !== 0; break;
      case SPRM_P_F_TTP: ttp = b[s.at] !== 0; break;
      case SPRM_P_F_INNER_TTP: innerTtp = b[s.at] !== 0; break;
      case SPRM_P_ITAP: itap = s32(b, s.at); break;
      case SPRM_T_DEF_TABLE: cells = tableDef(b, s.at, s.size); break;
    }
  }
  const depth = itap ?? (inTable ? 1 : 0);
  return { itap: depth, rowEnd: depth === 1 && ttp && !innerTtp, cells };
}

function tableDef(b: Uint8Array, at: number, size: number): CellDef[] {
  const n = b[at];
  if (1 + (n + 1) * 2 > size) return [];
  const centers: number[] = [];
  for (let i = 0; i <= n; i++) centers.push(s16(b, at + 1 + i * 2));
  const tcAt = at + 1 + (n + 1) * 2;
  const tcCount = Math.min(n, Math.floor((at + size - tcAt) / 20));
  const cells: CellDef[] = [];
  for (let i = 0; i < n; i++) {
    const grf = i < tcCount ? b[tcAt + i * 20] | (b[tcAt + i * 20 + 1] << 8) : 0;
    const horz = grf & 3;
    const vert = (grf >> 5) & 3;
    cells.push({ left: centers[i], right: centers[i + 1], horzMerged: horz === 2 || horz === 3, vertContinue: vert === 1 });
  }
  return cells;
}
