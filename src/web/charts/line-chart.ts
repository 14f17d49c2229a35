import { html, type Html } from "../html.ts";
import { linearScale, PALETTE, tickLabel } from "./scale.ts";

// A line chart as SVG, drawn on the server: years along x, one line per series, a gap where a
// year does not show the value (never drawn as 0). Presentation attributes only (no inline
// styles, so the page's Content-Security-Policy holds); a <title> and <desc> for screen readers.

export interface LineSeries { name: string; values: (number | null)[] }
export interface LineChartOptions { id: string; title: string; xs: number[]; series: LineSeries[]; width?: number; height?: number }

export function lineChart(o: LineChartOptions): Html {
  const width = o.width ?? 640, height = o.height ?? 260;
  const m = { top: 12, right: 16, bottom: 28, left: 56 };
  const all = o.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const y = linearScale(all.length ? all : [0, 1], [height - m.bottom, m.top]);
  const n = o.xs.length;
  const x = (i: number) => (n <= 1 ? (m.left + width - m.right) / 2 : m.left + (i / (n - 1)) * (width - m.left - m.right));
  const lines = o.series.map((s, si) => {
    const colour = PALETTE[si % PALETTE.length];
    const runs: string[] = [];
    let d = "";
    s.values.forEach((v, i) => {
      if (v === null) { if (d) runs.push(d); d = ""; return; }
      d += `${d ? "L" : "M"}${x(i).toFixed(1)},${y(v).toFixed(1)}`;
    });
    if (d) runs.push(d);
    return html`<g>${runs.map((r) => html`<path d="${r}" fill="none" stroke="${colour}" stroke-width="2"/>`)}${s.values.map((v, i) => (v === null ? "" : html`<circle cx="${x(i).toFixed(1)}" cy="${y(v).toFixed(1)}" r="3" fill="${colour}"><title>${s.name} ${o.xs[i]}：${v}</title></circle>`))}</g>`;
  });
  const described = o.series.map((s) => `${s.name}：${s.values.map((v, i) => `${o.xs[i]}年${v === null ? "未列出" : v}`).join("，")}`).join("；");
  return html`<figure>
<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${o.id}-t ${o.id}-d" xmlns="http://www.w3.org/2000/svg">
<title id="${o.id}-t">${o.title}</title><desc id="${o.id}-d">${described}</desc>
<g class="grid">${y.ticks.map((t) => html`<line x1="${m.left}" x2="${width - m.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}"/>`)}</g>
<g class="axis">${y.ticks.map((t) => html`<text x="${m.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${tickLabel(t)}</text>`)}
${o.xs.map((xv, i) => html`<text x="${x(i).toFixed(1)}" y="${height - 8}" text-anchor="middle">${xv}</text>`)}
<line x1="${m.left}" x2="${width - m.right}" y1="${height - m.bottom}" y2="${height - m.bottom}"/></g>
${lines}
</svg>
<figcaption><ul class="legend">${o.series.map((s, si) => html`<li><svg class="swatch" width="16" height="10" aria-hidden="true"><rect width="16" height="10" fill="${PALETTE[si % PALETTE.length]}"/></svg>${s.name}</li>`)}</ul></figcaption>
</figure>`;
}
