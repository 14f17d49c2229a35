import type { Kysely } from "kysely";
import type { Database } from "../store/database.ts";
import { findAgency, type AgencyRef } from "../store/find-agency.ts";
import { UserError } from "./fail.ts";

// An AGENCY argument → the one agency identity it names (an id, an exact name or alias, another
// spelling of a known identity, or a unique part), or a one-line UserError listing candidates
// (exit 2 when ambiguous: the command line needs to say more).

const describe = (a: AgencyRef) => `${a.name} (id ${a.id}${a.region ? `, ${a.region}` : ""})`;

export async function resolveAgency(db: Kysely<Database>, name: string): Promise<AgencyRef> {
  const found = await findAgency(db, name);
  if (found.agency) return found.agency;
  const list = found.candidates.map(describe).join(", ");
  if (found.reason === "ambiguous") {
    const more = found.count > found.candidates.length ? `, … (${found.count > 50 ? "over 50" : found.count} in all)` : "";
    throw new UserError(`agency '${name}' is ambiguous: ${list}${more}; give the full name or the id`, 2);
  }
  throw new UserError(`no archived agency matches '${name}'${list ? `; did you mean: ${list}` : ""}; run 'nianbao reports' to list them`);
}
