import type { DocumentText, ExtractHints } from "../document-text.ts";
import { collapseCellText } from "../docx/cell-text.ts";
import { renderBlocks, type TextBlock } from "../docx/text-blocks.ts";
import { docTableGrid, type DocRow } from "../doc/doc-table.ts";
import type { CellDef } from "../doc/paragraph-props.ts";
import { ExtractError } from "../extract-error.ts";
import { rtfTokens } from "./rtf-tokens.ts";

// RTF → canonical text. Portals often serve Word's RTF under a .doc name. Text comes from the
// body groups (font tables, styles, pictures, headers, field codes and other destinations are
// skipped); \'hh bytes decode with the codepage of the current font (\fcharset) or the document's
// (\ansicpg), \uN with its fallback skipped; tables are rebuilt from \cellx edges and merge flags
// on the same column grid as DOC tables.

const SKIP = new Set([
  "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "headerl", "headerr", "headerf",
  "footer", "footerl", "footerr", "footerf", "footnote", "fldinst", "listtable", "listoverridetable", "rsidtbl",
  "generator", "xmlnstbl", "themedata", "colorschememapping", "datastore", "latentstyles", "pgdsctbl", "filetbl",
  "revtbl", "bkmkstart", "bkmkend", "shpinst", "nonshppict", "shp", "template", "docvar", "mmath", "ftnsep", "ftnsepc",
]);
const SYMBOLS: Record<string, string> = {
  line: "\n", tab: "\t", emdash: "—", endash: "–", bullet: "•", lquote: "‘", rquote: "’", ldblquote: "“", rdblquote: "”",
  emspace: " ", enspace: " ", qmspace: " ",
};
const CHARSETS: Record<number, string> = { 0: "windows-1252", 128: "shift_jis", 129: "euc-kr", 134: "gbk", 136: "big5", 161: "windows-1253", 162: "windows-1254", 204: "windows-1251", 222: "windows-874" };

interface GroupState { skip: boolean; uc: number; font: number | null; fresh: boolean }

export function rtfToText(bytes: Uint8Array, hints: ExtractHints = {}): DocumentText {
  const name = hints.name ?? "document";
  const src = new TextDecoder("latin1").decode(bytes);
  if (!src.startsWith("{\\rtf")) throw new ExtractError(`${name}: not an RTF document; check the file type`);

  let ansi = "windows-1252";
  const fontCharset = new Map<number, number>();
  let fonttblFont: number | null = null;
  const stack: GroupState[] = [];
  let g: GroupState = { skip: false, uc: 1, font: null, fresh: true };
  let skipChars = 0;
  let pendingBytes: number[] = [];

  const blocks: TextBlock[] = [];
  let para = "";
  let inTable = false;
  let cell = "";
  let cells: string[] = [];
  let defs: CellDef[] = [];
  let nextDef: { vertContinue: boolean; horzMerged: boolean } = { vertContinue: false, horzMerged: false };
  let leftEdge = 0;
  let rows: DocRow[] = [];

  const encoding = () => {
    const cs = g.font !== null ? fontCharset.get(g.font) : undefined;
    return cs !== undefined && cs !== 0 && cs !== 1 && CHARSETS[cs] ? CHARSETS[cs] : ansi;
  };
  const emit = (text: string) => {
    if (g.skip || !text) return;
    if (inTable) cell += text;
    else para += text;
  };
  const flushBytes = () => {
    if (!pendingBytes.length) return;
    let text: string;
    try { text = new TextDecoder(encoding()).decode(new Uint8Array(pendingBytes)); } catch { text = ""; }
    pendingBytes = [];
    emit(text);
  };
  const endTable = () => {
    if (!rows.length) return;
    blocks.push({ type: "table", rows: docTableGrid(rows) });
    rows = [];
  };
  const endParagraph = () => {
    if (para.trim()) { endTable(); blocks.push({ type: "paragraph", text: para }); }
    para = "";
  };

  for (const tok of rtfTokens(src)) {
    if (tok.t !== "hex") flushBytes();
    if (tok.t === "open") { stack.push(g); g = { ...g, fresh: true }; continue; }
    if (tok.t === "close") { g = stack.pop() ?? g; continue; }
    const first = g.fresh;
    g.fresh = false;
    if (tok.t === "hex") {
      if (skipChars > 0) { skipChars--; continue; }
      if (!g.skip) pendingBytes.push(tok.byte);
      continue;
    }
    if (tok.t === "text") {
      let text = tok.text;
      if (skipChars > 0) { const k = Math.min(skipChars, text.length); text = text.slice(k); skipChars -= k; }
      emit(text);
      continue;
    }
    const { name: w, param } = tok;
    if (w === "*" && first) { g.skip = true; continue; }
    if (first && SKIP.has(w)) { g.skip = true; if (w !== "fonttbl") continue; }
    // Font table: remember each font's charset, even though its text is skipped.
    if (w === "f" && param !== null) { if (g.skip) fonttblFont = param; else g.font = param; continue; }
    if (w === "fcharset" && param !== null && fonttblFont !== null) { fontCharset.set(fonttblFont, param); continue; }
    if (w === "ansicpg" && param !== null) { ansi = param === 936 ? "gbk" : param === 950 ? "big5" : `windows-${param}`; continue; }
    if (w === "uc" && param !== null) { g.uc = param; continue; }
    if (w === "u" && param !== null) { emit(String.fromCharCode(param < 0 ? param + 65536 : param)); skipChars = g.uc; continue; }
    if (g.skip) continue;
    switch (w) {
      case "par": case "sect": if (inTable) cell += "\n"; else endParagraph(); break;
      case "pard": inTable = false; break;
      case "intbl": if (!inTable) { endParagraph(); inTable = true; } break;
      case "trowd": defs = []; leftEdge = 0; nextDef = { vertContinue: false, horzMerged: false }; break;
      case "trleft": leftEdge = param ?? 0; break;
      case "clvmrg": nextDef.vertContinue = true; break;
      case "clmrg": nextDef.horzMerged = true; break;
      case "cellx": {
        const right = param ?? leftEdge;
        defs.push({ left: leftEdge, right, ...nextDef });
        leftEdge = right;
        nextDef = { vertContinue: false, horzMerged: false };
        break;
      }
      case "cell": case "nestcell": cells.push(collapseCellText(cell)); cell = ""; break;
      case "row": case "nestrow":
        rows.push({ cells, defs: defs.length === cells.length ? defs : undefined });
        cells = []; cell = ""; inTable = false;
        break;
      default: if (SYMBOLS[w]) emit(inTable && w === "tab" ? " " : SYMBOLS[w]);
    }
  }
  flushBytes();
  if (inTable && (cell || cells.length)) rows.push({ cells: [...cells, collapseCellText(cell)] });
  endParagraph();
  endTable();
  const text = renderBlocks(blocks);
  return { format: "rtf", text, warnings: text.trim() ? [] : [`${name}: the RTF document has no text`] };
}
