import { ruledTables } from "./ruled-tables.ts";
import { groupLines } from "./text-lines.ts";
import type { PageBlock, PageLayout, Segment, TextRun } from "./types.ts";
import { unruledTables } from "./unruled-tables.ts";

// One page's content as blocks top to bottom: ruled tables first (from the rulings), then
// borderless tables among the remaining lines, and the other lines as they are.

export function pageLayout(width: number, height: number, runs: TextRun[], segments: Segment[]): PageLayout {
  const visible = runs.filter((r) => r.text.trim() !== "");
  const ruled = ruledTables(segments, visible);
  const taken = new Set<TextRun>();
  for (const t of ruled) for (const r of t.used) taken.add(r);
  const lines = groupLines(visible.filter((r) => !taken.has(r)));
  const unruled = unruledTables(lines);
  const inTable = new Set(unruled.flatMap((t) => [...t.used]));
  const blocks: { y: number; block: PageBlock }[] = [
    ...ruled.map(({ used: _, ...table }) => ({ y: table.top, block: { kind: "table", table } as PageBlock })),
    ...unruled.map(({ used: _, ...table }) => ({ y: table.top, block: { kind: "table", table } as PageBlock })),
    ...lines.filter((l) => !inTable.has(l)).map((line) => ({ y: line.y - line.size, block: { kind: "line", line } as PageBlock })),
  ];
  blocks.sort((a, b) => a.y - b.y);
  return { width, height, blocks: blocks.map((b) => b.block) };
}
