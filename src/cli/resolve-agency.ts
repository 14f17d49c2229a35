import type { Kysely } from "kysely";
import type { Database } from "../store/database.ts";
import { findAgency, type AgencyRef } from "../store/find-agency.ts";
import { UserError } from "./fail.ts";

// An AGENCY argument → the one agency it names, or a one-line UserError listing candidates.

const describe = (a: AgencyRef) => (a.region ? `${a.name} (${a.region})` : a.name);

export async function resolveAgency(db: Kysely<Database>, name: string): Promise<AgencyRef> {
  const found = await findAgency(db, name);
  if (found.agency) return found.agency;
  const list = found.candidates.map(describe).join(", ");
  if (found.reason === "ambiguous") {
    const more = found.count > found.candidates.length ? `, … (${found.count > 50 ? "over 50" : found.count} in all)` : "";
    throw new UserError(`agency '${name}' is ambiguous: ${list}${more}; give the full name`);
  }
  throw new UserError(`no archived agency matches '${name}'${list ? `; did you mean: ${list}` : ""}; run 'nianbao reports' to list them`);
}
