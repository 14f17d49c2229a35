import type { Kysely } from "kysely";
import type { Database } from "../store/database.ts";
import { latestKeys, latestReportBatches, valueRows } from "../store/export-batches.ts";
import type { ReportFilter } from "../store/list-reports.ts";
import { csvLine } from "./csv.ts";

// The text exports (`nianbao export`, the web's downloads): JSONL records, CSV long and wide,
// written batch by batch to an output that may make the writer wait (backpressure).

/** Where an export writes: standard output, a file, an HTTP response. */
export interface ExportOutput { write(chunk: string): Promise<void> }

const LONG_HEADER = ["report_id", "version_id", "agency", "region", "year", "template", "key", "table", "row_key", "column_key", "value"];
const WIDE_FIXED = ["report_id", "version_id", "agency", "region", "year", "template"];

export async function exportJsonl(db: Kysely<Database>, out: ExportOutput, filter: ReportFilter = {}): Promise<number> {
  let n = 0;
  for await (const batch of latestReportBatches(db, { filter })) {
    let chunk = "";
    for (const r of batch) {
      chunk += `${JSON.stringify({ ...r.record, agency: r.agency, region: r.region, region_code: r.regionCode, year: r.year, source_url: r.sourceUrl, report_id: r.reportId, version_id: r.versionId })}\n`;
    }
    await out.write(chunk);
    n += batch.length;
  }
  return n;
}

export async function exportCsvLong(db: Kysely<Database>, out: ExportOutput, filter: ReportFilter = {}): Promise<number> {
  await out.write(csvLine(LONG_HEADER));
  let n = 0;
  for await (const batch of latestReportBatches(db, { withRecord: false, filter })) {
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

export async function exportCsvWide(db: Kysely<Database>, out: ExportOutput, filter: ReportFilter = {}): Promise<number> {
  const keys = await latestKeys(db, filter);
  await out.write(csvLine([...WIDE_FIXED, ...keys]));
  let n = 0;
  for await (const batch of latestReportBatches(db, { withRecord: false, filter })) {
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
