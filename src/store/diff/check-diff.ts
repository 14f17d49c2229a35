import type { Check } from "../../extract/report-record.ts";

// Which accounting identities changed status between two records: passing ↔ failing, or
// evaluated in one and not in the other (its cells not all shown).

export interface CheckChange {
  rule: string;
  before: { ok: boolean; detail: string } | null;
  after: { ok: boolean; detail: string } | null;
}

export function diffChecks(before: readonly Check[], after: readonly Check[]): CheckChange[] {
  const a = new Map(before.map((c) => [c.rule, c])), b = new Map(after.map((c) => [c.rule, c]));
  const rules = [...new Set([...a.keys(), ...b.keys()])];
  const changes: CheckChange[] = [];
  for (const rule of rules) {
    const x = a.get(rule), y = b.get(rule);
    if (x && y && x.ok === y.ok) continue;
    changes.push({ rule, before: x ? { ok: x.ok, detail: x.detail } : null, after: y ? { ok: y.ok, detail: y.detail } : null });
  }
  return changes;
}
