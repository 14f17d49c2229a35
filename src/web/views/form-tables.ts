import type { FormTable } from "../../store/form-layout.ts";
import { formatNumber } from "../format.ts";
import { html, type Html } from "../html.ts";

// Tables 二/三/四 laid out as the national form prints them. A cell the document does not show
// is drawn hatched and read out as 未列出 — never as 0, and never confused with a 0 it shows.

export const absentCell = () => html`<td class="absent" title="原文未列出此项"><span aria-label="原文未列出">—</span></td>`;

export function formTablesView(tables: readonly FormTable[], template: string): Html {
  if (tables.length === 0) {
    return html`<p class="note">本报告未使用统一的统计表格（${template === "none" ? "自由格式的统计" : template}），没有表格数值。</p>`;
  }
  let previous = "";
  return html`${tables.map((t) => {
    const caption = t.title === previous ? `${t.title}（续）` : t.title;
    previous = t.title;
    return html`<div class="wide"><table>
<caption>${caption}</caption>
<thead><tr><th scope="col">项目</th>${t.columns.map((c) => html`<th scope="col" class="num">${c.label}</th>`)}</tr></thead>
<tbody>${t.rows.map((r) => html`<tr><th scope="row">${r.label}</th>${r.cells.map((v) => (v === null ? absentCell() : html`<td class="num">${formatNumber(v)}</td>`))}</tr>`)}</tbody>
</table></div>`;
  })}`;
}
