import { Parser } from "htmlparser2";

// The list definitions of word/numbering.xml: abstract lists (w:abstractNum, up to nine levels
// w:lvl, each with its start value, number format, label text such as '%1、' or '（%2）', restart
// rule and suffix) and the list instances paragraphs point at (w:num → w:abstractNumId, with
// per-level w:lvlOverride: a w:startOverride and/or a whole replacement w:lvl).

export interface ListLevel {
  start: number;
  /** w:numFmt: decimal, chineseCounting, upperRoman, bullet, none, … */
  numFmt: string;
  /** w:lvlText: '%1、', '（%2）', '%1.%2'; null when the level has none (no label). */
  text: string | null;
  /** What follows the label: w:suff, tab unless told. */
  suffix: "tab" | "space" | "nothing";
  /** w:lvlRestart: 1-based level whose use restarts this one; 0 never; undefined = any higher level. */
  restart?: number;
  /** w:isLgl: every number in the label written as decimal. */
  legal: boolean;
  /** w:pStyle: the paragraph style this level belongs to. */
  style?: string;
  /** Width of a zero-padded decimal ('001, 002, …' custom format). */
  pad?: number;
}

export interface AbstractList {
  levels: (ListLevel | undefined)[];
  /** w:numStyleLink: the list is defined by the numbering style of that id. */
  numStyleLink?: string;
}

export interface ListInstance {
  abstractId: string;
  /** Per level: w:startOverride and a replacement level definition. */
  overrides: Map<number, { start?: number; level?: ListLevel }>;
}

export interface Numbering {
  abstracts: Map<string, AbstractList>;
  instances: Map<string, ListInstance>;
}

export const MAX_LEVEL = 8;

const val = (a: Record<string, string>) => a["w:val"] ?? a.val;
const int = (s: string | undefined, fallback: number) => {
  const n = parseInt(s ?? "", 10);
  return Number.isFinite(n) ? n : fallback;
};
const on = (a: Record<string, string>) => !/^(0|false|off)$/i.test(val(a) ?? "true");

function newLevel(): ListLevel {
  return { start: 1, numFmt: "decimal", text: null, suffix: "tab", legal: false };
}

export function readNumbering(xml: string): Numbering {
  const abstracts = new Map<string, AbstractList>();
  const instances = new Map<string, ListInstance>();
  let abstract: AbstractList | null = null;
  let instance: ListInstance | null = null;
  let overrideLevel = -1;
  let level: ListLevel | null = null;
  let customFormat = false;

  const parser = new Parser({
    onopentag(name, a) {
      switch (name) {
        case "w:abstractNum":
          abstract = { levels: [] };
          abstracts.set(a["w:abstractNumId"] ?? "", abstract);
          break;
        case "w:numStyleLink": if (abstract) abstract.numStyleLink = val(a); break;
        case "w:num":
          instance = { abstractId: "", overrides: new Map() };
          instances.set(a["w:numId"] ?? "", instance);
          break;
        case "w:abstractNumId": if (instance) instance.abstractId = val(a) ?? ""; break;
        case "w:lvlOverride":
          overrideLevel = int(a["w:ilvl"], -1);
          if (instance && overrideLevel >= 0 && overrideLevel <= MAX_LEVEL) instance.overrides.set(overrideLevel, {});
          break;
        case "w:startOverride": {
          const o = instance?.overrides.get(overrideLevel);
          if (o) o.start = int(val(a), 0);
          break;
        }
        case "w:lvl": {
          const ilvl = int(a["w:ilvl"], -1);
          if (ilvl < 0 || ilvl > MAX_LEVEL) break;
          level = newLevel();
          customFormat = false;
          if (instance) { const o = instance.overrides.get(ilvl); if (o) o.level = level; }
          else if (abstract) abstract.levels[ilvl] = level;
          break;
        }
      }
      if (!level) return;
      switch (name) {
        case "w:start": level.start = int(val(a), 1); break;
        case "w:numFmt": {
          const fmt = val(a) ?? "decimal";
          if (fmt === "custom") {
            // Word writes zero-padded decimals as custom '001, 002, 003, ...' (with a decimal fallback).
            const m = /^(0*)1(?:\D|$)/.exec(a["w:format"] ?? "");
            if (m) { level.numFmt = "decimal"; level.pad = m[1].length + 1; customFormat = true; }
          } else if (!customFormat) level.numFmt = fmt;
          break;
        }
        case "w:lvlText": level.text = val(a) ?? null; break;
        case "w:suff": { const s = val(a); level.suffix = s === "space" || s === "nothing" ? s : "tab"; break; }
        case "w:lvlRestart": level.restart = int(val(a), 0); break;
        case "w:isLgl": level.legal = on(a); break;
        case "w:pStyle": level.style = val(a); break;
      }
    },
    onclosetag(name) {
      switch (name) {
        case "w:lvl": level = null; break;
        case "w:lvlOverride": overrideLevel = -1; break;
        case "w:abstractNum": abstract = null; break;
        case "w:num": instance = null; break;
      }
    },
  }, { xmlMode: true, decodeEntities: true });
  parser.write(xml);
  parser.end();
  return { abstracts, instances };
}
