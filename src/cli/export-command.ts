import { parseArgs } from "node:util";
import { exportParquetLong, exportParquetWide } from "../export/export-parquet.ts";
import { exportCsvLong, exportCsvWide, exportJsonl } from "../export/export-text.ts";
import { openParquetFile } from "../export/parquet-file.ts";
import { UserError } from "./fail.ts";
import { openOutput } from "./output-file.ts";
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
    const count = await withStore(values, (db) => (values.wide ? exportParquetWide : exportParquetLong)(db, (columns) => openParquetFile(path, columns)));
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
