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

export interface Database {
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
