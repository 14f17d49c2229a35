import type { Kysely } from "kysely";
import type { Database } from "../database.ts";

// The record of merges and splits (`nianbao agencies changes`): who, when, what, and whether undone.

export interface AgencyChange {
  id: string;
  kind: "merge" | "split";
  agencyId: string;
  agency: string;
  otherId: string;
  other: string;
  madeBy: string;
  madeAt: Date;
  note: string | null;
  moves: unknown;
  undoneAt: Date | null;
  undoneBy: string | null;
  undoneByChange: string | null;
}

export async function listChanges(db: Kysely<Database>, options: { agencyId?: string } = {}): Promise<AgencyChange[]> {
  let q = db.selectFrom("agency_changes as c")
    .innerJoin("agencies as a", "a.id", "c.agency_id").innerJoin("agencies as o", "o.id", "c.other_id")
    .select([
      "c.id", "c.kind", "c.agency_id as agencyId", "a.name as agency", "c.other_id as otherId", "o.name as other",
      "c.made_by as madeBy", "c.made_at as madeAt", "c.note", "c.moves", "c.undone_at as undoneAt", "c.undone_by as undoneBy",
      "c.undone_by_change as undoneByChange",
    ]);
  if (options.agencyId) q = q.where((eb) => eb.or([eb("c.agency_id", "=", options.agencyId!), eb("c.other_id", "=", options.agencyId!)]));
  const rows = await q.orderBy("c.id").execute();
  return rows.map((r) => ({ ...r, moves: typeof r.moves === "string" ? JSON.parse(r.moves) : r.moves }));
}
