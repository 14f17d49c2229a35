import type { Piece, TextChange } from "../../store/diff/text-diff.ts";
import type { Paint } from "./ansi.ts";

// A text change on the terminal: "-" lines (old) and "+" lines (new). Changed stretches are
// highlighted in colour, or, without colour, bracketed wdiff-style: [-deleted-] and {+inserted+}.

function side(pieces: readonly Piece[], sign: "-" | "+", p: Paint): string[] {
  if (pieces.length === 0) return [];
  const colour = sign === "-" ? p.red : p.green;
  const [open, close] = sign === "-" ? ["[-", "-]"] : ["{+", "+}"];
  const whole = pieces.every((x) => x.changed);
  let text = "";
  for (const piece of pieces) {
    const body = piece.text.replace(/\t/g, " │ ");
    if (!piece.changed || whole) text += body;
    else if (p.enabled) text += p.mark(body);
    else text += body.split("\n").map((l) => (l ? open + l + close : l)).join("\n");
  }
  return text.replace(/\n$/, "").split("\n").map((line) => colour(`${sign} ${line}`));
}

export function formatTextChange(change: TextChange, p: Paint, indent = "    "): string {
  const where = change.before.length ? `line ${change.lineBefore}` : `after line ${change.lineBefore - 1}`;
  const lines = [p.dim(`@@ ${where}${change.lineAfter !== change.lineBefore ? ` (now ${change.lineAfter})` : ""}`)];
  lines.push(...side(change.before, "-", p), ...side(change.after, "+", p));
  return lines.map((l) => indent + l).join("\n") + "\n";
}
