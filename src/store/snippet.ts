import { searchTerms } from "./search-terms.ts";

// The stretch of a report's text around the first hit of a search: ±`radius` characters, with
// line breaks and tabs shown as spaces. The hit is the query itself where the text has it, else
// the earliest of its search terms (the bigrams may match out of order).

export interface Snippet { before: string; hit: string; after: string }

const flat = (s: string) => s.replace(/\s+/g, " ");

export function snippet(text: string, query: string, radius = 30): Snippet | null {
  const folded = text.toLowerCase();
  const lower = folded.length === text.length ? folded : text; // keep indices valid
  const needles = [query.trim(), ...searchTerms(query).split(" ")].filter(Boolean).map((n) => n.toLowerCase());
  let at = -1, length = 0;
  for (const [i, needle] of needles.entries()) {
    const found = lower.indexOf(needle);
    if (found < 0) continue;
    if (i === 0) { at = found; length = needle.length; break; }
    if (at < 0 || found < at) { at = found; length = needle.length; }
  }
  if (at < 0) return null;
  const before = Array.from(text.slice(Math.max(0, at - radius * 2), at)).slice(-radius).join("");
  const after = Array.from(text.slice(at + length, at + length + radius * 2)).slice(0, radius).join("");
  return { before: flat(before).trimStart(), hit: flat(text.slice(at, at + length)), after: flat(after).trimEnd() };
}
