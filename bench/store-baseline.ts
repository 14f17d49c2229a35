import type pg from "pg";
import { splitCellKey } from "../src/store/cell-key.ts";
import { copyField, copyIn } from "./store-copy-in.ts";
import type { PreparedReport } from "./store-records.ts";

// The baseline for the write path: the same values, with the version ids our ingest gave them,
// loaded bare into a scratch copy of report_values (same columns, primary key and key index;
// no foreign keys), dropped afterwards. Two ways: one COPY … FROM STDIN (the fastest load
// PostgreSQL has), and a "bulk unnest insert" (INSERT … SELECT FROM unnest(arrays), a big batch
// per statement: what a batched insert from the application could reach).

export interface BaselineRun {
  method: "copy" | "unnest";
  values: number;
  ms: number;
  batch?: number;
}

const SCRATCH = "bench_scratch_values";
const COPY_CHUNK_ROWS = 2000;
const UNNEST_BATCH = 20_000;

interface ValueRow { versionId: string; key: string; table: string; rowKey: string; columnKey: string; value: number }

function* valueRows(reports: PreparedReport[], versionIds: string[]): Generator<ValueRow> {
  for (let i = 0; i < reports.length; i++) {
    for (const [key, value] of Object.entries(reports[i].record.values)) {
      const parts = splitCellKey(key);
      if (!parts || !Number.isFinite(value)) continue;
      yield { versionId: versionIds[i], key, table: parts.table, rowKey: parts.rowKey, columnKey: parts.columnKey, value };
    }
  }
}

function* copyChunks(rows: Iterable<ValueRow>): Generator<string> {
  let lines: string[] = [];
  for (const r of rows) {
    lines.push(`${r.versionId}\t${copyField(r.key)}\t${copyField(r.table)}\t${copyField(r.rowKey)}\t${copyField(r.columnKey)}\t${r.value}\n`);
    if (lines.length >= COPY_CHUNK_ROWS) {
      yield lines.join("");
      lines = [];
    }
  }
  if (lines.length) yield lines.join("");
}

async function withScratch<T>(client: pg.Client, fn: () => Promise<T>): Promise<T> {
  await client.query(`drop table if exists ${SCRATCH}`);
  await client.query(`create table ${SCRATCH} (like report_values including all)`);
  try {
    return await fn();
  } finally {
    await client.query(`drop table if exists ${SCRATCH}`);
  }
}

/** One COPY of every value into the scratch table. */
export async function copyBaseline(client: pg.Client, reports: PreparedReport[], versionIds: string[]): Promise<BaselineRun> {
  return withScratch(client, async () => {
    const start = performance.now();
    const values = await copyIn(client, `copy ${SCRATCH} (version_id, key, "table", row_key, column_key, value) from stdin`, copyChunks(valueRows(reports, versionIds)));
    return { method: "copy" as const, values, ms: performance.now() - start };
  });
}

/** INSERT … SELECT FROM unnest($1::bigint[], …) in batches of UNNEST_BATCH rows, each its own statement. */
export async function unnestBaseline(client: pg.Client, reports: PreparedReport[], versionIds: string[]): Promise<BaselineRun> {
  return withScratch(client, async () => {
    const text = `insert into ${SCRATCH} (version_id, key, "table", row_key, column_key, value)
      select * from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::numeric[])`;
    let values = 0;
    const start = performance.now();
    let cols: [string[], string[], string[], string[], string[], number[]] = [[], [], [], [], [], []];
    const flush = async () => {
      if (!cols[0].length) return;
      const res = await client.query(text, cols);
      values += res.rowCount ?? 0;
      cols = [[], [], [], [], [], []];
    };
    for (const r of valueRows(reports, versionIds)) {
      cols[0].push(r.versionId); cols[1].push(r.key); cols[2].push(r.table); cols[3].push(r.rowKey); cols[4].push(r.columnKey); cols[5].push(r.value);
      if (cols[0].length >= UNNEST_BATCH) await flush();
    }
    await flush();
    return { method: "unnest" as const, values, ms: performance.now() - start, batch: UNNEST_BATCH };
  });
}
