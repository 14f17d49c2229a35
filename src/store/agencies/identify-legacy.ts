import { sql, type Kysely } from "kysely";
import type { Database } from "../database.ts";
import { divisionIndex } from "../divisions/division-index.ts";
import { identifyAgency } from "../identity/identify-agency.ts";
import { mergeAgenciesIn } from "./merge-agencies.ts";

// Agencies archived before identities existed (schema 4 gives them a legacy key): each is
// identified by the same rules as a new document (its name, with its region code and region as
// the caller's region) and placed; one whose identity another agency already holds is merged
// into it, recorded like a merge by hand (made_by below), so `nianbao agencies split` can undo it.
// Runs when an archive opens, once: a no-op (one indexed query) when there is nothing left.

export const UPGRADE_ACTOR = "nianbao (identities of agencies archived before schema 4)";

export async function identifyLegacyAgencies(db: Kysely<Database>): Promise<{ placed: number; merged: number }> {
  const any = await db.selectFrom("agencies").select("id").where("identity_key", "like", "legacy:%").limit(1).executeTakeFirst();
  if (!any) return { placed: 0, merged: 0 };
  const index = await divisionIndex(db);
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext('nianbao.identify-legacy'))`.execute(trx);
    const rows = await trx.selectFrom("agencies").select(["id", "name", "region_code", "level", "region"])
      .where("identity_key", "like", "legacy:%").orderBy("id").forUpdate().execute();
    let placed = 0, merged = 0;
    for (const row of rows) {
      await trx.insertInto("agency_names").values({ agency_id: row.id, name: row.name }).onConflict((oc) => oc.doNothing()).execute();
      const identity = identifyAgency(index, { name: row.name, regionCode: row.region_code, region: row.region });
      const holder = await trx.selectFrom("agencies").select(["id", "merged_into"]).where("identity_key", "=", identity.key).executeTakeFirst();
      if (!holder) {
        await trx.updateTable("agencies").set({
          identity_key: identity.key, region_code: identity.regionCode ?? row.region_code, level: identity.level ?? row.level,
          region: identity.region ?? row.region, placement_note: identity.note,
        }).where("id", "=", row.id).execute();
        if (identity.regionCode) placed++;
        continue;
      }
      await trx.updateTable("agencies").set({ identity_key: `${identity.key}#${row.id}` }).where("id", "=", row.id).execute();
      await mergeAgenciesIn(trx, holder.merged_into ?? holder.id, row.id, { by: UPGRADE_ACTOR, note: `same identity (${identity.key})`, force: true });
      merged++;
    }
    return { placed, merged };
  });
}
