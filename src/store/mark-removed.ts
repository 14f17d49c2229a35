import { sql, type Kysely } from "kysely";
import type { Database } from "./database.ts";

// A report gone from its portal: removed_at is set, nothing is deleted. A later sighting (an
// ingest or crawl with a later fetched_at) clears it again (see archive-extraction.ts).

/** Marks the report removed at `at` (kept if already marked earlier); false if no such report. */
export async function markRemoved(db: Kysely<Database>, reportId: string, at: Date = new Date()): Promise<boolean> {
  const result = await db.updateTable("reports")
    .set({ removed_at: sql`coalesce(removed_at, ${at}::timestamptz)` })
    .where("id", "=", reportId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
