import type { Kysely } from "kysely";
import { EXTRACTOR_VERSION } from "../extract/version.ts";
import { archiveExtraction, recordSkip } from "./archive-extraction.ts";
import type { Database } from "./database.ts";
import { divisionIndex } from "./divisions/division-index.ts";
import { tryExtract } from "./ingest-document.ts";

// Re-running the current extractors over the archived raw bytes, fetching nothing: every capture
// is extracted again (one at a time, each in its own transaction); where the
// content changed a new version (tagged with the current extractor version) is recorded and the
// capture linked to it; the old versions stay. A capture keeps the agency (identity and
// spelling) and year it was filed under (they may have come from --agency/--year or a crawler,
// not from the document; the identity may have been merged into another since).

export interface ReextractProgress {
  done: number;
  total: number;
  captureId: string;
  url: string;
  status: "new" | "unchanged" | "skipped";
  reason?: string;
}

export interface ReextractOptions {
  onProgress?: (p: ReextractProgress) => void;
}

export interface ReextractSummary {
  extractorVersion: string;
  /** Captures read again. */
  captures: number;
  newVersions: number;
  newReports: number;
  unchanged: number;
  skipped: number;
}

export async function reextract(db: Kysely<Database>, options: ReextractOptions = {}): Promise<ReextractSummary> {
  const captures = await db.selectFrom("captures")
    .select(["id", "url", "final_url", "content_type", "fetched_at", "sha256"]).orderBy("id").execute();
  const divisions = await divisionIndex(db);
  const summary: ReextractSummary = { extractorVersion: EXTRACTOR_VERSION, captures: 0, newVersions: 0, newReports: 0, unchanged: 0, skipped: 0 };

  for (const capture of captures) {
    const blob = await db.selectFrom("blobs").select("bytes").where("sha256", "=", capture.sha256).executeTakeFirstOrThrow();
    const extraction = await tryExtract(blob.bytes, capture.final_url ?? capture.url, capture.content_type ?? undefined);
    // The identity the capture was filed under, if it was archived before.
    const filed = await db.selectFrom("version_captures as vc")
      .innerJoin("report_versions as v", "v.id", "vc.version_id")
      .innerJoin("reports as r", "r.id", "v.report_id")
      .innerJoin("agencies as a", "a.id", "r.agency_id")
      .select(["a.id as agencyId", "v.agency_name as spelling", "a.name", "r.year"])
      .where("vc.capture_id", "=", capture.id)
      .orderBy("v.id", "desc").limit(1).executeTakeFirst();
    const outcome = await db.transaction().execute(async (trx) => {
      if ("reason" in extraction) {
        await recordSkip(trx, capture.id, extraction.reason);
        return { status: "skipped" as const, reason: extraction.reason };
      }
      return archiveExtraction(trx, {
        captureId: capture.id,
        fetchedAt: capture.fetched_at,
        sourceUrl: capture.final_url ?? capture.url,
        record: extraction.record,
        text: extraction.document.text,
        agency: filed ? filed.spelling ?? filed.name : undefined,
        agencyId: filed?.agencyId,
        year: filed?.year,
        divisions,
      });
    });
    summary.captures++;
    if (outcome.status === "new") {
      summary.newVersions++;
      if (outcome.newReport) summary.newReports++;
    } else if (outcome.status === "unchanged") summary.unchanged++;
    else summary.skipped++;
    options.onProgress?.({
      done: summary.captures, total: captures.length, captureId: capture.id, url: capture.url,
      status: outcome.status, ...(outcome.status === "skipped" ? { reason: outcome.reason } : {}),
    });
  }
  return summary;
}
