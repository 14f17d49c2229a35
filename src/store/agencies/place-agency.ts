import type { Kysely } from "kysely";
import type { Database } from "../database.ts";
import { divisionIndex } from "../divisions/division-index.ts";
import { identifyAgency, type AgencyIdentity } from "../identity/identify-agency.ts";
import { StoreError } from "../store-error.ts";
import { lockAgencies, mergeAgenciesIn, type ChangeOptions, type MergeResult } from "./merge-agencies.ts";

// A region settling an unplaced identity after the fact (nianbao agencies place AGENCY --region …):
// its names and the region given must place it by the same rules as at ingest — nothing is
// guessed. It then joins the placed identity: the one that already has that place and role, or a
// new one made for it. The join is a recorded merge, so `nianbao agencies split` undoes it (the
// new identity, if one was made, is then left without reports).

export interface PlaceResult extends MergeResult {
  identity: AgencyIdentity;
  /** A placed identity was made for it (none had that place and role yet). */
  created: boolean;
}

export async function placeAgency(
  db: Kysely<Database>, agencyId: string, where: { region?: string; regionCode?: string }, options: ChangeOptions,
): Promise<PlaceResult> {
  const index = await divisionIndex(db);
  return db.transaction().execute(async (trx) => {
    const [a] = await lockAgencies(trx, [agencyId]);
    if (!a) throw new StoreError(`no agency with id ${agencyId}; run 'nianbao agencies' to list them`);
    if (a.merged_into) throw new StoreError(`agency ${a.id} (${a.name}) was merged into agency ${a.merged_into}; name that one`);
    if (a.region_code && a.level) throw new StoreError(`${a.name} is already placed at ${a.region_code} (${a.region})`);
    const names = (await trx.selectFrom("agency_names").select("name").where("agency_id", "=", a.id).execute()).map((n) => n.name);
    const identity = identifyAgency(index, { name: a.name, names, ...where });
    if (!identity.regionCode) {
      throw new StoreError(`${a.name} is not placed by that region: ${identity.warnings.join("; ") || "its names and the region do not settle one division"}`);
    }
    const holder = await trx.selectFrom("agencies").select(["id", "merged_into"]).where("identity_key", "=", identity.key).executeTakeFirst();
    let target = holder ? holder.merged_into ?? holder.id : undefined;
    if (target === a.id) throw new StoreError(`${a.name} already has the identity ${identity.key}`);
    const created = !target;
    if (!target) {
      const made = await trx.insertInto("agencies").values({
        name: a.name, identity_key: identity.key, region_code: identity.regionCode, level: identity.level, region: identity.region,
      }).returning("id").executeTakeFirstOrThrow();
      target = made.id;
      await trx.insertInto("agency_names").values({ agency_id: target, name: a.name }).execute();
    }
    const place = [where.region, where.regionCode].filter(Boolean).join(" ");
    const merged = await mergeAgenciesIn(trx, target, a.id, { ...options, note: options.note ?? `placed by region ${place}` });
    return { ...merged, identity, created };
  });
}
