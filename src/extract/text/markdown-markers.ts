import { cellText } from "../html/inline-text.ts";

// Markdown as other tools write reports: heading markers, bold, table rule rows and pipe
// tables. Markers go, text stays; a pipe table becomes tab-separated rows, one per line.

const HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const BOLD = /\*\*/g;
/** A rule row: every cell is dashes (with optional alignment colons), tab- or pipe-separated. */
const RULE_CELL = /^\s*:?-{3,}:?\s*$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:=[ \t]*){3,})$/;
const BOOKMARK = /\[bookmark: [^\]]*\]/g;

export function stripMarkdown(text: string): string {
  const out: string[] = [];
  let inTable = false;
  for (const raw of text.split("\n")) {
    const line = raw.replace(BOOKMARK, "");
    if (isRuleRow(line)) continue;
    const pipes = pipeCells(line);
    if (pipes) {
      if (!inTable && out.length && out[out.length - 1] !== "") out.push("");
      inTable = true;
      out.push(pipes.join("\t"));
      continue;
    }
    if (inTable && line.trim() !== "") out.push("");
    inTable = false;
    const heading = HEADING.exec(line);
    out.push(removeBold(heading ? heading[1] : line));
  }
  return out.join("\n");
}

function removeBold(line: string): string {
  return line.replace(BOLD, "");
}

function isRuleRow(line: string): boolean {
  if (THEMATIC_BREAK.test(line)) return true;
  if (!line.includes("-")) return false;
  const cells = line.includes("\t") ? line.split("\t") : line.includes("|") ? splitPipes(line) : [line];
  const filled = cells.filter((c) => c.trim() !== "");
  return filled.length > 0 && filled.every((c) => RULE_CELL.test(c));
}

/** The cells of a pipe-table row (`| a | b |`), or undefined when the line is not one. */
function pipeCells(line: string): string[] | undefined {
  const t = line.trim();
  if (t.length < 3 || !t.startsWith("|") || !t.endsWith("|")) return undefined;
  const cells = splitPipes(t).slice(1, -1);
  if (cells.length < 1) return undefined;
  return cells.map((c) => cellText(removeBold(c).replace(/<br\s*\/?>/gi, "\n")));
}

/** Splits on unescaped pipes; `\|` stays a literal pipe. */
function splitPipes(line: string): string[] {
  return line.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, "|"));
}
