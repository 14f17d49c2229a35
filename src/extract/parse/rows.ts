// Splits canonical (or loose) text into rows of cells. Besides tab-separated rows it reads the
// "one cell per line" form other tools emit: a block of lines that each start with a tab is one
// table row, a line without the leading tab continuing the cell above ('\t商业' + '企业').

export interface Row {
  /** Cells, trimmed; a text line is a row of one cell. */
  cells: string[];
  /** Index of the first source line (0-based), for messages. */
  line: number;
  /** Which text block (run of lines between blank lines) the row came from: one table, usually. */
  block?: number;
}

const RULE_ROW = /^[\s|:\-—=+]*$/;
const MARKDOWN = /^#{1,6}\s+|^\*\*|\*\*$/g;

/** Strips markdown decoration from one line of text (headings, bold). */
export function stripMarkdown(line: string): string {
  return line.replace(MARKDOWN, "").replace(/\*\*(.+?)\*\*/g, "$1");
}

function isCellPerLineBlock(lines: string[]): boolean {
  if (!lines[0].startsWith("\t")) return false;
  return lines.every((l) => (l.match(/\t/g)?.length ?? 0) <= 1 && (l.startsWith("\t") || !l.includes("\t")));
}

export function splitRows(text: string): Row[] {
  const lines = text.split("\n");
  const rows: Row[] = [];
  let i = 0;
  let blockId = -1;
  while (i < lines.length) {
    if (lines[i] === "") { i++; continue; }
    const start = i;
    blockId++;
    const block = blockId;
    while (i < lines.length && lines[i] !== "") i++;
    const blockLines = lines.slice(start, i);
    if (isCellPerLineBlock(blockLines)) {
      const cells: string[] = [];
      for (const l of blockLines) {
        if (l.startsWith("\t")) cells.push(l.slice(1).trim());
        else cells[cells.length - 1] += l.trim();
      }
      rows.push({ cells, line: start, block });
      continue;
    }
    blockLines.forEach((l, k) => {
      if (l.includes("\t") && RULE_ROW.test(l)) return;
      if (!l.includes("\t") && /^\s*\|.*\|\s*$/.test(l)) {
        if (RULE_ROW.test(l)) return;
        rows.push({ cells: l.trim().slice(1, -1).split("|").map((c) => c.trim()), line: start + k, block });
        return;
      }
      const cells = l.split("\t").map((c) => stripMarkdown(c.trim()).trim());
      rows.push({ cells, line: start + k, block });
    });
  }
  return rows;
}

/** Label text for matching: NFKC (full-width → ASCII), no whitespace, unified punctuation. */
export function labelKey(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[“”"「」『』]/g, "\"")
    .replace(/[、．]/g, ".");
}
