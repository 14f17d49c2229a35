import { parseArgs } from "node:util";
import type { Kysely } from "kysely";
import type { Database } from "../store/database.ts";
import { latestKeys, latestReportBatches, valueRows } from "../store/export-batches.ts";
import { UserError } from "./fail.ts";
import { exportParquetLong, exportParquetWide } from "./export-parquet.ts";
import { csvLine } from "./format/csv.ts";
import { openOutput, type Output } from "./output-file.ts";
import { STORE_OPTIONS, STORE_USAGE, withStore } from "./with-store.ts";

export const USAGE = `usage: nianbao export [--format jsonl|csv|parquet] [--wide] [--out FILE]

Exports the current version of every archived report, streamed in batches:
  jsonl (default)  one report record per line, plus agency, region, year, source_url,
                   report_id and version_id
  csv              long form, one row per cell: report_id, version_id, agency, region, year,
                   template, key, table, row_key, column_key, value
  csv --wide       one row per report, one column per cell key shown in any report; a cell the
                   report does not show is blank (never 0)
  parquet          the csv long form as a typed Parquet file (snappy, dictionary-encoded), plus
                   region_code: report_id, version_id INT64; agency, region, region_code (these
                   two nullable), template, key, table, row_key, column_key STRING; year INT32;
                   value DOUBLE
  parquet --wide   one row per report (report columns as above), one DOUBLE column per cell key;
                   a cell the report does not show is null (never 0)
Writes to standard output, or to FILE with --out. Parquet needs --out FILE: readers seek to the
index at the end of the file, so it is not streamed to standard output.

${STORE_USAGE}`;

const LONG_HEADER = ["report_id", "version_id", "agency", "region", "year", "template", "key", "table", "row_key", "column_key", "value"];
const WIDE_FIXED = ["report_id", "version_id", "agency", "region", "year", "template"];

export async function exportJsonl(db: Kysely<Database>, out: Output): Promise<number> {
  let n = 0;
  for await (const batch of latestReportBatches(db)) {
    let chunk = "";
    for (const r of batch) {
      chunk += `${JSON.stringify({ ...r.record, agency: r.agency, region: r.region, region_code: r.regionCode, year: r.year, source_url: r.sourceUrl, report_id: r.reportId, version_id: r.versionId })}\n`;
    }
    await out.write(chunk);
    n += batch.length;
  }
  return n;
}

export async function exportCsvLong(db: Kysely<Database>, out: Output): Promise<number> {
  await out.write(csvLine(LONG_HEADER));
  let n = 0;
  for await (const batch of latestReportBatches(db, { withRecord: false })) {
    const values = await valueRows(db, batch.map((r) => r.versionId));
    let chunk = "";
    for (const r of batch) {
      for (const v of values.get(r.versionId) ?? []) {
        chunk += csvLine([r.reportId, r.versionId, r.agency, r.region, r.year, r.template, v.key, v.table, v.rowKey, v.columnKey, v.value]);
      }
    }
    await out.write(chunk);
    n += batch.length;
  }
  return n;
}

export async function exportCsvWide(db: Kysely<Database>, out: Output): Promise<number> {
  const keys = await latestKeys(db);
  await out.write(csvLine([...WIDE_FIXED, ...keys]));
  let n = 0;
  for await (const batch of latestReportBatches(db, { withRecord: false })) {
    const values = await valueRows(db, batch.map((r) => r.versionId));
    let chunk = "";
    for (const r of batch) {
      const byKey = new Map((values.get(r.versionId) ?? []).map((v) => [v.key, v.value]));
      chunk += csvLine([r.reportId, r.versionId, r.agency, r.region, r.year, r.template, ...keys.map((k) => byKey.get(k) ?? null)]);
    }
    await out.write(chunk);
    n += batch.length;
  }
  return n;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...STORE_OPTIONS, format: { type: "string", default: "jsonl" }, wide: { type: "boolean" }, out: { type: "string" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) { console.log(USAGE); return 0; }
  if (positionals.length) throw new UserError(`export: unexpected argument '${positionals[0]}'; write to a file with --out FILE`, 2);
  const format = values.format;
  if (format !== "jsonl" && format !== "csv" && format !== "parquet") throw new UserError(`export: --format must be jsonl, csv or parquet, not '${format}'`, 2);
  if (values.wide && format === "jsonl") throw new UserError("export: --wide is a CSV or Parquet layout; add --format csv (or parquet)", 2);
  const path = values.out;
  if (format === "parquet") {
    if (!path) throw new UserError("export: --format parquet writes a file; add --out FILE (e.g. --out reports.parquet)", 2);
    const count = await withStore(values, (db) => (values.wide ? exportParquetWide(db, path) : exportParquetLong(db, path)));
    process.stderr.write(`nianbao: exported ${count} report${count === 1 ? "" : "s"} to ${path}\n`);
    return 0;
  }
  const count = await withStore(values, async (db) => {
    const out = openOutput(values.out);
    try {
      return format === "jsonl" ? await exportJsonl(db, out) : values.wide ? await exportCsvWide(db, out) : await exportCsvLong(db, out);
    } finally {
      await out.close();
    }
  });
  if (values.out) process.stderr.write(`nianbao: exported ${count} report${count === 1 ? "" : "s"} to ${values.out}\n`);
  return 0;
}
