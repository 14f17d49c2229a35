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
