import type { BaselineRun } from "./store-baseline.ts";
import type { PlanSummary } from "./store-explain.ts";
import type { LatencyFigures } from "./store-latency.ts";
import type { SizeFigures } from "./store-size.ts";

// The figures one store benchmark run produces: printed by store-format.ts, written as JSON to
// .bench/store-results.json.

export interface ThroughputFigures {
  values: number;
  ms: number;
  valuesPerSecond: number;
}

export interface ReadFigures extends LatencyFigures {
  /** What was timed, in words. */
  what: string;
  plans: PlanSummary[];
}

export interface PlanCheck {
  read: string;
  /** failed: an asserted index is not used (the run exits non-zero); warning: a Seq Scan on report_values. */
  level: "ok" | "warning" | "failed";
  line: string;
}

export interface StoreBenchResults {
  date: string;
  node: string;
  cpu: string;
  postgres: string;
  /** 1-minute load average when the run started and ended (other work on the machine skews the figures). */
  load: { start: number; end: number };
  corpus: { agencies: number; years: number[]; reports: number; values: number; valuesPerReport: number; textKbPerReport: number; prepareMs: number };
  ingest: ThroughputFigures & { records: number; recordsPerSecond: number; concurrency: number };
  baselines: { copy: ThroughputFigures; unnest: ThroughputFigures & { batch: number } };
  /** Our values/s over COPY's. Goal: ≥ 0.3. */
  ratio: number;
  /** Our values/s over the bulk unnest insert's. */
  ratioUnnest: number;
  reads: { yearDiff: ReadFigures; keyAcross: ReadFigures; keyAcrossView: ReadFigures };
  /** The index assertions (report_values_key used) and Seq Scan warnings. */
  planChecks: PlanCheck[];
  size: SizeFigures;
}

export const GOALS = { ratio: 0.3, latencyMs: 50 } as const;

export function throughput(run: BaselineRun): ThroughputFigures {
  return { values: run.values, ms: run.ms, valuesPerSecond: run.values / (run.ms / 1000) };
}
