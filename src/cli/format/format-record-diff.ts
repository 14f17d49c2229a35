import { cellLabel } from "../../store/form-layout.ts";
import type { RecordDiff } from "../../store/diff/record-diff.ts";
import type { Paint } from "./ansi.ts";
import { truncate } from "./display-width.ts";
import { formatDelta, formatValue } from "./numbers.ts";
import { formatTextChange } from "./format-text-changes.ts";
import { textTable } from "./text-table.ts";

// A year-over-year (or version-to-version) diff for the terminal: changed cells with both values
// and the delta, identities that changed status, then the text, section by section.

const checkState = (c: { ok: boolean } | null) => (c === null ? "not evaluated" : c.ok ? "ok" : "FAILED");

export function formatRecordDiff(diff: RecordDiff, labels: { before: string; after: string }, p: Paint): string {
  const out: string[] = [];
  const changed = diff.cells.filter((c) => c.status === "changed").length;
  const oneSide = diff.cells.length - changed;
  out.push(p.bold(`Cells: ${changed} changed${oneSide ? `, ${oneSide} shown in one only` : ""}`));
  if (diff.cells.length) {
    const rows = diff.cells.map((c) => [
      c.key, truncate(cellLabel(c.key), 40), formatValue(c.before), formatValue(c.after),
      c.status === "changed" ? formatDelta(c.delta) : c.status === "only_before" ? `only in ${labels.before}` : `only in ${labels.after}`,
    ]);
    out.push(textTable(["key", "cell", labels.before, labels.after, "delta"], rows, { right: [2, 3] })
      .split("\n").map((l) => (l ? `  ${l}` : l)).join("\n").trimEnd());
  }
  out.push("", p.bold(`Checks: ${diff.checks.length} changed status`));
  for (const c of diff.checks) {
    const paintAfter = c.after?.ok === false ? p.red : c.after?.ok ? p.green : p.dim;
    out.push(`  ${c.rule}: ${checkState(c.before)} → ${paintAfter(checkState(c.after))}`);
    const detail = c.after && !c.after.ok ? c.after.detail : c.before && !c.before.ok ? c.before.detail : "";
    if (detail) out.push(p.dim(`    ${detail}`));
  }
  const changedSections = diff.sections.filter((s) => s.status !== "same");
  out.push("", p.bold(`Text: ${changedSections.length} of ${diff.sections.length} sections changed`));
  for (const s of diff.sections) {
    const name = `${s.number}、${s.title}`;
    if (s.status === "same") { out.push(p.dim(`  ${name}: unchanged`)); continue; }
    const note = s.status === "only_before" ? ` (only in ${labels.before})` : s.status === "only_after" ? ` (only in ${labels.after})` : "";
    out.push(`  ${p.bold(name)}${note}`);
    for (const change of s.changes) out.push(formatTextChange(change, p).trimEnd());
  }
  return out.join("\n") + "\n";
}
