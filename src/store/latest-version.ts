import { sql, type RawBuilder } from "kysely";

// The current version of a report is the one seen last (as the latest_versions view defines
// it). As a correlated subquery it is one probe of report_versions_report per report, which
// keeps queries over a few reports index-only instead of computing the view for the archive.

export function latestVersionId(reportIdColumn: string): RawBuilder<string> {
  return sql<string>`(select lv.id from report_versions lv where lv.report_id = ${sql.ref(reportIdColumn)} order by lv.last_seen desc, lv.id desc limit 1)`;
}
