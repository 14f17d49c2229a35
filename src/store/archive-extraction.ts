import { sql, type Kysely, type Transaction } from "kysely";
import type { ReportRecord } from "../extract/report-record.ts";
import { EXTRACTOR_VERSION } from "../extract/version.ts";
import { createAgency } from "./agencies/create-agency.ts";
import type { DivisionIndex } from "./divisions/division-index.ts";
import { identifyAgency } from "./identity/identify-agency.ts";
import { splitCellKey } from "./cell-key.ts";
import { contentHash } from "./content-hash.ts";
import type { Database } from "./database.ts";
import { searchTerms } from "./search-terms.ts";

// One capture's extraction into the archive, inside the caller's transaction: the agency (its
// identity found by the rules of src/store/identity, or created), the report (identity, year),
// and the version: an existing one when the content hash is the same (its sighting window
// widened, the capture linked), else a new immutable version with its values in long form, its
// search terms, its failed checks and the spelling of the agency it was filed under. The report row's lock,
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
  /** File under this identity (reextract: where the capture was filed before), not by name. */
  agencyId?: string;
  /** The archive's divisions (divisionIndex(db)), to place the agency. */
  divisions: DivisionIndex;
  /**
   * A crawl's start: a version of this report seen since then with the same template and values
   * stands for this capture too — the same report at another URL (the PDF beside its page), whose
   * text differs only by how its format renders. Without it, every content difference is a version.
   */
  twinsSince?: Date;
  onStage?: (stage: ArchiveStage) => void | Promise<void>;
}

export type ArchiveOutcome =
  | {
    status: "new" | "unchanged"; reportId: string; versionId: string; newReport: boolean; agency: string; year: number;
    /** The identity the report is filed under, and what stood in the way of placing it. */
    agencyId: string; warnings: string[];
  }
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
  const names = input.agency ? [] : (record.source?.names ?? []).map(clean);
  const identity = identifyAgency(input.divisions, { name: agency, names, regionCode: input.regionCode, region: input.region });
  const found = input.agencyId ? sql`id = ${input.agencyId}` : sql`identity_key = ${identity.key}`;

  // The report (identity, year): upserted in one statement with its agency found by identity key
  // (the one it was merged into, if it was), this spelling added to its names, and its region
  // filled in if it had none; an identity met for the first time is created, then the same
  // statement runs again.
  const upsertReport = () => sql<{ id: string; inserted: boolean; agency_id: string }>`
    with a as (
      select coalesce(merged_into, id) as id from agencies where ${found}
    ), named as (
      insert into agency_names (agency_id, name) select id, ${agency} from a on conflict do nothing
    ), placed as (
      update agencies set region = ${identity.region} where ${identity.region}::text is not null and region is null and id in (select id from a)
    )
    insert into reports (agency_id, year, source_url, first_seen, last_seen)
    select a.id, ${year}, ${input.sourceUrl}, ${at}, ${at} from a
    on conflict (agency_id, year) do update set
      first_seen = least(reports.first_seen, excluded.first_seen),
      last_seen = greatest(reports.last_seen, excluded.last_seen),
      source_url = case when excluded.last_seen >= reports.last_seen then excluded.source_url else reports.source_url end,
      -- A sighting after the report was marked removed brings it back.
      removed_at = case when reports.removed_at is not null and excluded.last_seen > reports.removed_at then null else reports.removed_at end
    returning id, (xmax = 0) as inserted, agency_id`.execute(trx);
  let [report] = (await upsertReport()).rows;
  if (!report && input.agencyId) throw new Error(`agency ${input.agencyId} not found`);
  if (!report) {
    await createAgency(trx, agency, identity);
    [report] = (await upsertReport()).rows;
    if (!report) throw new Error(`agency ${agency} could not be found or created`);
  }
  // The upsert above holds the report's row lock until commit, so concurrent ingests of one
  // report run the rest of this one after the other: one version for one content, never two.
  await input.onStage?.("report");
  if (input.twinsSince) {
    const twin = await sameReportElsewhere(trx, report.id, input.twinsSince, record, input.captureId, at);
    if (twin) return { status: "unchanged", reportId: report.id, versionId: twin, newReport: false, agency, year, agencyId: report.agency_id, warnings: identity.warnings };
  }

  // One statement for the rest: the version (inserted, or — same content seen before — its
  // sighting window widened), the capture's link, the values of a new version in long form, and
  // the report's pointer to its current version (the one seen last, then the newest).
  const text = clean(input.text);
  const cols = cellColumns(record);
  const title = record.title === null ? null : clean(record.title);
  const json = JSON.stringify(record, (_k, v: unknown) => (typeof v === "string" ? clean(v) : v));
  const failed = record.checks.filter((c) => !c.ok).map((c) => c.rule);
  const { rows: [version] } = await sql<{ id: string; inserted: boolean }>`
    with v as (
      insert into report_versions (report_id, content_hash, extractor_version, template, title, record, text, search, failed_checks, agency_name, first_seen, last_seen)
      values (${report.id}, ${contentHash(record, { agency, year })}, ${record.source?.extractor ?? EXTRACTOR_VERSION}, ${record.template},
        ${title}, ${json}::jsonb, ${text}, to_tsvector('simple', ${searchTerms(text)}), ${failed}::text[], ${agency}, ${at}, ${at})
      on conflict (report_id, content_hash) do update set
        first_seen = least(report_versions.first_seen, excluded.first_seen),
        last_seen = greatest(report_versions.last_seen, excluded.last_seen)
      returning id, (xmax = 0) as inserted, last_seen
    ),
    link as (insert into version_captures (version_id, capture_id) select v.id, ${input.captureId} from v on conflict do nothing),
    cells as (
      insert into report_values (version_id, key, "table", row_key, column_key, value)
      select v.id, u.* from v, unnest(${cols.key}::text[], ${cols.table}::text[], ${cols.row}::text[], ${cols.column}::text[], ${cols.value}::numeric[]) as u
      where v.inserted
    ),
    point as (
      update reports r set latest_version_id = v.id from v
      where r.id = ${report.id} and (r.latest_version_id is null or r.latest_version_id = v.id
        or (select (lv.last_seen, lv.id) from report_versions lv where lv.id = r.latest_version_id) <= (v.last_seen, v.id))
    )
    select id, inserted from v`.execute(trx);
  const filed = { agency, year, agencyId: report.agency_id, warnings: identity.warnings };
  if (!version.inserted) return { status: "unchanged", reportId: report.id, versionId: version.id, newReport: false, ...filed };
  await input.onStage?.("version");
  await input.onStage?.("values");
  return { status: "new", reportId: report.id, versionId: version.id, newReport: report.inserted, ...filed };
}

