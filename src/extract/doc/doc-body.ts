import type { TextBlock } from "../docx/text-blocks.ts";
import { docTableGrid, type DocRow } from "./doc-table.ts";
import { DocFormatError, readFib } from "./fib.ts";
import { readPropRuns, runAt, type PropRun } from "./fkp.ts";
import { paragraphProps } from "./paragraph-props.ts";
import { pieceText, readPieces } from "./pieces.ts";
import { SPRM_C_F_R_MARK_DEL } from "./sprms.ts";

// Reads the main document of a Word 97–2003 file into paragraphs and tables: the text from the
// piece table, paragraph ends and table rows from the paragraph properties (cell marks \x07,
// row ends flagged fTtp, cell edges from sprmTDefTable), field codes dropped (results kept),
// deleted revisions dropped. Headers, footers, notes and text boxes lie after ccpText: unread.

export function readDocBody(wd: Uint8Array, tableStream: (name: string) => Uint8Array | undefined): TextBlock[] {
  const fib = readFib(wd);
  const table = tableStream(fib.tableStream);
  if (!table) throw new DocFormatError(`${fib.tableStream} stream missing`);
  const pieces = readPieces(table, fib);
  const { text, fcs } = pieceText(wd, pieces, fib.ccpText);
  const papx = readPropRuns(wd, table, fib.fcPlcfBtePapx, fib.lcbPlcfBtePapx, "papx", tableStream("Data"));
  const deleted = deletedRuns(readPropRuns(wd, table, fib.fcPlcfBteChpx, fib.lcbPlcfBteChpx, "chpx"));

  const blocks: TextBlock[] = [];
  let rows: DocRow[] = [];
  let cells: string[] = [];
  let cellText = "";
  let para = "";
  /** Field nesting: for each open field, whether its instruction part is still running. */
  const fields: boolean[] = [];

  const closeTable = () => {
    if (cells.length || cellText) { rows.push({ cells: [...cells, cellText] }); cells = []; cellText = ""; }
    if (rows.length) blocks.push({ type: "table", rows: docTableGrid(rows) });
    rows = [];
  };

  for (let cp = 0; cp < text.length; cp++) {
    const ch = text[cp];
    const code = ch.charCodeAt(0);
    if (deleted.length && runAt(deleted, fcs[cp])) continue;
    if (code === 0x13) { fields.push(true); continue; }
    if (code === 0x14) { if (fields.length) fields[fields.length - 1] = false; continue; }
    if (code === 0x15) { fields.pop(); continue; }
    if (fields.some((instr) => instr) && code !== 0x0d && code !== 0x07) continue;
    if (code === 0x0d || code === 0x07 || code === 0x0c) {
      const props = paragraphProps(runAt(papx, fcs[cp]));
      if (props.itap === 0) {
        closeTable();
        if (para.trim()) blocks.push({ type: "paragraph", text: para });
      } else if (props.rowEnd) {
        if (cellText || para) cells.push(cellText + para);
        rows.push({ cells, defs: props.cells });
        cells = [];
        cellText = "";
      } else if (code === 0x07 && props.itap === 1) {
        cells.push(cellText + para);
        cellText = "";
      } else {
        // A paragraph inside a cell, or any mark of a nested table: a line of the current cell.
        cellText += para + (code === 0x07 ? " " : "\n");
      }
      para = "";
      continue;
    }
    if (code === 0x0b || code === 0x0e) para += "\n";
    else if (code === 0x09 || code === 0xa0) para += " ";
    else if (code === 0x1e) para += "-";
    else if (code >= 0x20) para += ch;
  }
  if (para.trim()) {
    closeTable();
    blocks.push({ type: "paragraph", text: para });
  }
  closeTable();
  return blocks;
}

function deletedRuns(chpx: PropRun[]): PropRun[] {
  return chpx.filter((r) => r.sprms.some((s) => s.op === SPRM_C_F_R_MARK_DEL && (r.buf[s.at] & 1) === 1));
}
