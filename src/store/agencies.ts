import { sql, type Kysely } from "kysely";
import type { Database } from "./database.ts";

// Creates an agency by its identity (name + region code), once even when two transactions ask
// at the same moment (insert … on conflict do nothing waits for the other). Finding it is the
// caller's statement: archiveExtraction's report upsert looks the agency up by the same identity.

export interface NewAgency {
  name: string;
  regionCode?: string | null;
  region?: string | null;
}

export async function createAgency(db: Kysely<Database>, agency: NewAgency): Promise<void> {
  await sql`insert into agencies (name, region_code, region) values (${agency.name}, ${agency.regionCode ?? null}, ${agency.region ?? null})
    on conflict (name, coalesce(region_code, '')) do nothing`.execute(db);
}
