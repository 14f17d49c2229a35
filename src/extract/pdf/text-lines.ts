import { lineText } from "./join-text.ts";
import type { TextLine, TextRun } from "./types.ts";

// Groups text runs into visual lines by baseline.

/** Lines top to bottom; runs whose baselines differ by under 40% of the font size share a line. */
export function groupLines(runs: TextRun[]): TextLine[] {
  return groupRuns(runs).map(toLine);
}

/** The runs of each line, top to bottom (within a line, not yet sorted left to right). */
export function groupRuns(runs: TextRun[]): TextRun[][] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const lines: TextRun[][] = [];
  let current: TextRun[] = [];
  let baseline = -Infinity;
  let size = 0;
  for (const r of sorted) {
    if (current.length && Math.abs(r.y - baseline) <= 0.4 * Math.min(size, r.size)) {
      current.push(r);
      continue;
    }
    if (current.length) lines.push(current);
    current = [r];
    baseline = r.y;
    size = r.size;
  }
  if (current.length) lines.push(current);
  return lines;
}

export function toLine(runs: TextRun[]): TextLine {
  const sorted = [...runs].sort((a, b) => a.x - b.x);
  const sizes = sorted.map((r) => r.size).sort((a, b) => a - b);
  return {
    runs: sorted,
    text: lineText(sorted),
    x0: Math.min(...sorted.map((r) => r.x)),
    x1: Math.max(...sorted.map((r) => r.x + r.width)),
    y: sorted.reduce((s, r) => s + r.y, 0) / sorted.length,
    size: sizes[Math.floor(sizes.length / 2)],
  };
}
