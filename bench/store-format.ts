import { GOALS, type ReadFigures, type StoreBenchResults } from "./store-results.ts";

// The store benchmark's figures as a compact plain-text table, each beside its baseline or goal.

const f = (n: number, digits = 1) => n.toFixed(digits);
const k = (n: number) => Math.round(n).toLocaleString("en-US");
const mark = (ok: boolean) => (ok ? "ok" : "MISSED");

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : cell.padStart(widths[c]))).join("  ").trimEnd());
}

function readRow(label: string, r: ReadFigures): string[] {
  return [label, String(r.runs), f(r.medianMs, 2), `${f(r.p95Ms, 2)} ${mark(r.p95Ms < GOALS.latencyMs)}`, f(r.maxMs, 2), `< ${GOALS.latencyMs} ms`];
}

export function formatResults(r: StoreBenchResults): string {
  const c = r.corpus;
  const lines = [
    `store benchmark — ${r.date}, node ${r.node}, ${r.cpu}, PostgreSQL ${r.postgres} (embedded, default settings)`,
    `load average (1 min): ${f(r.load.start, 2)} at start, ${f(r.load.end, 2)} at end`,
    `corpus: ${k(c.reports)} reports (${k(c.agencies)} agencies × ${c.years[0]}–${c.years[c.years.length - 1]}), ${k(c.values)} values (${f(c.valuesPerReport)}/report), canonical text ${f(c.textKbPerReport)} KB/report`,
    "",
    ...table([
      ["write", "values", "seconds", "records/s", "values/s", `ours/baseline (goal >= ${GOALS.ratio})`],
      [`ours: archive transaction per report, ${r.ingest.concurrency} at a time`, k(r.ingest.values), f(r.ingest.ms / 1000), k(r.ingest.recordsPerSecond), k(r.ingest.valuesPerSecond), ""],
      ["baseline: one COPY report_values FROM STDIN", k(r.baselines.copy.values), f(r.baselines.copy.ms / 1000), "", k(r.baselines.copy.valuesPerSecond), `${f(r.ratio, 3)} ${mark(r.ratio >= GOALS.ratio)}`],
      [`bulk unnest insert, ${k(r.baselines.unnest.batch)} rows/statement`, k(r.baselines.unnest.values), f(r.baselines.unnest.ms / 1000), "", k(r.baselines.unnest.valuesPerSecond), f(r.ratioUnnest, 3)],
    ]),
    "",
    ...table([
      ["read (after warm-up)", "runs", "median ms", "p95 ms", "max ms", "goal"],
      readRow("year-over-year diff, one agency (diffYears)", r.reads.yearDiff),
      readRow("one key, all agencies and years (keyAcrossReports)", r.reads.keyAcross),
      readRow("same, psql-style: latest_values where key = …", r.reads.keyAcrossView),
    ]),
    "",
    "plans (EXPLAIN ANALYZE, BUFFERS; one line per query):",
  ];
  for (const [label, read] of [["diff", r.reads.yearDiff], ["key", r.reads.keyAcross], ["view", r.reads.keyAcrossView]] as const) {
    read.plans.forEach((p, i) => {
      lines.push(`  ${label} q${i + 1}: ${f(p.executionMs, 2)} ms, shared hit ${k(p.sharedHit)} read ${k(p.sharedRead)}: ${p.scans.join("; ")}`);
    });
  }
  for (const check of r.planChecks) lines.push(`  ${check.level === "ok" ? "ok" : check.level.toUpperCase()}: ${check.line}`);
  const s = r.size;
  lines.push("", `size: database ${f(s.databaseBytes / 1048576)} MB for ${k(s.reports)} reports = ${f(s.kbPerReport)} KB/report`);
  lines.push(...table([
    ["  table", "MB", "of which indexes", "KB/report"],
    ...s.tables.filter((t) => t.bytes >= 65536).map((t) => [`  ${t.table}`, f(t.bytes / 1048576), f(t.indexBytes / 1048576), f(t.kbPerReport, 2)]),
  ]));
  return lines.join("\n");
}
