import { CJK_FORMATS, formatNumber } from "./number-format.ts";
import { MAX_LEVEL, type AbstractList, type ListInstance, type ListLevel, type Numbering } from "./numbering.ts";
import { styleNumbering, type StyleNumbering, type Styles } from "./styles.ts";

// Word's automatic paragraph numbers, as text: given each paragraph's list properties in
// document order, returns the label Word shows before it ('一、', '（二）', '3. ', '1.2 ').
// Counters belong to the abstract list, so list instances (w:num) sharing one continue each
// other, unless an instance's w:startOverride restarts a level where it is first used. Using a
// level restarts the levels below it (w:lvlRestart may say otherwise). A paragraph's own numPr
// wins over its style's; numId 0 means no number.

export interface ParagraphList {
  /** w:pStyle */
  styleId?: string;
  /** w:numPr/w:numId */
  numId?: string;
  /** w:numPr/w:ilvl */
  ilvl?: number;
}

export type ListLabeler = (p: ParagraphList) => string;

/** Characters after which no space is needed: CJK text and full-width punctuation. */
const WIDE_END = /[\u2e80-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]$/u;
const MAX_LINKS = 8;

/** A bullet's character; symbol-font private-use characters (Wingdings, Symbol) become '•'. */
const bullet = (text: string) => (/[\ue000-\uf8ff]/u.test(text) || !text.trim() ? "•" : text);

export function createListLabeler(numbering: Numbering, styles?: Styles): ListLabeler {
  const counters = new Map<string, (number | undefined)[]>();
  const started = new Set<string>();
  const styleCache = new Map<string, StyleNumbering>();

  const fromStyle = (id: string | undefined): StyleNumbering => {
    if (!styles || id === undefined) return {};
    let s = styleCache.get(id);
    if (!s) { s = styleNumbering(styles, id); styleCache.set(id, s); }
    return s;
  };

  /** The abstract list of an instance, following numbering-style links (w:numStyleLink). */
  const abstractOf = (instance: ListInstance): [string, AbstractList] | undefined => {
    let id = instance.abstractId;
    for (let i = 0; i < MAX_LINKS; i++) {
      const abs = numbering.abstracts.get(id);
      if (!abs) return undefined;
      if (!abs.numStyleLink) return [id, abs];
      const linked = numbering.instances.get(fromStyle(abs.numStyleLink).numId ?? "");
      if (!linked || linked.abstractId === id) return [id, abs];
      id = linked.abstractId;
    }
    return undefined;
  };

  return (p) => {
    const styleId = p.styleId ?? styles?.defaultParagraph;
    const style = fromStyle(styleId);
    const numId = p.numId ?? style.numId;
    if (numId === undefined || numId === "0") return "";
    const instance = numbering.instances.get(numId);
    const found = instance && abstractOf(instance);
    if (!instance || !found) return "";
    const [abstractId, abstract] = found;
    const levelDef = (l: number): ListLevel | undefined => instance.overrides.get(l)?.level ?? abstract.levels[l];
    const startOf = (l: number) => instance.overrides.get(l)?.start ?? levelDef(l)?.start ?? 1;

    let ilvl = p.ilvl ?? style.ilvl;
    if (ilvl === undefined) {
      const byStyle = abstract.levels.findIndex((l) => l?.style !== undefined && l.style === styleId);
      ilvl = byStyle >= 0 ? byStyle : 0;
    }
    ilvl = Math.min(MAX_LEVEL, Math.max(0, ilvl));
    const level = levelDef(ilvl);
    if (!level) return "";

    let values = counters.get(abstractId);
    if (!values) { values = []; counters.set(abstractId, values); }
    if (!started.has(numId)) {
      started.add(numId);
      // An instance that overrides a level starts it afresh where the instance is first used.
      for (const [l, o] of instance.overrides) if (o.start !== undefined || o.level) values[l] = undefined;
    }
    const previous = values[ilvl];
    values[ilvl] = previous === undefined ? startOf(ilvl) : previous + 1;
    for (let k = ilvl + 1; k <= MAX_LEVEL; k++) {
      const restart = levelDef(k)?.restart ?? k;
      if (restart !== 0 && ilvl < restart) values[k] = undefined;
    }

    if (!level.text) return "";
    if (level.numFmt === "bullet") return `${bullet(level.text)} `;
    const label = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const l = Number(d) - 1;
      const def = levelDef(l);
      const n = values[l] ?? startOf(l);
      const fmt = level.legal && def?.numFmt !== "none" ? "decimal" : def?.numFmt ?? "decimal";
      const text = formatNumber(n, fmt);
      return fmt === "decimal" && def?.pad ? text.padStart(def.pad, "0") : text;
    });
    if (!label) return "";
    const tight = level.suffix === "nothing" || CJK_FORMATS.has(level.numFmt) || WIDE_END.test(label);
    return tight ? label : `${label} `;
  };
}
