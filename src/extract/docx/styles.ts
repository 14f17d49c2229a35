import { Parser } from "htmlparser2";

// What word/styles.xml says about list numbering: per paragraph (or numbering) style, the list
// it puts its paragraphs in (w:pPr/w:numPr) and the style it is based on (w:basedOn), so that a
// heading style two basedOn steps away from the style holding '一、' numbering still numbers
// its paragraphs. Nothing else of the styles is read.

export interface StyleNumbering {
  numId?: string;
  ilvl?: number;
}

interface StyleEntry extends StyleNumbering { basedOn?: string }

export interface Styles {
  byId: Map<string, StyleEntry>;
  /** The paragraph style of paragraphs that name none (w:default="1"), normally Normal. */
  defaultParagraph?: string;
}

const val = (a: Record<string, string>) => a["w:val"] ?? a.val;
/** Elements inside a style whose paragraph properties are not the style's own. */
const FOREIGN = new Set(["w:pPrChange", "w:tblStylePr"]);
const MAX_CHAIN = 32;

export function readStyles(xml: string): Styles {
  const byId = new Map<string, StyleEntry>();
  let defaultParagraph: string | undefined;
  let style: StyleEntry | null = null;
  let foreign = 0;

  const parser = new Parser({
    onopentag(name, a) {
      if (name === "w:style") {
        const type = a["w:type"] ?? "paragraph";
        style = type === "paragraph" || type === "numbering" ? {} : null;
        if (style) byId.set(a["w:styleId"] ?? "", style);
        if (type === "paragraph" && /^(1|true|on)$/i.test(a["w:default"] ?? "")) defaultParagraph = a["w:styleId"];
        return;
      }
      if (!style) return;
      if (FOREIGN.has(name)) { foreign++; return; }
      if (foreign) return;
      switch (name) {
        case "w:basedOn": style.basedOn = val(a); break;
        case "w:numId": style.numId = val(a); break;
        case "w:ilvl": { const n = parseInt(val(a) ?? "", 10); if (Number.isFinite(n)) style.ilvl = n; break; }
      }
    },
    onclosetag(name) {
      if (name === "w:style") { style = null; foreign = 0; }
      else if (FOREIGN.has(name) && foreign) foreign--;
    },
  }, { xmlMode: true, decodeEntities: true });
  parser.write(xml);
  parser.end();
  return { byId, defaultParagraph };
}

/**
 * The numbering a style gives its paragraphs, following w:basedOn: the nearest style that names
 * a list (numId) and, separately, the nearest that names a level. Cycles end the walk.
 */
export function styleNumbering(styles: Styles, styleId: string | undefined): StyleNumbering {
  const out: StyleNumbering = {};
  const seen = new Set<string>();
  for (let id = styleId, i = 0; id !== undefined && i < MAX_CHAIN && !seen.has(id); i++) {
    seen.add(id);
    const s = styles.byId.get(id);
    if (!s) break;
    out.numId ??= s.numId;
    out.ilvl ??= s.ilvl;
    id = s.basedOn;
  }
  return out;
}
