import { sql, type Kysely } from "kysely";
import type { Database } from "./database.ts";

// Agencies by identity (name + region code): found, or created once even when two transactions
// ask at the same moment (insert … on conflict do nothing waits for the other, then finds it).

export interface AgencyRef {
  name: string;
  regionCode?: string | null;
  region?: string | null;
}

export async function findOrCreateAgency(db: Kysely<Database>, agency: AgencyRef): Promise<string> {
  const regionCode = agency.regionCode ?? null;
  const find = () =>
    db.selectFrom("agencies").select("id")
      .where("name", "=", agency.name)
      .where(sql`coalesce(region_code, '')`, "=", regionCode ?? "")
      .executeTakeFirst();
  const found = await find();
  if (found) {
    if (agency.region) {
      await db.updateTable("agencies").set({ region: agency.region }).where("id", "=", found.id).where("region", "is", null).execute();
    }
    return found.id;
  }
  await sql`insert into agencies (name, region_code, region) values (${agency.name}, ${regionCode}, ${agency.region ?? null})
    on conflict (name, coalesce(region_code, '')) do nothing`.execute(db);
  const created = await find();
  if (!created) throw new Error(`agency ${agency.name} could not be created`);
  return created.id;
}
