import type { Block, Cell, SyntheticReport } from "../../support/synthetic-report.ts";

// A synthetic report's body as the HTML a portal editor publishes inside its content element:
// centred title, numbered headings, indented paragraphs, bordered tables with rowspan/colspan.

export const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function cell(c: Cell): string {
  const span = `${c.colspan ? ` colspan="${c.colspan}"` : ""}${c.rowspan ? ` rowspan="${c.rowspan}"` : ""}`;
  return `<td${span} style="border:1px solid #000;text-align:center">${escapeHtml(c.text)}</td>`;
}

function block(b: Block): string {
  switch (b.type) {
    case "title": return `<p style="text-align:center"><strong>${escapeHtml(b.text)}</strong></p>`;
    case "heading": return `<p style="text-indent:2em"><strong>${escapeHtml(b.text)}</strong></p>`;
    case "paragraph": return `<p style="text-indent:2em">${escapeHtml(b.text)}</p>`;
    case "table": return `<table border="1" cellspacing="0" cellpadding="0" width="100%" style="border-collapse:collapse">\n<tbody>\n${b.rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("\n")}\n</tbody>\n</table>`;
  }
}

/** The report's blocks as HTML; without its title block when the page shows the title above the content. */
export function reportBodyHtml(report: SyntheticReport, withTitle = true): string {
  return report.blocks.filter((b) => withTitle || b.type !== "title").map(block).join("\n");
}
