import type { ColumnType, Generated } from "kysely";

// Kysely's view of the archive schema (migrations/*.sql). Keep in step with the migrations.

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T = unknown> = ColumnType<T, string, string>;
/** numeric comes back from pg as a string; it is written as a number or string. */
type Numeric = ColumnType<string, number | string, number | string>;

export interface AgenciesTable {
  id: Generated<string>;
  name: string;
  region_code: string | null;
  level: "province" | "city" | "county" | "township" | "department" | "other" | null;
  parent_id: string | null;
  region: string | null;
  portal_url: string | null;
  created_at: Generated<Timestamp>;
  /** The body's identity: `code|role` when placed, `?…` when not (src/store/identity). */
  identity_key: string;
  /** Set when merged into another identity (nianbao agencies merge). */
  merged_into: ColumnType<string | null, string | null | undefined, string | null>;
  /** Why it is not placed (a name that fits several divisions). */
  placement_note: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface AgencyNamesTable {
  agency_id: string;
  name: string;
  created_at: Generated<Timestamp>;
}

export interface AgencyChangesTable {
  id: Generated<string>;
  kind: "merge" | "split";
  agency_id: string;
  other_id: string;
  made_by: string;
  made_at: ColumnType<Date, Date | string | undefined, Date | string>;
  note: string | null;
  moves: Json;
  undone_at: Timestamp | null;
  undone_by: string | null;
  undone_by_change: string | null;
}

export interface DivisionsTable {
  code: string;
  name: string;
  level: "province" | "city" | "county" | "township";
  parent_code: string | null;
  path: string;
}

export interface DivisionSetsTable {
  dataset: string;
  version: string;
  vintage: ColumnType<Date, string, string>;
  title: string;
  divisions: number;
  loaded_at: Generated<Timestamp>;
}

export interface BlobsTable {
  sha256: string;
  size: number | string;
  bytes: Uint8Array;
  created_at: Generated<Timestamp>;
}

export interface CapturesTable {
  id: Generated<string>;
  url: string;
  final_url: string | null;
  http_status: number | null;
  http_headers: Json<Record<string, string>> | null;
  content_type: string | null;
  fetched_at: Timestamp;
  sha256: string;
  size: number | string;
  origin: Generated<"ingest" | "crawl">;
  created_at: Generated<Timestamp>;
  warc_file: ColumnType<string | null, string | null | undefined, string | null>;
  warc_offset: ColumnType<string | null, number | string | null | undefined, number | string | null>;
  warc_length: ColumnType<string | null, number | string | null | undefined, number | string | null>;
}

export interface ReportsTable {
  id: Generated<string>;
  agency_id: string;
  year: number;
  source_url: string | null;
  first_seen: Timestamp;
  last_seen: Timestamp;
  removed_at: Timestamp | null;
  /** The current version (the one seen last), kept by ingest; null only before its first version. */
  latest_version_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface ReportVersionsTable {
  id: Generated<string>;
  report_id: string;
  content_hash: string;
  extractor_version: string;
  template: "2021" | "2019" | "none";
  title: string | null;
  record: Json;
  text: string;
  search: ColumnType<string, string, string>;
  failed_checks: Generated<string[]>;
  /** The spelling of the agency this version was filed under (the document's, or --agency). */
  agency_name: ColumnType<string | null, string | null | undefined, string | null>;
  first_seen: Timestamp;
  last_seen: Timestamp;
  created_at: Generated<Timestamp>;
}

export interface VersionCapturesTable {
  version_id: string;
  capture_id: string;
}

export interface ReportValuesTable {
  version_id: string;
  key: string;
  table: "active" | "requests" | "appeals";
  row_key: string;
  column_key: string;
  value: Numeric;
}

export interface SkippedCapturesTable {
  capture_id: string;
  extractor_version: string;
  reason: string;
  created_at: Generated<Timestamp>;
}

export interface LatestVersionsView {
  version_id: string;
  report_id: string;
  agency_id: string;
  agency: string;
  region: string | null;
  region_code: string | null;
  year: number;
  template: string;
  title: string | null;
  extractor_version: string;
  failed_checks: string[];
  source_url: string | null;
  removed_at: Date | null;
  first_seen: Date;
  last_seen: Date;
  record: unknown;
}

export interface LatestValuesView {
  report_id: string;
  version_id: string;
  agency_id: string;
  agency: string;
  region: string | null;
  region_code: string | null;
  year: number;
  template: string;
  key: string;
  table: string;
  row_key: string;
  column_key: string;
  value: string;
}

export interface PortalsTable {
  id: Generated<string>;
  name: string;
  start_url: string;
  region: string | null;
  region_code: string | null;
  hosts: ColumnType<string[], string[] | undefined, string[]>;
  column_url: string | null;
  needs_browser: ColumnType<boolean, boolean | undefined, boolean>;
  delay_ms: number | null;
  max_pages: number | null;
  ad_hoc: ColumnType<boolean, boolean | undefined, boolean>;
  created_at: Generated<Timestamp>;
}

export type CrawlStatus = "running" | "finished" | "interrupted" | "failed";

export interface CrawlRunsTable {
  id: Generated<string>;
  started_at: ColumnType<Date, Date | string | undefined, Date | string>;
  finished_at: Timestamp | null;
  status: ColumnType<CrawlStatus, CrawlStatus | undefined, CrawlStatus>;
  portal_ids: string[];
  queue_name: string;
  options: ColumnType<unknown, string | undefined, string>;
  stats: ColumnType<unknown, string | undefined, string>;
}

export interface CrawlPortalStatsTable {
  run_id: string;
  portal_id: string;
  pages: Generated<number>;
  documents: Generated<number>;
  reports_new: Generated<number>;
  reports_changed: Generated<number>;
  reports_unchanged: Generated<number>;
  not_reports: Generated<number>;
  failures: Generated<number>;
  blocked_hosts: ColumnType<string[], string[] | undefined, string[]>;
}

export interface CrawlFetchesTable {
  id: Generated<string>;
  run_id: string;
  portal_id: string;
  url: string;
  method: Generated<string>;
  kind: string;
  final_url: string | null;
  http_status: number | null;
  etag: string | null;
  last_modified: string | null;
  content_type: string | null;
  sha256: string | null;
  size: number | string | null;
  warc_file: string | null;
  warc_offset: number | string | null;
  warc_length: number | string | null;
  outcome: string;
  detail: string | null;
  capture_id: string | null;
  report_id: string | null;
  fetched_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface Database {
  portals: PortalsTable;
  crawl_runs: CrawlRunsTable;
  crawl_portal_stats: CrawlPortalStatsTable;
  crawl_fetches: CrawlFetchesTable;
  agencies: AgenciesTable;
  agency_names: AgencyNamesTable;
  agency_changes: AgencyChangesTable;
  divisions: DivisionsTable;
  division_sets: DivisionSetsTable;
  blobs: BlobsTable;
  captures: CapturesTable;
  reports: ReportsTable;
  report_versions: ReportVersionsTable;
  version_captures: VersionCapturesTable;
  report_values: ReportValuesTable;
  skipped_captures: SkippedCapturesTable;
  latest_versions: LatestVersionsView;
  latest_values: LatestValuesView;
}
