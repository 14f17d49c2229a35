import type { Kysely } from "kysely";
import type { Database } from "../store/database.ts";
import { latestKeys, latestReportBatches, valueRows, type ExportReport } from "../store/export-batches.ts";
import type { ReportFilter } from "../store/list-reports.ts";
import type { ParquetCell, ParquetColumn, ParquetFile } from "./parquet-file.ts";

// The CSV layouts as typed Parquet columns (`nianbao export --format parquet`, the web's
// downloads), streamed batch by batch into row groups (never the whole table in memory).

const REPORT_COLUMNS: ParquetColumn[] = [
  { name: "report_id", type: "INT64" },
  { name: "version_id", type: "INT64" },
  { name: "agency", type: "STRING" },
  { name: "region", type: "STRING", nullable: true },
  { name: "region_code", type: "STRING", nullable: true },
  { name: "year", type: "INT32" },
  { name: "template", type: "STRING" },
];

/** Long form: one row per value. */
export const PARQUET_LONG_COLUMNS: ParquetColumn[] = [
  ...REPORT_COLUMNS,
  { name: "key", type: "STRING" },
  { name: "table", type: "STRING" },
  { name: "row_key", type: "STRING" },
  { name: "column_key", type: "STRING" },
  { name: "value", type: "DOUBLE" },
];

/** Opens the Parquet output once its columns are known (a file, or an HTTP response). */
export type OpenParquet = (columns: readonly ParquetColumn[]) => Promise<ParquetFile>;

const reportCells = (r: ExportReport): ParquetCell[] =>
  [BigInt(r.reportId), BigInt(r.versionId), r.agency, r.region, r.regionCode, r.year, r.template];

/** Writes the long form; returns the number of reports. */
export async function exportParquetLong(db: Kysely<Database>, open: OpenParquet, filter: ReportFilter = {}): Promise<number> {
  return withParquet(await open(PARQUET_LONG_COLUMNS), async (file) => {
    let n = 0;
    for await (const batch of latestReportBatches(db, { withRecord: false, filter })) {
      const values = await valueRows(db, batch.map((r) => r.versionId));
      for (const r of batch) {
        const fixed = reportCells(r);
        for (const v of values.get(r.versionId) ?? []) file.push([...fixed, v.key, v.table, v.rowKey, v.columnKey, Number(v.value)]);
      }
      await file.drain();
      n += batch.length;
    }
    return n;
  });
}

/** Writes the wide form: one row per report, one nullable DOUBLE column per key in any report; returns the number of reports. */
export async function exportParquetWide(db: Kysely<Database>, open: OpenParquet, filter: ReportFilter = {}): Promise<number> {
  const keys = await latestKeys(db, filter);
  const columns: ParquetColumn[] = [...REPORT_COLUMNS, ...keys.map((name) => ({ name, type: "DOUBLE" as const, nullable: true }))];
  return withParquet(await open(columns), async (file) => {
    let n = 0;
    for await (const batch of latestReportBatches(db, { withRecord: false, filter })) {
      const values = await valueRows(db, batch.map((r) => r.versionId));
      for (const r of batch) {
        const byKey = new Map((values.get(r.versionId) ?? []).map((v) => [v.key, Number(v.value)]));
        file.push([...reportCells(r), ...keys.map((k) => byKey.get(k) ?? null)]);
      }
      await file.drain();
      n += batch.length;
    }
    return n;
  });
}

async function withParquet(file: ParquetFile, fill: (file: ParquetFile) => Promise<number>): Promise<number> {
  try {
    const n = await fill(file);
    await file.close();
    return n;
  } catch (err) {
    await file.abort();
    throw err;
  }
}
