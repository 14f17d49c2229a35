import { csvLine } from "../export/csv.ts";
import { keyLabel } from "./labels.ts";
import type { LoadedDiff } from "./loaders.ts";

// A diff's changed cells as CSV: the CSV twin of the diff pages.

export function diffCsv(d: LoadedDiff): string {
  const head = csvLine(["key", "label", "status", `before (${d.before.label})`, `after (${d.after.label})`, "delta"]);
  return head + d.diff.cells.map((c) => csvLine([c.key, keyLabel(c.key), c.status, c.before, c.after, c.delta])).join("");
}
