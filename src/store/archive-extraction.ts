import { sql, type Kysely, type Transaction } from "kysely";
import type { ReportRecord } from "../extract/report-record.ts";
import { EXTRACTOR_VERSION } from "../extract/version.ts";
import { findOrCreateAgency } from "./agencies.ts";
import { splitCellKey } from "./cell-key.ts";
import { contentHash } from "./content-hash.ts";
import type { Database } from "./database.ts";
import { searchTerms } from "./search-terms.ts";

// One capture's extraction into the archive, inside the caller's transaction: the agency (found
// or created), the report (agency, year), and the version: an existing one when the content hash
// is the same (its sighting window widened, the capture linked), else a new immutable version
// with its values in long form, its search terms and its failed checks. The report row's lock,
// taken by its upsert, makes two concurrent ingests of one report end with one version.

/** Stages of archiveExtraction, for callers (tests) that want to act between them. */
export type ArchiveStage = "report" | "version" | "values";

export interface ArchiveInput {
  captureId: string;
  fetchedAt: Date;
  sourceUrl: string;
  record: ReportRecord;
  /** The canonical text of the document. */
  text: string;
  /** Overrides of what the record says (a crawler or --agency/--year knows better). */
  agency?: string;
  year?: number;
  region?: string;
  regionCode?: string;
  onStage?: (stage: ArchiveStage) => void | Promise<void>;
}

export type ArchiveOutcome =
  | { status: "new" | "unchanged"; reportId: string; versionId: string; newReport: boolean; agency: string; year: number }
  | { status: "skipped"; reason: string };

/** Why this record cannot be archived as a report version, or undefined if it can. */
export function skipReason(record: ReportRecord, agency?: string, year?: number): string | undefined {
  if (record.kind === "not_a_report") return record.warnings[0] ?? "not an annual report";
  if (record.kind === "unreadable") return `unreadable: ${record.warnings[0] ?? "no text to read"}`;
  if (!(agency ?? record.agency)) return "the issuing agency was not found in the document; give it with --agency";
  const y = year ?? record.year;
  if (!y) return "the reported year was not found in the document; give it with --year";
  if (y < 1990 || y > 2100) return `reported year ${y} is out of range (1990–2100); give the right one with --year`;
  return undefined;
}

/** Strips NUL characters, which PostgreSQL text and jsonb cannot hold. */
function clean(s: string): string {
  return s.includes("\u0000") ? s.replaceAll("\u0000", "") : s;
}

export async function archiveExtraction(trx: Transaction<Database>, input: ArchiveInput): Promise<ArchiveOutcome> {
  const { record } = input;
  const reason = skipReason(record, input.agency, input.year);
  if (reason) {
    await recordSkip(trx, input.captureId, reason);
    return { status: "skipped", reason };
  }
  const agency = clean((input.agency ?? record.agency) as string);
  const year = (input.year ?? record.year) as number;
  const at = input.fetchedAt;

  const agencyId = await findOrCreateAgency(trx, { name: agency, regionCode: input.regionCode, region: input.region });
  const report = await trx.insertInto("reports")
    .values({ agency_id: agencyId, year, source_url: input.sourceUrl, first_seen: at, last_seen: at })
    .onConflict((oc) => oc.columns(["agency_id", "year"]).doUpdateSet({
      first_seen: sql`least(reports.first_seen, excluded.first_seen)`,
      last_seen: sql`greatest(reports.last_seen, excluded.last_seen)`,
      source_url: sql`case when excluded.last_seen >= reports.last_seen then excluded.source_url else reports.source_url end`,
      // A sighting after the report was marked removed brings it back.
      removed_at: sql`case when reports.removed_at is not null and excluded.last_seen > reports.removed_at then null else reports.removed_at end`,
    }))
    .returning(["id", sql<boolean>`(xmax = 0)`.as("inserted")])
    .executeTakeFirstOrThrow();
  // The upsert above holds the report's row lock until commit, so concurrent ingests of one
  // report run the rest of this one after the other: one version for one content, never two.
  await input.onStage?.("report");

  // The version: inserted, or — same content seen before — its sighting window widened.
  const text = clean(input.text);
  const version = await trx.insertInto("report_versions").values({
    report_id: report.id,
    content_hash: contentHash(record, { agency, year }),
    extractor_version: record.source?.extractor ?? EXTRACTOR_VERSION,
    template: record.template,
    title: record.title === null ? null : clean(record.title),
    record: JSON.stringify(record, (_k, v: unknown) => (typeof v === "string" ? clean(v) : v)),
    text,
    search: sql<string>`to_tsvector('simple', ${searchTerms(text)})`,
    failed_checks: record.checks.filter((c) => !c.ok).map((c) => c.rule),
    first_seen: at,
    last_seen: at,
  }).onConflict((oc) => oc.columns(["report_id", "content_hash"]).doUpdateSet({
    first_seen: sql`least(report_versions.first_seen, excluded.first_seen)`,
    last_seen: sql`greatest(report_versions.last_seen, excluded.last_seen)`,
  })).returning(["id", sql<boolean>`(xmax = 0)`.as("inserted")]).executeTakeFirstOrThrow();
  if (!version.inserted) {
    await sql`with link as (${linkCapture(version.id, input.captureId)}) ${pointAtLatest(report.id)}`.execute(trx);
    return { status: "unchanged", reportId: report.id, versionId: version.id, newReport: false, agency, year };
  }
  await input.onStage?.("version");

  // Values as six parallel arrays in one unnest insert: one short statement per report, not a
  // VALUES list with six parameters per cell (measured: ~25% less time per report).
  const cols = { key: [] as string[], table: [] as string[], row: [] as string[], column: [] as string[], value: [] as number[] };
  for (const [key, value] of Object.entries(record.values)) {
    const parts = splitCellKey(key);
    if (!parts || typeof value !== "number" || !Number.isFinite(value)) continue;
    cols.key.push(key); cols.table.push(parts.table); cols.row.push(parts.rowKey); cols.column.push(parts.columnKey); cols.value.push(value);
  }
  // The capture's link and the report's pointer to its current version ride along.
  await sql`with link as (${linkCapture(version.id, input.captureId)}), point as (${pointAtLatest(report.id)})
    insert into report_values (version_id, key, "table", row_key, column_key, value)
    select ${version.id}::bigint, * from unnest(${cols.key}::text[], ${cols.table}::text[], ${cols.row}::text[], ${cols.column}::text[], ${cols.value}::numeric[])`.execute(trx);
  await input.onStage?.("values");
  return { status: "new", reportId: report.id, versionId: version.id, newReport: report.inserted, agency, year };
}

function linkCapture(versionId: string, captureId: string) {
  return sql`insert into version_captures (version_id, capture_id) values (${versionId}, ${captureId}) on conflict do nothing`;
}

/** Points the report at its current version: the one seen last (then the newest). */
function pointAtLatest(reportId: string) {
  return sql`update reports set latest_version_id = (
    select v.id from report_versions v where v.report_id = ${reportId} order by v.last_seen desc, v.id desc limit 1
  ) where id = ${reportId}`;
}

export async function recordSkip(trx: Kysely<Database>, captureId: string, reason: string, extractorVersion = EXTRACTOR_VERSION): Promise<void> {
  await trx.insertInto("skipped_captures").values({ capture_id: captureId, extractor_version: extractorVersion, reason: clean(reason) })
    .onConflict((oc) => oc.columns(["capture_id", "extractor_version"]).doUpdateSet({ reason: clean(reason) })).execute();
}
