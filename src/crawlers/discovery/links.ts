import type { Link } from "./types.ts";
import { canonicalKey } from "./url-canon.ts";

// Shared limits, priorities and the merge of the modules' links.

/**
 * At most this many pages of one list (static pager pages, or list-API requests) from one
 * page. Script pagers and list APIs state their own counts, and a broken or hostile page can
 * state `countPage = 100000`; a 年报 column of a county holds tens of pages at most (≤ 20
 * rows a page), so 100 pages bounds the crawl without losing a real list.
 */
export const MAX_LIST_PAGES = 100;

/** Larger first. Reports as soon as they are found, then what leads to more of them. */
export const PRIORITY = {
  attachment: 90,
  reportAttachment: 95,
  detail: 75,
  reportDetail: 85,
  column: 70,
  listApi: 60,
  list: 50,
  area: 30,
} as const;

/** Deduplicates by URL + method + body, keeping the highest priority (the first among equals). */
export function mergeLinks(links: Link[], pageUrl: string): Link[] {
  const self = canonicalKey(pageUrl);
  const best = new Map<string, Link>();
  for (const link of links) {
    const method = link.method ?? "GET";
    if (method === "GET" && !link.body && canonicalKey(link.url) === self) continue; // the page itself
    const key = `${method} ${link.url} ${link.body ?? ""}`;
    const had = best.get(key);
    if (!had || (link.priority ?? 0) > (had.priority ?? 0)) best.set(key, had ? { ...mergeHints(link, had) } : link);
    else best.set(key, mergeHints(had, link));
  }
  return [...best.values()].sort((a, b) => (b.priority ?? 0) - (a.priority ?? 0));
}

/** The kept link, with hints (fileName, year, text) the dropped one had and it lacks. */
function mergeHints(kept: Link, other: Link): Link {
  return {
    ...kept,
    text: kept.text ?? other.text,
    fileName: kept.fileName ?? other.fileName,
    year: kept.year ?? other.year,
  };
}

/** Pages `from..to` of a list, capped at MAX_LIST_PAGES; `capped` says whether the cap cut it. */
export function pageRange(from: number, to: number): { pages: number[]; capped: boolean } {
  const last = Math.min(to, from + MAX_LIST_PAGES - 1);
  const pages: number[] = [];
  for (let n = from; n <= last; n++) pages.push(n);
  return { pages, capped: to > last };
}
