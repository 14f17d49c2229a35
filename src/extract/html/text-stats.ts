import type { El } from "./dom.ts";

// How much text an element holds, and how much of it is link text: the measures used to find
// the main content and to tell navigation from prose.

export interface TextStats {
  /** CJK characters (ideographs) in the element. */
  cjk: number;
  /** CJK characters inside <a> elements. */
  linkCjk: number;
  /** Non-whitespace characters. */
  chars: number;
  /** Non-whitespace characters inside <a> elements. */
  linkChars: number;
  /** <a> elements with text. */
  links: number;
}

export type StatsMap = Map<El, TextStats>;

export function isCjkCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd840 && c <= 0xd87f);
}

/** Computes stats for `root` and every element below it. */
export function computeStats(root: El, map: StatsMap = new Map()): StatsMap {
  visit(root, false, map);
  return map;
}

function visit(el: El, inLink: boolean, map: StatsMap): TextStats {
  const s: TextStats = { cjk: 0, linkCjk: 0, chars: 0, linkChars: 0, links: 0 };
  const link = inLink || el.tag === "a";
  for (const child of el.children) {
    if (typeof child === "string") {
      let cjk = 0;
      let chars = 0;
      for (let i = 0; i < child.length; i++) {
        const c = child.charCodeAt(i);
        if (c <= 32 || c === 0xa0 || c === 0x3000) continue;
        chars++;
        if (isCjkCode(c)) cjk++;
      }
      s.cjk += cjk;
      s.chars += chars;
      if (link) { s.linkCjk += cjk; s.linkChars += chars; }
    } else {
      const c = visit(child, link, map);
      s.cjk += c.cjk;
      s.linkCjk += c.linkCjk;
      s.chars += c.chars;
      s.linkChars += c.linkChars;
      s.links += c.links;
    }
  }
  if (el.tag === "a" && !inLink && s.chars > 0) s.links++;
  map.set(el, s);
  return s;
}

/** CJK characters outside links: the measure of prose. */
export function proseWeight(s: TextStats | undefined): number {
  return s ? s.cjk - s.linkCjk : 0;
}

/** Plain text of an element, whitespace collapsed (for short elements: titles, chrome checks). */
export function plainText(el: El): string {
  const parts: string[] = [];
  const walk = (e: El) => {
    for (const c of e.children) {
      if (typeof c === "string") parts.push(c);
      else walk(c);
    }
  };
  walk(el);
  return parts.join("").replace(/[\s\u00a0\u3000]+/g, " ").trim();
}
