import type { Kysely } from "kysely";
import type { Database } from "../store/database.ts";
import { findAgency, type AgencyRef } from "../store/find-agency.ts";
import { badRequest, notFound } from "./http-error.ts";

// agency= as the CLI takes it: an id, an exact name or a unique part of one. A part that fits
// several is a 400 listing them; no match is a 404 with the nearest names.

export async function resolveAgencyParam(db: Kysely<Database>, text: string): Promise<AgencyRef> {
  const found = await findAgency(db, text);
  if (found.agency) return found.agency;
  const candidates = found.candidates.map((c) => ({ id: c.id, name: c.name, region: c.region }));
  if (found.reason === "ambiguous") {
    throw badRequest(`机关“${text}”不唯一：有 ${found.count > 50 ? "50 个以上" : found.count} 个机关符合，请给出完整名称或编号`, { parameter: "agency", candidates, count: found.count });
  }
  throw notFound(`档案中没有名称含“${text}”的机关`, { parameter: "agency", candidates });
}
