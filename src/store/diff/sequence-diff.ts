// Myers' O(ND) difference algorithm over two sequences, with the common prefix and suffix
// trimmed first. Returns runs of equal, deleted (only in `a`) and inserted (only in `b`) items,
// or null when more than `maxEdits` edits would be needed (the caller then treats the whole
// span as replaced, so memory stays bounded: O(maxEdits²) at worst).

export type DiffOp = "equal" | "delete" | "insert";
export interface DiffRun<T> { op: DiffOp; items: T[] }

export function diffSequences<T>(a: readonly T[], b: readonly T[], maxEdits = Infinity): DiffRun<T>[] | null {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length, endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) { endA--; endB--; }
  const middle = myers(a.slice(start, endA), b.slice(start, endB), maxEdits);
  if (!middle) return null;
  // The common prefix and suffix as one run each, not item by item.
  const runs: DiffRun<T>[] = start > 0 ? [{ op: "equal", items: a.slice(0, start) }] : [];
  for (const [op, item] of middle) add(runs, op, item);
  for (let i = endA; i < a.length; i++) add(runs, "equal", a[i]);
  return runs;
}

function add<T>(runs: DiffRun<T>[], op: DiffOp, item: T): void {
  const last = runs[runs.length - 1];
  if (last && last.op === op) last.items.push(item);
  else runs.push({ op, items: [item] });
}

function myers<T>(a: readonly T[], b: readonly T[], maxEdits: number): [DiffOp, T][] | null {
  const n = a.length, m = b.length;
  if (n === 0) return b.map((x) => ["insert", x]);
  if (m === 0) return a.map((x) => ["delete", x]);
  const max = n + m;
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // trace[d] holds v[k] for k in [-d, d] as it stood before step d.
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    if (d > maxEdits) return null;
    trace.push(v.slice(offset - d, offset + d + 1));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) { x++; y++; }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d);
    }
  }
  return null;
}

function backtrack<T>(a: readonly T[], b: readonly T[], trace: Int32Array[], depth: number): [DiffOp, T][] {
  const out: [DiffOp, T][] = [];
  let x = a.length, y = b.length;
  for (let d = depth; d > 0; d--) {
    const prev = trace[d];
    const at = (k: number) => prev[k + d];
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK), prevY = prevX - prevK;
    while (x > prevX && y > prevY) { out.push(["equal", a[x - 1]]); x--; y--; }
    if (x === prevX) out.push(["insert", b[prevY]]);
    else out.push(["delete", a[prevX]]);
    x = prevX; y = prevY;
  }
  while (x > 0 && y > 0) { out.push(["equal", a[x - 1]]); x--; y--; }
  return out.reverse();
}
