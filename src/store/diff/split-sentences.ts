// Splits Chinese text into the units a text diff compares: sentences (ending in 。！？；, or
// their ASCII forms, with any closing quotes or brackets after them), cut at line ends too;
// each line break is a unit of its own ("\n"), so the units join back to the text exactly and
// deleting a line's last sentence does not touch the sentence before it.

const TERMINATORS = new Set(["。", "！", "？", "；", "!", "?", ";", "…"]);
const CLOSERS = new Set(["”", "’", "」", "』", "）", ")", "】", "》", "\"", "'"]);

export function splitSentences(text: string): string[] {
  const units: string[] = [];
  const chars = Array.from(text);
  let current = "";
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === "\n") {
      if (current) units.push(current);
      units.push("\n");
      current = "";
      continue;
    }
    current += ch;
    if (!TERMINATORS.has(ch)) continue;
    while (i + 1 < chars.length && (TERMINATORS.has(chars[i + 1]) || CLOSERS.has(chars[i + 1]))) current += chars[++i];
    units.push(current);
    current = "";
  }
  if (current) units.push(current);
  return units;
}
