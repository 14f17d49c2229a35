import { normalizeText } from "../normalize-text.ts";

// The structure both Word extractors (DOCX, DOC) produce before rendering it as canonical
// text: paragraphs (one line each) and tables (rectangular grids of one-line cells).

export type TextBlock =
  | { type: "paragraph"; text: string }
  | { type: "table"; rows: string[][] };

/** Pads every row to the table's width and drops rows with no text at all. */
export function rectangular(rows: string[][], minWidth = 0): string[][] {
  const kept = rows.filter((r) => r.some((c) => c !== ""));
  const width = Math.max(minWidth, ...kept.map((r) => r.length));
  return kept.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
}

/** Canonical text: a paragraph per line, a table as tab-separated rows between blank lines. */
export function renderBlocks(blocks: readonly TextBlock[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === "paragraph") {
      for (const line of b.text.split("\n")) if (line.trim()) out.push(line.replace(/\t/g, " "));
    } else if (b.rows.length) {
      out.push("", ...b.rows.map((r) => r.map((c) => c.replace(/\t/g, " ")).join("\t")), "");
    }
  }
  return normalizeText(out.join("\n"));
}
