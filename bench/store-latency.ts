// Latency of one read: `runs` timed calls after `warmup` untimed ones, sequential; the median
// and the 95th percentile (nearest rank) in milliseconds.

export interface LatencyFigures {
  runs: number;
  warmup: number;
  medianMs: number;
  p95Ms: number;
  minMs: number;
  maxMs: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** Times fn(i) for i = 0 … runs-1 (after warm-up calls with negative i). */
export async function measureLatency(fn: (i: number) => Promise<unknown>, runs = 50, warmup = 5): Promise<LatencyFigures> {
  for (let i = 1; i <= warmup; i++) await fn(-i);
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    ms.push(performance.now() - start);
  }
  ms.sort((a, b) => a - b);
  return { runs, warmup, medianMs: percentile(ms, 0.5), p95Ms: percentile(ms, 0.95), minMs: ms[0], maxMs: ms[ms.length - 1] };
}
