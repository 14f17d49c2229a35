import { compareKeys } from "../form-layout.ts";

// Cell-by-cell comparison of two value maps (two years, or two versions, of one report).

export interface CellChange {
  key: string;
  /** changed: in both with different values; only_before / only_after: shown in one of them only. */
  status: "changed" | "only_before" | "only_after";
  before: number | null;
  after: number | null;
  /** after − before, when both are present. */
  delta: number | null;
}

const decimals = (n: number) => { const s = String(n); const i = s.indexOf("."); return i < 0 || s.includes("e") ? 0 : s.length - i - 1; };

/** b − a without binary noise: rounded to the larger number of decimals of the two. */
export function delta(a: number, b: number): number {
  const d = Math.max(decimals(a), decimals(b));
  return Number((b - a).toFixed(Math.min(d, 12)));
}

export function diffValues(before: Record<string, number>, after: Record<string, number>): CellChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort(compareKeys);
  const changes: CellChange[] = [];
  for (const key of keys) {
    const a = before[key] ?? null, b = after[key] ?? null;
    if (a === null && b === null) continue;
    if (a !== null && b !== null) {
      if (a !== b) changes.push({ key, status: "changed", before: a, after: b, delta: delta(a, b) });
    } else changes.push({ key, status: a === null ? "only_after" : "only_before", before: a, after: b, delta: null });
  }
  return changes;
}
