import type { Kysely } from "kysely";
import { archiveDocument, type IngestResult } from "../src/store/ingest-document.ts";
import type { Database } from "../src/store/database.ts";
import { progress } from "./progress.ts";
import type { PreparedReport } from "./store-records.ts";

// The archive's write path without extraction: archiveDocument, the database half of
// ingestDocument, in ONE transaction per document: the bytes (content-addressed blob), the
// capture, then the agency, report, version with its text, search terms and values, capture
// link. The document bytes are the canonical text, as for an ingested .txt file.

export interface IngestRun {
  records: number;
  values: number;
  ms: number;
  concurrency: number;
  /** The version id each report got, in input order. */
  versionIds: string[];
}

export async function archivePrepared(db: Kysely<Database>, p: PreparedReport, fetchedAt: Date): Promise<IngestResult> {
  const input = {
    bytes: Buffer.from(p.text, "utf8"), url: p.url, contentType: "text/plain; charset=utf-8", fetchedAt, origin: "ingest" as const,
    region: p.agency.region, regionCode: p.agency.regionCode,
  };
  const extraction = { record: p.record, document: { format: "text" as const, text: p.text, warnings: [] } };
  return archiveDocument(db, input, extraction);
}

/** Archives every report, `concurrency` transactions at a time; fails on the first error. */
export async function ingestAll(db: Kysely<Database>, reports: PreparedReport[], concurrency: number): Promise<IngestRun> {
  const bar = progress("ingest", reports.length);
  const tty = process.stderr.isTTY === true;
  const versionIds: string[] = new Array(reports.length);
  let next = 0;
  let done = 0;
  const start = performance.now();
  const worker = async () => {
    for (let i = next++; i < reports.length; i = next++) {
      const outcome = await archivePrepared(db, reports[i], new Date());
      if (outcome.status !== "new") throw new Error(`report ${i} (${reports[i].agency.name} ${reports[i].year}) was ${outcome.status}, expected new`);
      versionIds[i] = outcome.versionId;
      done++;
      if (tty || done % 1000 === 0) {
        const s = (performance.now() - start) / 1000;
        bar.tick(done, `${(done / s).toFixed(0)} records/s`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const ms = performance.now() - start;
  const values = reports.reduce((s, r) => s + Object.keys(r.record.values).length, 0);
  bar.end(`${reports.length} records, ${values} values in ${(ms / 1000).toFixed(1)} s`);
  return { records: reports.length, values, ms, concurrency, versionIds };
}
