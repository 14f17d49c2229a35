// Linear scales and "nice" ticks for the server-rendered charts.

export interface Scale { (v: number): number; ticks: number[] }

/** Ticks at 1, 2 or 5 × 10^k covering [min, max] (about `count` of them). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  if (min === max) max = min + 1;
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const ticks: number[] = [];
  for (let t = Math.floor(min / step) * step; t <= max + step * 1e-9; t += step) ticks.push(Number(t.toFixed(10)));
  if (ticks[ticks.length - 1] < max) ticks.push(Number((ticks[ticks.length - 1] + step).toFixed(10)));
  return ticks;
}

/** Maps [domain] to [range]; the domain widened to nice ticks, from 0 when all values are ≥ 0. */
export function linearScale(values: readonly number[], range: [number, number], count = 5): Scale {
  const lo = Math.min(0, ...values), hi = Math.max(0, ...values);
  const ticks = niceTicks(lo, hi, count);
  const d0 = ticks[0], d1 = ticks[ticks.length - 1];
  const scale = ((v: number) => range[0] + ((v - d0) / (d1 - d0 || 1)) * (range[1] - range[0])) as Scale;
  scale.ticks = ticks;
  return scale;
}

/** A compact tick label: 1200 → 1200, 15000 → 1.5万. */
export function tickLabel(v: number): string {
  if (Math.abs(v) >= 10000) return `${Number((v / 10000).toFixed(1))}万`;
  return String(Number(v.toFixed(4)));
}

/** Colours for series, distinguishable and printable. */
export const PALETTE = ["#0b4f8a", "#d1495b", "#2a9d8f", "#e09f3e", "#6a4c93", "#555555"];
