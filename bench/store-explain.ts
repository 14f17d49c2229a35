import { CompiledQuery, type Kysely } from "kysely";
import type { Database } from "../src/store/database.ts";

// EXPLAIN (ANALYZE, BUFFERS) of the queries a read function ran (recorded by a logging Kysely
// handle), each reduced to a summary: its scans (which index on which table), execution time
// and the top node's shared buffers. Only SELECTs are explained (EXPLAIN ANALYZE executes).

export interface PlanSummary {
  sql: string;
  scans: string[];
  planningMs: number;
  executionMs: number;
  sharedHit: number;
  sharedRead: number;
  /** The whole EXPLAIN text. */
  plan: string;
}

const SCAN = /((?:Parallel )?(?:Seq Scan|Index Only Scan|Index Scan|Bitmap Index Scan|Bitmap Heap Scan|CTE Scan)(?: Backward)?(?: using \S+)? on \S+(?: \S+)?)\s+\(/;

export function summarizePlan(sqlText: string, plan: string): PlanSummary {
  const lines = plan.split("\n");
  const scans = lines.map((l) => SCAN.exec(l)?.[1]).filter((s): s is string => !!s);
  const num = (re: RegExp) => Number(re.exec(plan)?.[1] ?? NaN);
  const buffers = lines.find((l) => /^\s*Buffers:/.test(l)) ?? "";
  return {
    sql: sqlText.replace(/\s+/g, " ").trim(),
    scans: [...new Set(scans)],
    planningMs: num(/Planning Time: ([\d.]+) ms/),
    executionMs: num(/Execution Time: ([\d.]+) ms/),
    sharedHit: Number(/shared hit=(\d+)/.exec(buffers)?.[1] ?? 0),
    sharedRead: Number(/shared (?:hit=\d+ )?read=(\d+)/.exec(buffers)?.[1] ?? 0),
    plan,
  };
}

export async function explainQueries(db: Kysely<Database>, queries: readonly CompiledQuery[]): Promise<PlanSummary[]> {
  const out: PlanSummary[] = [];
  for (const q of queries) {
    if (!/^\s*(select|with)\b/i.test(q.sql)) continue;
    const { rows } = await db.executeQuery<{ "QUERY PLAN": string }>(CompiledQuery.raw(`explain (analyze, buffers) ${q.sql}`, [...q.parameters]));
    out.push(summarizePlan(q.sql, rows.map((r) => r["QUERY PLAN"]).join("\n")));
  }
  return out;
}

/** True when some plan reads `index` (index, index-only or bitmap index scan). */
export function usesIndex(plans: PlanSummary[], index: string): boolean {
  return plans.some((p) => p.scans.some((s) => new RegExp(`^(Index (Only )?Scan( Backward)? using ${index} |Bitmap Index Scan on ${index}$)`).test(s)));
}

/** True when some plan reads all of `table` (a sequential scan). */
export function seqScans(plans: PlanSummary[], table: string): boolean {
  return plans.some((p) => p.scans.some((s) => new RegExp(`Seq Scan on ${table}( |$)`).test(s)));
}
