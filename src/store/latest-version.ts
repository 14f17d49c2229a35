import { sql, type RawBuilder } from "kysely";

// The current version of a report (the one seen last, as the latest_versions view defines it),
// from the pointer ingest keeps on the report: one primary-key probe per report.

export function latestVersionId(reportIdColumn: string): RawBuilder<string> {
  return sql<string>`(select lr.latest_version_id from reports lr where lr.id = ${sql.ref(reportIdColumn)})`;
}
