import { html, type Html } from "../html.ts";
import { linearScale, PALETTE, tickLabel } from "./scale.ts";

// A horizontal bar chart as SVG, drawn on the server: one bar per item (an agency), labelled,
// largest first as given. Presentation attributes only; <title>/<desc> for screen readers.

export interface Bar { label: string; value: number }
export interface BarChartOptions { id: string; title: string; bars: Bar[]; width?: number; format?: (v: number) => string }

export function barChart(o: BarChartOptions): Html {
  const width = o.width ?? 720, row = 22;
  const m = { top: 8, right: 64, bottom: 24, left: 220 };
  const height = m.top + m.bottom + row * Math.max(1, o.bars.length);
  const x = linearScale(o.bars.map((b) => b.value), [m.left, width - m.right]);
  const fmt = o.format ?? ((v: number) => String(v));
  const zero = x(0);
  const label = (s: string) => (Array.from(s).length > 16 ? `${Array.from(s).slice(0, 15).join("")}…` : s);
  return html`<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${o.id}-t ${o.id}-d" xmlns="http://www.w3.org/2000/svg">
<title id="${o.id}-t">${o.title}</title><desc id="${o.id}-d">${o.bars.map((b) => `${b.label}：${fmt(b.value)}`).join("；")}</desc>
<g class="grid">${x.ticks.map((t) => html`<line x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" y1="${m.top}" y2="${height - m.bottom}"/>`)}</g>
<g class="axis">${x.ticks.map((t) => html`<text x="${x(t).toFixed(1)}" y="${height - 8}" text-anchor="middle">${tickLabel(t)}</text>`)}</g>
${o.bars.map((b, i) => {
    const y = m.top + i * row;
    const x0 = Math.min(zero, x(b.value)), w = Math.abs(x(b.value) - zero);
    return html`<g><text x="${m.left - 6}" y="${y + row / 2 + 4}" text-anchor="end">${label(b.label)}</text><rect x="${x0.toFixed(1)}" y="${y + 3}" width="${Math.max(w, 0.5).toFixed(1)}" height="${row - 6}" fill="${PALETTE[0]}"><title>${b.label}：${fmt(b.value)}</title></rect><text x="${(Math.max(zero, x(b.value)) + 4).toFixed(1)}" y="${y + row / 2 + 4}">${fmt(b.value)}</text></g>`;
  })}
</svg>`;
}
