// Splits Chinese text into the units a text diff compares: sentences (ending in 。！？；, or
// their ASCII forms, with any closing quotes or brackets after them), cut at line ends too;
// each line break is a unit of its own ("\n"), so the units join back to the text exactly and
// deleting a line's last sentence does not touch the sentence before it.

const TERMINATORS = new Set(["。", "！", "？", "；", "!", "?", ";", "…"]);
const CLOSERS = new Set(["”", "’", "」", "』", "）", ")", "】", "》", "\"", "'"]);

export function splitSentences(text: string): string[] {
  // By UTF-16 code unit, cutting slices of the text: every terminator, closer and line break is
  // one unit, and half of a surrogate pair is none of them, so no character is ever split.
  const units: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\n") {
      if (i > start) units.push(text.slice(start, i));
      units.push("\n");
      start = i + 1;
      continue;
    }
    if (!TERMINATORS.has(ch)) continue;
    while (i + 1 < text.length && (TERMINATORS.has(text[i + 1]) || CLOSERS.has(text[i + 1]))) i++;
    units.push(text.slice(start, i + 1));
    start = i + 1;
  }
  if (start < text.length) units.push(text.slice(start));
  return units;
}
