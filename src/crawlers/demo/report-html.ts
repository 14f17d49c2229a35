import type { Block, Cell, DemoReport } from "./demo-report.ts";

// A demo report's body as a portal editor publishes it inside the article element.

export const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function cell(c: Cell): string {
  const span = `${c.colspan ? ` colspan="${c.colspan}"` : ""}${c.rowspan ? ` rowspan="${c.rowspan}"` : ""}`;
  return `<td${span}>${escapeHtml(c.text)}</td>`;
}

function block(b: Block): string {
  switch (b.type) {
    case "title": return `<p style="text-align:center"><strong>${escapeHtml(b.text)}</strong></p>`;
    case "heading": return `<p style="text-indent:2em"><strong>${escapeHtml(b.text)}</strong></p>`;
    case "paragraph": return `<p style="text-indent:2em">${escapeHtml(b.text)}</p>`;
    case "table": return `<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;text-align:center">\n${b.rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("\n")}\n</table>`;
  }
}

/** The report's blocks as HTML, without its title when the page shows the title above the article. */
export function reportHtml(report: DemoReport, withTitle = false): string {
  return report.blocks.filter((b) => withTitle || b.type !== "title").map(block).join("\n");
}
