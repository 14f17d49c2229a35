import type { Kysely } from "kysely";
import type { Extraction } from "../extract/extract-document.ts";
import { tryExtract } from "../extract/try-extract.ts";
import { archiveExtraction, recordSkip, type ArchiveStage } from "./archive-extraction.ts";
import { sha256Hex } from "./blobs.ts";
import type { Database } from "./database.ts";
import { divisionIndex } from "./divisions/division-index.ts";

// One document into the archive: extract it (outside any transaction), then in ONE transaction
// store the raw bytes (content-addressed), the capture, and either the report version or, for a
// document that is no report (or could not be read), a skipped_captures row with the reason.
// A non-report is reported back, never thrown; a database error rolls everything back.

export interface IngestDocumentInput {
  bytes: Uint8Array;
  /** The requested URL, or the file:// URL of a local file. */
  url: string;
  finalUrl?: string;
  httpStatus?: number;
  httpHeaders?: Record<string, string>;
  contentType?: string;
  fetchedAt: Date;
  origin: "ingest" | "crawl";
  /** What the caller knows better than the document (a crawler's agency, --agency, --year). */
  agency?: string;
  year?: number;
  /**
   * Where the agency sits, as the caller knows it (ingest --region / --region-code, a crawler's
   * portal): place names from the province down (山西省/吕梁市/孝义市) and/or a 行政区划代码
   * (6, 9 or 12 digits). Used to place the agency (src/store/identity), never overriding its name.
   */
  region?: string;
  regionCode?: string;
  /** Where the crawler's WARC file keeps the raw response (file relative to <storage>/warc). */
  warc?: { file: string; offset: number; length: number };
  /** A crawl's start: the same report (same values) archived since from another URL is this capture's version too. */
  twinsSince?: Date;
}

export interface IngestOptions {
  /** Called between the writing stages, inside the transaction (tests use it to fail mid-way). */
  onStage?: (stage: ArchiveStage) => void | Promise<void>;
}

export type IngestResult = {
  captureId: string;
  sha256: string;
} & (
  | { status: "new" | "unchanged"; reportId: string; versionId: string; newReport: boolean; agency: string; year: number; agencyId: string; warnings: string[] }
  | { status: "skipped"; reason: string }
);

export async function ingestDocument(db: Kysely<Database>, input: IngestDocumentInput, options: IngestOptions = {}): Promise<IngestResult> {
  const extraction = await tryExtract(input.bytes, input.finalUrl ?? input.url, input.contentType);
  return archiveDocument(db, input, extraction, options);
}

/** The database half of ingestDocument: one document and its extraction (or why it has none), in one transaction. */
export async function archiveDocument(
  db: Kysely<Database>, input: IngestDocumentInput, extraction: Extraction | { reason: string }, options: IngestOptions = {},
): Promise<IngestResult> {
  const sha256 = sha256Hex(input.bytes);
  const divisions = await divisionIndex(db);
  return db.transaction().execute(async (trx) => {
    // The bytes (kept once per sha256) and the capture, in one statement.
    const capture = await trx
      .with("blob", (qc) => qc.insertInto("blobs").values({ sha256, size: input.bytes.length, bytes: input.bytes })
        .onConflict((oc) => oc.column("sha256").doNothing()))
      .insertInto("captures").values({
      url: input.url,
      final_url: input.finalUrl ?? null,
      http_status: input.httpStatus ?? null,
      http_headers: input.httpHeaders ? JSON.stringify(input.httpHeaders) : null,
      content_type: input.contentType ?? null,
      fetched_at: input.fetchedAt,
      sha256,
      size: input.bytes.length,
      origin: input.origin,
      warc_file: input.warc?.file ?? null,
      warc_offset: input.warc?.offset ?? null,
      warc_length: input.warc?.length ?? null,
    }).returning("id").executeTakeFirstOrThrow();
    if ("reason" in extraction) {
      await recordSkip(trx, capture.id, extraction.reason);
      return { captureId: capture.id, sha256, status: "skipped" as const, reason: extraction.reason };
    }
    const outcome = await archiveExtraction(trx, {
      captureId: capture.id,
      fetchedAt: input.fetchedAt,
      sourceUrl: input.finalUrl ?? input.url,
      record: extraction.record,
      text: extraction.document.text,
      agency: input.agency,
      year: input.year,
      region: input.region,
      regionCode: input.regionCode,
      divisions,
      twinsSince: input.twinsSince,
      onStage: options.onStage,
    });
    return { captureId: capture.id, sha256, ...outcome };
  });
}

export { tryExtract };
