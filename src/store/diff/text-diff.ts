import { diffSequences } from "./sequence-diff.ts";
import { splitSentences } from "./split-sentences.ts";

// A Chinese-aware text diff: sentences (and lines) are compared first, then, inside each run
// of changed sentences, characters, so a changed phrase is pinpointed without any reliance on
// spaces between words. Numbers and Latin words count as one unit: 490 → 495 shows the whole
// number changed, not its last digit.

/** A stretch of text; `changed` marks what is deleted (in `before`) or inserted (in `after`). */
export interface Piece { text: string; changed: boolean }

/** One run of changed sentences: `before` is empty for a pure insertion, `after` for a deletion. */
export interface TextChange {
  /** 1-based line in the old and new text where the run starts. */
  lineBefore: number;
  lineAfter: number;
  before: Piece[];
  after: Piece[];
}

const MAX_SENTENCE_EDITS = 3000;
const MAX_CHAR_EDITS = 1500;
/** Below this share of characters in common, a replaced run is shown whole, not character by character. */
const MIN_COMMON = 0.3;

export function diffText(a: string, b: string): TextChange[] {
  if (a === b) return [];
  const ua = splitSentences(a), ub = splitSentences(b);
  const runs = diffSequences(ua, ub, MAX_SENTENCE_EDITS) ?? [{ op: "delete" as const, items: ua }, { op: "insert" as const, items: ub }];
  const changes: TextChange[] = [];
  let lineA = 1, lineB = 1;
  let pending: { lineA: number; lineB: number; del: string[]; ins: string[] } | null = null;
  const flush = () => {
    if (pending) changes.push(refine(pending.lineA, pending.lineB, pending.del.join(""), pending.ins.join("")));
    pending = null;
  };
  for (const run of runs) {
    if (run.op === "equal") flush();
    else {
      pending ??= { lineA, lineB, del: [], ins: [] };
      (run.op === "delete" ? pending.del : pending.ins).push(...run.items);
    }
    const lines = run.items.reduce((s, u) => s + (u === "\n" ? 1 : 0), 0);
    if (run.op !== "insert") lineA += lines;
    if (run.op !== "delete") lineB += lines;
  }
  flush();
  return changes;
}

function refine(lineBefore: number, lineAfter: number, del: string, ins: string): TextChange {
  const whole = { lineBefore, lineAfter, before: del ? [{ text: del, changed: true }] : [], after: ins ? [{ text: ins, changed: true }] : [] };
  if (!del || !ins) return whole;
  const ca = tokens(del), cb = tokens(ins);
  const runs = diffSequences(ca, cb, MAX_CHAR_EDITS);
  if (!runs) return whole;
  const common = runs.filter((r) => r.op === "equal").reduce((s, r) => s + r.items.join("").length, 0);
  if (common < MIN_COMMON * Math.max(del.length, ins.length)) return whole;
  // A lone shared character between two edits ("的", "年") is noise: fold it into the edits.
  const before: Piece[] = [], after: Piece[] = [];
  runs.forEach((run, i) => {
    const text = run.items.join("");
    const isolated = run.op === "equal" && text.length < 2 && i > 0 && i < runs.length - 1;
    if (run.op === "equal" && !isolated) { push(before, text, false); push(after, text, false); }
    else {
      if (run.op !== "insert") push(before, text, true);
      if (run.op !== "delete") push(after, text, true);
    }
  });
  return { lineBefore, lineAfter, before, after };
}

/** Characters, except that a number (12, 3.5) or a Latin word is one token. */
export function tokens(text: string): string[] {
  return text.match(/[0-9]+(?:\.[0-9]+)?|[A-Za-z]+|[\s\S]/gu) ?? [];
}

function push(pieces: Piece[], text: string, changed: boolean): void {
  const last = pieces[pieces.length - 1];
  if (last && last.changed === changed) last.text += text;
  else pieces.push({ text, changed });
}
