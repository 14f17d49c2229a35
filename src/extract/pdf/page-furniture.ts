import type { PageLayout, TextLine } from "./types.ts";

// Page headers, footers and page numbers: lines in the top or bottom margin of a page that
// are page numbers ('-3-', '- 4 -', '第3页', '3/6', '第 3 页 共 6 页', 'Page 3') or that repeat,
// digits aside, on several pages.

/** Share of the page height taken as the top and bottom margins. */
const MARGIN = 0.12;
const PAGE_NUMBER = [
  /^[-－—–‐\s]*\d{1,4}[-－—–‐\s]*$/u,
  /^第\s*\d{1,4}\s*页(\s*[,，/]?\s*共\s*\d{1,4}\s*页)?$/u,
  /^(共\s*\d{1,4}\s*页\s*)?第\s*\d{1,4}\s*页$/u,
  /^\d{1,4}\s*[/／]\s*\d{1,4}$/u,
  /^(page|p\.)\s*\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/iu,
  /^[-－—–]?\s*[ivxlc]{1,6}\s*[-－—–]?$/iu,
];

export const isPageNumber = (text: string) => PAGE_NUMBER.some((re) => re.test(text.trim()));

const key = (text: string) => text.replace(/\d+/gu, "#").replace(/\s+/gu, "");

/** The lines at the top and bottom edge of a page, before or after any table. */
function edgeLines(page: PageLayout): TextLine[] {
  const out: TextLine[] = [];
  for (const list of [page.blocks, [...page.blocks].reverse()]) {
    for (const b of list.slice(0, 3)) {
      if (b.kind !== "line") break;
      const l = b.line;
      if (l.y - l.size < page.height * MARGIN || l.y > page.height * (1 - MARGIN)) out.push(l);
      else break;
    }
  }
  return out;
}

/** Removes page furniture from every page, in place; returns how many lines went. */
export function dropFurniture(pages: PageLayout[]): number {
  const seen = new Map<string, number>();
  const edges = pages.map(edgeLines);
  for (const lines of edges) for (const k of new Set(lines.map((l) => key(l.text)))) seen.set(k, (seen.get(k) ?? 0) + 1);
  const repeated = (l: TextLine) => pages.length >= 2 && (seen.get(key(l.text)) ?? 0) >= Math.max(2, Math.ceil(pages.length / 2));
  let dropped = 0;
  pages.forEach((page, i) => {
    const drop = new Set(edges[i].filter((l) => isPageNumber(l.text) || repeated(l)));
    dropped += drop.size;
    page.blocks = page.blocks.filter((b) => b.kind !== "line" || !drop.has(b.line));
  });
  return dropped;
}
