import { sql, type Transaction } from "kysely";
import type { Database } from "../database.ts";

// After versions moved between reports (a merge or its undoing): each report's current version
// (the one seen last, then the newest), its sighting window and source URL, recomputed from the
// versions it now holds. A report of an identity merged into another has no current version, so
// it drops out of every list (its versions stay where they are, for the undo).

export async function refreshReports(trx: Transaction<Database>, reportIds: readonly string[]): Promise<void> {
  if (reportIds.length === 0) return;
  await sql`
    update reports r set
      latest_version_id = case when a.merged_into is not null then null else
        (select v.id from report_versions v where v.report_id = r.id order by v.last_seen desc, v.id desc limit 1) end,
      first_seen = coalesce((select min(v.first_seen) from report_versions v where v.report_id = r.id), r.first_seen),
      last_seen = coalesce((select max(v.last_seen) from report_versions v where v.report_id = r.id), r.last_seen),
      source_url = coalesce((
        select coalesce(c.final_url, c.url) from report_versions v
        join version_captures vc on vc.version_id = v.id join captures c on c.id = vc.capture_id
        where v.report_id = r.id order by c.fetched_at desc, c.id desc limit 1), r.source_url)
    from agencies a
    where a.id = r.agency_id and r.id = any(${reportIds}::bigint[])`.execute(trx);
}
