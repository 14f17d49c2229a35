import { joinWrapped } from "./join-text.ts";
import { canJoin, joinTables, tableRows } from "./join-tables.ts";
import type { PageLayout, PageTable, TextLine } from "./types.ts";

// Puts the pages together: lines become paragraphs (a line that is not indented continues a
// previous line that ran to the right margin, also across a page break), a table continued on
// the next page is joined, and everything is written in the canonical text format.

/** A line that starts like a numbered heading ('一、', '（二）', '第三章'). */
const HEADING = /^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十\d]+[章节条部分])/u;

type Item = { kind: "line"; line: TextLine; page: number } | { kind: "table"; table: PageTable; page: number };

function percentile(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(p * s.length))] : 0;
}

/** The body's left margin (most common line start) and right margin. */
function margins(lines: TextLine[]): { left: number; right: number } {
  const counts = new Map<number, number>();
  for (const l of lines) counts.set(Math.round(l.x0), (counts.get(Math.round(l.x0)) ?? 0) + 1);
  let left = 0, best = -1;
  for (const [x, n] of counts) if (n > best || (n === best && x < left)) { left = x; best = n; }
  return { left, right: percentile(lines.map((l) => l.x1), 0.9) };
}

export function assemble(pages: PageLayout[]): string {
  const items: Item[] = [];
  pages.forEach((p, page) => {
    for (const b of p.blocks) items.push(b.kind === "line" ? { kind: "line", line: b.line, page } : { kind: "table", table: b.table, page });
  });
  // A table that ends one page and one that starts the next are one table.
  const merged: Item[] = [];
  for (const it of items) {
    const last = merged.at(-1);
    if (it.kind === "table" && last?.kind === "table" && last.page < it.page && canJoin(last.table, it.table)) {
      merged[merged.length - 1] = { kind: "table", table: joinTables(last.table, it.table), page: it.page };
    } else merged.push(it);
  }
  const lines = merged.flatMap((it) => (it.kind === "line" ? [it.line] : []));
  const { left, right } = margins(lines);
  const out: string[] = [];
  let para: string[] = [];
  let prev: { line: TextLine; page: number } | null = null;
  const flush = () => { if (para.length) out.push(joinWrapped(para)); para = []; };
  for (const it of merged) {
    if (it.kind === "table") {
      flush();
      prev = null;
      out.push(tableRows(it.table).map((r) => r.join("\t")).join("\n"));
      continue;
    }
    const l = it.line;
    const continues = prev !== null
      && prev.line.x1 >= right - 2 * prev.line.size
      && l.x0 < left + 0.8 * l.size
      && Math.abs(l.size / prev.line.size - 1) < 0.08
      && !(/[。！？；：]$/u.test(prev.line.text) && HEADING.test(l.text))
      && (prev.page !== it.page || l.y - prev.line.y < 2.4 * l.size);
    if (!continues) flush();
    para.push(l.text);
    prev = { line: l, page: it.page };
  }
  flush();
  return out.filter((b) => b !== "").join("\n\n") + "\n";
}
