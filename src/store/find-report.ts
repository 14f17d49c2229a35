import type { Kysely } from "kysely";
import type { Database } from "./database.ts";

// One report, by its id or by agency and year.

export interface ReportRef { id: string; agencyId: string; agency: string; year: number }

export async function findReport(db: Kysely<Database>, by: { id: string } | { agencyId: string; year: number }): Promise<ReportRef | null> {
  let q = db.selectFrom("reports as r").innerJoin("agencies as a", "a.id", "r.agency_id")
    .select(["r.id", "r.agency_id as agencyId", "a.name as agency", "r.year"]);
  q = "id" in by ? q.where("r.id", "=", by.id) : q.where("r.agency_id", "=", by.agencyId).where("r.year", "=", by.year);
  return (await q.executeTakeFirst()) ?? null;
}

/** The years archived for an agency, ascending (for messages like "archived: 2021, 2022"). */
export async function archivedYears(db: Kysely<Database>, agencyId: string): Promise<number[]> {
  const rows = await db.selectFrom("reports").select("year").where("agency_id", "=", agencyId).where("latest_version_id", "is not", null).orderBy("year").execute();
  return rows.map((r) => r.year);
}