/** A version seen since `since` with the same template and values: the capture is linked to it and its sighting widened. */
async function sameReportElsewhere(trx: Transaction<Database>, reportId: string, since: Date, record: ReportRecord, captureId: string, at: Date): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`
    with twin as (
      select id from report_versions
      where report_id = ${reportId} and last_seen >= ${since} and template = ${record.template} and record -> 'values' = ${JSON.stringify(record.values)}::jsonb
      order by id limit 1
    ), link as (insert into version_captures (version_id, capture_id) select id, ${captureId} from twin on conflict do nothing)
    update report_versions v set last_seen = greatest(v.last_seen, ${at}) from twin where v.id = twin.id returning v.id`.execute(trx);
  return rows[0]?.id;
}

/** A record's values as five parallel arrays (key, table, row, column, value) for one unnest insert. */
function cellColumns(record: ReportRecord) {
  const cols = { key: [] as string[], table: [] as string[], row: [] as string[], column: [] as string[], value: [] as number[] };
  for (const [key, value] of Object.entries(record.values)) {
    const parts = splitCellKey(key);
    if (!parts || typeof value !== "number" || !Number.isFinite(value)) continue;
    cols.key.push(key); cols.table.push(parts.table); cols.row.push(parts.rowKey); cols.column.push(parts.columnKey); cols.value.push(value);
  }
  return cols;
}

export async function recordSkip(trx: Kysely<Database>, captureId: string, reason: string, extractorVersion = EXTRACTOR_VERSION): Promise<void> {
  await trx.insertInto("skipped_captures").values({ capture_id: captureId, extractor_version: extractorVersion, reason: clean(reason) })
    .onConflict((oc) => oc.columns(["capture_id", "extractor_version"]).doUpdateSet({ reason: clean(reason) })).execute();
}
