import { mapCjkRadicals } from "./cjk-radicals.ts";

// Turns extracted text into the canonical text format: NFC, `\n` line ends, radicals mapped,
// invisible characters dropped, trailing spaces trimmed, at most one blank line between blocks.
// Tabs are kept: they separate table cells.

const INVISIBLE = /[\u200b-\u200f\u2060\ufeff\u00ad]/g;
const SPACES = /[\u00a0\u2000-\u200a\u202f\u205f]/g;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function normalizeText(raw: string): string {
  const text = mapCjkRadicals(raw.normalize("NFC"))
    .replace(/\r\n?/g, "\n")
    .replace(INVISIBLE, "")
    .replace(SPACES, " ")
    .replace(CONTROL, "");
  const lines = text.split("\n").map((l) => l.replace(/[ \u3000]+$/u, "").replace(/^ +(?=\S)/, ""));
  const out: string[] = [];
  for (const line of lines) {
    // A line of tabs only is a row of empty cells (one empty cell, in the one-cell-per-line form).
    const blank = line.trim() === "" && !line.includes("\t");
    if (blank && (out.length === 0 || out[out.length - 1] === "")) continue;
    out.push(blank ? "" : line);
  }
  while (out.length && out[out.length - 1] === "") out.pop();
  return out.join("\n") + "\n";
}
