import { Parser } from "htmlparser2";
import { flattenTable, newTable, tableGrid, type DocxCell, type DocxRow, type DocxTable } from "./docx-table.ts";
import type { ListLabeler, ParagraphList } from "./list-labels.ts";
import type { TextBlock } from "./text-blocks.ts";

// Walks word/document.xml (WordprocessingML) into paragraphs and tables, in one streaming pass.
// Kept: run text (w:t), tabs, breaks, symbols, inserted text (w:ins), field results, text boxes
// (appended after the body), automatic list numbers (given a labeler: from the paragraph's
// w:pStyle and w:numPr, written before its text). Dropped: deleted text (w:del, w:moveFrom),
// field instructions (w:instrText), the fallback branch of mc:AlternateContent, superseded
// paragraph properties (w:pPrChange). Headers and footers live in other parts and are never read.

/** Elements whose whole subtree holds no visible text. */
const SKIP = new Set(["w:del", "w:moveFrom", "w:instrText", "w:delInstrText", "w:delText", "mc:Fallback", "w:sectPr", "w:pPrChange"]);

interface Context {
  blocks: TextBlock[];
  tables: DocxTable[];
  /** Text of the paragraph being read, or null between paragraphs. */
  para: string | null;
  /** List properties of the paragraph being read, until its label is written (then null). */
  list: ParagraphList | null;
}

const attr = (a: Record<string, string>, name: string) => a[`w:${name}`] ?? a[name];

function symbol(hex: string | undefined): string {
  const code = parseInt(hex ?? "", 16);
  if (!Number.isFinite(code) || code <= 0) return "";
  // Symbol-font characters are stored in the private-use block F000–F0FF.
  return String.fromCodePoint(code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code);
}

export interface DocumentXmlText { blocks: TextBlock[]; textBoxes: TextBlock[] }

export function readDocumentXml(xml: string, labeler?: ListLabeler): DocumentXmlText {
  const body: Context = { blocks: [], tables: [], para: null, list: null };
  const contexts: Context[] = [body];
  const textBoxes: TextBlock[] = [];
  let depth = 0;
  let skipFrom = -1;
  let inText = false;
  /** Per open mc:AlternateContent: whether one branch has already been taken. */
  const alternates: boolean[] = [];

  const ctx = () => contexts[contexts.length - 1];
  const table = () => { const t = ctx().tables; return t[t.length - 1] as DocxTable | undefined; };
  const row = () => { const t = table(); return t?.rows[t.rows.length - 1] as DocxRow | undefined; };
  const cell = () => { const r = row(); return r?.cells[r.cells.length - 1] as DocxCell | undefined; };
  const append = (s: string) => { const c = ctx(); if (c.para !== null) c.para += s; };

  /** Writes the paragraph's list number before its text, once its properties are known. */
  const label = () => {
    const c = ctx();
    if (!c.list || c.para === null) return;
    const list = c.list;
    c.list = null;
    if (labeler) c.para = labeler(list) + c.para;
  };

  const endParagraph = () => {
    label();
    const c = ctx();
    const text = c.para;
    c.para = null;
    if (text === null) return;
    const target = cell();
    if (c.tables.length && target) target.text += (target.text ? "\n" : "") + text;
    else if (!c.tables.length) c.blocks.push({ type: "paragraph", text });
  };

  const parser = new Parser({
    onopentag(name, a) {
      depth++;
      if (skipFrom >= 0) return;
      if (name === "mc:Choice") {
        if (alternates[alternates.length - 1]) { skipFrom = depth; return; }
        alternates[alternates.length - 1] = true;
        return;
      }
      if (SKIP.has(name)) { skipFrom = depth; return; }
      switch (name) {
        case "mc:AlternateContent": alternates.push(false); break;
        case "w:p": { const c = ctx(); c.para = ""; c.list = {}; break; }
        case "w:pStyle": { const l = ctx().list; if (l) l.styleId = attr(a, "val"); break; }
        case "w:numId": { const l = ctx().list; if (l) l.numId = attr(a, "val"); break; }
        case "w:ilvl": { const l = ctx().list; const n = parseInt(attr(a, "val") ?? "", 10); if (l && Number.isFinite(n)) l.ilvl = n; break; }
        case "w:t": inText = true; break;
        case "w:tab": case "w:ptab": append(" "); break;
        case "w:br": case "w:cr": append("\n"); break;
        case "w:noBreakHyphen": append("-"); break;
        case "w:sym": append(symbol(attr(a, "char"))); break;
        case "w:txbxContent": contexts.push({ blocks: [], tables: [], para: null, list: null }); break;
        case "w:tbl": ctx().tables.push(newTable()); break;
        case "w:gridCol": { const t = table(); if (t) t.gridCols++; break; }
        case "w:tr": table()?.rows.push({ cells: [], gridBefore: 0, gridAfter: 0 }); break;
        case "w:gridBefore": case "w:gridAfter": {
          const r = row();
          const n = parseInt(attr(a, "val") ?? "0", 10) || 0;
          if (r && r.cells.length === 0) { if (name === "w:gridBefore") r.gridBefore = n; else r.gridAfter = n; }
          break;
        }
        case "w:tc": row()?.cells.push({ text: "", span: 1 }); break;
        case "w:gridSpan": { const c = cell(); if (c) c.span = Math.max(1, parseInt(attr(a, "val") ?? "1", 10) || 1); break; }
        case "w:vMerge": { const c = cell(); if (c) c.vMerge = attr(a, "val") === "restart" ? "restart" : "continue"; break; }
      }
    },
    ontext(text) {
      if (inText && skipFrom < 0) append(text);
    },
    onclosetag(name) {
      if (skipFrom >= 0) {
        if (depth === skipFrom) skipFrom = -1;
        depth--;
        return;
      }
      depth--;
      switch (name) {
        case "mc:AlternateContent": alternates.pop(); break;
        case "w:t": inText = false; break;
        case "w:pPr": label(); break;
        case "w:p": endParagraph(); break;
        case "w:txbxContent": {
          const inner = contexts.length > 1 ? contexts.pop()! : undefined;
          if (inner) { if (inner.para !== null) { inner.para = null; } textBoxes.push(...inner.blocks); }
          break;
        }
        case "w:tbl": {
          const c = ctx();
          const t = c.tables.pop();
          if (!t) break;
          if (c.tables.length) {
            const host = cell();
            if (host) host.text += (host.text ? "\n" : "") + flattenTable(t);
          } else {
            c.blocks.push({ type: "table", rows: tableGrid(t) });
          }
          break;
        }
      }
    },
  }, { xmlMode: true, decodeEntities: true });
  parser.write(xml);
  parser.end();
  while (contexts.length > 1) textBoxes.push(...contexts.pop()!.blocks);
  endParagraph();
  return { blocks: body.blocks, textBoxes };
}
