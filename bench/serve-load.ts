import autocannon from "autocannon";

// One load run (autocannon, programmatic): `connections` clients keep requests in flight for
// `seconds`, each request's path drawn from `paths` in turn; every response time is kept, so
// the p95 is exact (autocannon's own summary stops at p90 and p97.5). Requests carry the
// Accept-Encoding a browser sends (Chromium's), so a server that compresses is measured as a
// researcher's browser would meet it; `bytes` is the mean size of an answer as sent.

export interface LoadFigures { name: string; requests: number; rps: number; p50: number; p95: number; p99: number; bytes: number; errors: number; non2xx: number }

export const BROWSER_ACCEPT_ENCODING = "gzip, deflate, br, zstd";

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);

export async function load(name: string, base: string, paths: readonly string[], o: { connections: number; seconds: number }): Promise<LoadFigures> {
  let next = 0;
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({
      url: base,
      connections: o.connections,
      duration: o.seconds,
      headers: { "accept-encoding": BROWSER_ACCEPT_ENCODING },
      requests: [{ method: "GET", setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
    }, (err, res) => (err ? reject(err) : resolve(res)));
    instance.on("response", (_client, _status, _bytes, responseTime) => { times.push(responseTime); });
  });
  times.sort((a, b) => a - b);
  return {
    name, requests: result.requests.total, rps: result.requests.total / (result.duration || o.seconds),
    p50: quantile(times, 0.5), p95: quantile(times, 0.95), p99: quantile(times, 0.99),
    bytes: result.requests.total ? result.throughput.total / result.requests.total : 0,
    errors: result.errors + result.timeouts, non2xx: result.non2xx,
  };
}
