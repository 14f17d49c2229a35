import type { El } from "./dom.ts";
import { isLayoutTable, tableRows } from "./html-table.ts";
import { proseWeight, type StatsMap } from "./text-stats.ts";

// Finds the element holding the article: a known content container of the portal CMSes when
// it holds most of the prose, otherwise the densest element, found by descending from <body>
// while one child holds nearly all of the prose (CJK text outside links).

/** Known content containers, most specific first. `.x` is a class, `#x` an id. */
export const KNOWN_CONTAINERS = [
  ".TRS_UEDITOR", ".TRS_Editor", ".trs_editor_view", ".Custom_UnionStyle", "#UCAP-CONTENT", "#ivs_content", ".bt_content", ".wzcon",
  ".article-content", ".article_con", ".pages_content", ".news_content", ".detail-content", ".zw-con",
  ".zw", ".con_main", "#fontzoom", "#zoom", "#Zoom", ".view", ".content", "#content",
];

/** Share of its parent's prose a child must hold for the search to descend into it. */
const DESCEND_SHARE = 0.85;
/** A known container must hold at least this share of the densest element's prose. */
const KNOWN_MIN_SHARE = 0.5;

export interface ContentChoice {
  el: El;
  /** How it was found: the selector of a known container, or "density". */
  how: string;
}

export function findContent(body: El, stats: StatsMap): ContentChoice {
  const dense = densest(body, stats);
  const need = Math.max(20, KNOWN_MIN_SHARE * proseWeight(stats.get(dense)));
  const index = indexContainers(body);
  for (const sel of KNOWN_CONTAINERS) {
    const matches = index.get(sel);
    if (!matches) continue;
    let best: El | undefined;
    for (const m of matches) if (!best || proseWeight(stats.get(m)) > proseWeight(stats.get(best))) best = m;
    if (best && proseWeight(stats.get(best)) >= need) return { el: best, how: sel };
  }
  return { el: dense, how: "density" };
}

function densest(body: El, stats: StatsMap): El {
  let node = body;
  for (;;) {
    const total = proseWeight(stats.get(node));
    let next: El | undefined;
    for (const c of node.children) {
      if (typeof c === "string") continue;
      if (proseWeight(stats.get(c)) >= DESCEND_SHARE * total && total > 0) { next = c; break; }
    }
    // Never into a data table: the prose around it belongs to the article too.
    if (!next || (next.tag === "table" && !isLayoutTable(tableRows(next), stats))) return node;
    node = next;
  }
}

function indexContainers(body: El): Map<string, El[]> {
  const wanted = new Set(KNOWN_CONTAINERS);
  const index = new Map<string, El[]>();
  const add = (key: string, el: El) => {
    if (!wanted.has(key)) return;
    const list = index.get(key);
    if (list) list.push(el);
    else index.set(key, [el]);
  };
  const walk = (el: El) => {
    for (const c of el.children) {
      if (typeof c === "string") continue;
      if (c.id) add("#" + c.id, c);
      if (c.cls) for (const k of c.cls.split(/\s+/)) if (k) add("." + k, c);
      walk(c);
    }
  };
  walk(body);
  return index;
}
