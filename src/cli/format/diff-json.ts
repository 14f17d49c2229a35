import type { RecordDiff } from "../../store/diff/record-diff.ts";
import { cellLabel } from "../../store/form-layout.ts";

// A record diff for machines (--json): cells with their label, checks, and per section the
// changes as pieces ({text, changed}) of the old and new text.

export function diffJson(diff: RecordDiff): Record<string, unknown> {
  return {
    cells: diff.cells.map((c) => ({ key: c.key, label: cellLabel(c.key), status: c.status, before: c.before, after: c.after, delta: c.delta })),
    checks: diff.checks,
    sections: diff.sections.map((s) => ({
      number: s.number, title: s.title, status: s.status,
      changes: s.changes.map((c) => ({ line_before: c.lineBefore, line_after: c.lineAfter, before: c.before, after: c.after })),
    })),
  };
}
