import type { TextRun } from "./types.ts";

// How pieces of text are put together: runs on one line (a space where the gap is wide and the
// writing is not CJK on both sides), and wrapped lines into one paragraph or cell.

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef\u201c\u201d\u2018\u2019\u2014\u2026\u00b7]/u;

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/** Collapses whitespace: one space at most, none between two CJK characters, no tabs. */
export function tidy(text: string): string {
  return text
    .replace(/[\s\u3000]+/gu, " ")
    .replace(/(\S) (?=(\S))/gu, (m, a: string, b: string) => (isCjk(a) && isCjk(b) ? a : m))
    .trim();
}

/** The text of runs that share a line, left to right. */
export function lineText(runs: TextRun[]): string {
  const sorted = [...runs].sort((a, b) => a.x - b.x);
  let out = "";
  let end = -Infinity;
  for (const r of sorted) {
    const gap = r.x - end;
    if (out && gap > 0.25 * r.size && !/\s$/u.test(out) && !/^\s/u.test(r.text)) out += " ";
    out += r.text;
    end = Math.max(end, r.x + r.width);
  }
  return tidy(out);
}

/** Joins wrapped lines: nothing between CJK characters, one space otherwise. */
export function joinWrapped(parts: string[]): string {
  let out = "";
  for (const raw of parts) {
    const p = tidy(raw);
    if (!p) continue;
    if (!out) out = p;
    else if (isCjk(out.at(-1)) && isCjk(p[0])) out += p;
    else if (/[-‐]$/u.test(out) && /^[a-z]/u.test(p)) out = out.slice(0, -1) + p;
    else out += " " + p;
  }
  return out;
}
