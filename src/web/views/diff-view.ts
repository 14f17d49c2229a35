import type { RecordDiff } from "../../store/diff/record-diff.ts";
import type { Piece } from "../../store/diff/text-diff.ts";
import { formatDelta, formatNumber } from "../format.ts";
import { html, type Html } from "../html.ts";
import { keyLabel, ruleLabel } from "../labels.ts";
import { absentCell } from "./form-tables.ts";

// What changed between two years or two versions: the cells with both values and the delta,
// the identities whose status changed, and each section's text with deletions and insertions.

const checkState = (c: { ok: boolean } | null) => (c === null ? html`<span class="muted">未校验</span>` : c.ok ? html`<span class="ok">通过</span>` : html`<span class="bad">未通过</span>`);

function pieces(list: readonly Piece[], tag: "del" | "ins"): Html {
  return html`${list.map((p) => (!p.changed ? p.text : tag === "del" ? html`<del>${p.text}</del>` : html`<ins>${p.text}</ins>`))}`;
}

export function diffView(diff: RecordDiff, labels: { before: string; after: string }): Html {
  const changed = diff.cells.filter((c) => c.status === "changed").length;
  const sections = diff.sections.filter((s) => s.status !== "same");
  return html`
<h2 id="cells">数据变化（${changed} 项改变${diff.cells.length - changed ? `，${diff.cells.length - changed} 项仅一方列出` : ""}）</h2>
${diff.cells.length === 0 ? html`<p>表格数据完全相同。</p>` : html`<div class="wide"><table>
<caption>改变的表格数据</caption>
<thead><tr><th scope="col">数据项</th><th scope="col" class="num">${labels.before}</th><th scope="col" class="num">${labels.after}</th><th scope="col" class="num">变化</th></tr></thead>
<tbody>${diff.cells.map((c) => html`<tr><th scope="row">${keyLabel(c.key)}<br><code class="muted">${c.key}</code></th>
${c.before === null ? absentCell() : html`<td class="num">${formatNumber(c.before)}</td>`}
${c.after === null ? absentCell() : html`<td class="num">${formatNumber(c.after)}</td>`}
<td class="num ${c.delta === null ? "" : c.delta > 0 ? "up" : "down"}">${c.status === "changed" ? formatDelta(c.delta) : c.status === "only_before" ? `仅${labels.before}列出` : `仅${labels.after}列出`}</td></tr>`)}</tbody>
</table></div>`}
<h2 id="checks">校验状态变化（${diff.checks.length}）</h2>
${diff.checks.length === 0 ? html`<p>各项校验的结果没有变化。</p>` : html`<table>
<caption>结果改变的校验</caption>
<thead><tr><th scope="col">校验</th><th scope="col">${labels.before}</th><th scope="col">${labels.after}</th><th scope="col">说明</th></tr></thead>
<tbody>${diff.checks.map((c) => html`<tr><th scope="row">${ruleLabel(c.rule)}</th><td>${checkState(c.before)}</td><td>${checkState(c.after)}</td><td><code>${(c.after && !c.after.ok ? c.after.detail : c.before && !c.before.ok ? c.before.detail : "")}</code></td></tr>`)}</tbody>
</table>`}
<h2 id="text">正文变化（${sections.length} / ${diff.sections.length} 部分）</h2>
${diff.sections.map((s) => html`<section>
<h3>${s.number}、${s.title}${s.status === "same" ? html` <span class="muted">（未变）</span>` : s.status === "only_before" ? `（仅${labels.before}有）` : s.status === "only_after" ? `（仅${labels.after}有）` : ""}</h3>
${s.changes.map((c) => html`<div class="diff-text"><p class="muted">第 ${c.lineBefore} 行${c.lineAfter !== c.lineBefore ? `（现第 ${c.lineAfter} 行）` : ""}</p>
${c.before.length ? html`<p><span class="muted">${labels.before}：</span>${pieces(c.before, "del")}</p>` : ""}
${c.after.length ? html`<p><span class="muted">${labels.after}：</span>${pieces(c.after, "ins")}</p>` : ""}</div>`)}
</section>`)}`;
}
