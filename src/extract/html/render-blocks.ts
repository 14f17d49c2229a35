import type { El } from "./dom.ts";
import type { StatsMap } from "./text-stats.ts";
import { isLayoutTable, tableGrid, tableRows } from "./html-table.ts";
import { cellText, paragraphText } from "./inline-text.ts";

// Renders the content element as canonical blocks: one paragraph per block element (or per
// <br> line), data tables as tab-separated rows, layout tables flattened as ordinary content.

/** Elements that start a new line. Everything else is inline and joins its text as it is. */
const BLOCK = new Set([
  "p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
  "tr", "td", "th", "table", "tbody", "thead", "tfoot", "caption", "section", "article", "header",
  "footer", "nav", "aside", "main", "blockquote", "pre", "address", "figure", "figcaption", "hr",
  "center", "form", "fieldset", "legend", "details", "summary", "body", "html",
]);

export function renderBlocks(root: El, stats: StatsMap): string[] {
  const blocks: string[] = [];
  let buf: string[] = [];
  const flush = () => {
    if (buf.length === 0) return;
    const text = paragraphText(buf.join(""));
    buf = [];
    if (text) blocks.push(text);
  };

  const walk = (el: El) => {
    for (const c of el.children) {
      if (typeof c === "string") { buf.push(c); continue; }
      if (c.tag === "table") { table(c); continue; }
      if (!BLOCK.has(c.tag)) { walk(c); continue; }
      flush();
      walk(c);
      flush();
    }
  };

  const table = (t: El) => {
    flush();
    const rows = tableRows(t);
    if (isLayoutTable(rows, stats)) {
      walk(t);
    } else {
      for (const c of t.children) if (typeof c !== "string" && c.tag === "caption") { walk(c); flush(); }
      const grid = tableGrid(rows, (cell) => cellText(cellRaw(cell)));
      if (grid.length) blocks.push(grid.map((r) => r.join("\t")).join("\n"));
    }
    flush();
  };

  walk(root);
  flush();
  return blocks;
}

/** The raw text of a cell, with a line break wherever a block element starts or ends. */
function cellRaw(cell: El): string {
  const parts: string[] = [];
  const walk = (el: El) => {
    for (const c of el.children) {
      if (typeof c === "string") { parts.push(c); continue; }
      const block = BLOCK.has(c.tag);
      if (block) parts.push("\n");
      walk(c);
      if (block) parts.push("\n");
    }
  };
  walk(cell);
  return parts.join("");
}
