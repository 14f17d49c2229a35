import { sql, type Kysely } from "kysely";
import type { Database } from "../database.ts";
import type { AgencyIdentity } from "../identity/identify-agency.ts";

// Creates an agency by its identity key, once even when two transactions ask at the same
// moment (insert … on conflict do nothing waits for the other). Finding it is the caller's
// statement: archiveExtraction's report upsert looks the agency up by the same key.

export async function createAgency(db: Kysely<Database>, name: string, identity: AgencyIdentity): Promise<void> {
  await sql`insert into agencies (name, identity_key, region_code, level, region, placement_note)
    values (${name}, ${identity.key}, ${identity.regionCode}, ${identity.level}, ${identity.region}, ${identity.note})
    on conflict (identity_key) do nothing`.execute(db);
}
