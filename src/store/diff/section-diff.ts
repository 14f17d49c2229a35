import type { Section } from "../../extract/report-record.ts";
import { diffText, type TextChange } from "./text-diff.ts";

// Section by section (一 总体情况 … 六), matched by number, the text diff of each.

export interface SectionDiff {
  number: string;
  title: string;
  status: "same" | "changed" | "only_before" | "only_after";
  changes: TextChange[];
}

export function diffSections(before: readonly Section[], after: readonly Section[]): SectionDiff[] {
  const a = new Map(before.map((s) => [s.number, s])), b = new Map(after.map((s) => [s.number, s]));
  const numbers = [...new Set([...before.map((s) => s.number), ...after.map((s) => s.number)])];
  return numbers.map((number) => {
    const x = a.get(number), y = b.get(number);
    const title = y?.title ?? x?.title ?? "";
    const changes = diffText(x?.text ?? "", y?.text ?? "");
    const status = !x ? "only_after" : !y ? "only_before" : changes.length ? "changed" : "same";
    return { number, title, status, changes };
  });
}
