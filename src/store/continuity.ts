import type { Kysely } from "kysely";
import { APPLICANT_COLUMNS } from "../extract/parse/cell-keys.ts";
import type { Database } from "./database.ts";

// carry.continuity across years of one agency (its identity: reports filed under any of its
// spellings are its reports): for consecutive years both archived, this
// year's requests.carried_over.<col> must equal last year's requests.carried_forward.<col>.
// Columns shown in only one of the two reports are not compared.

export interface ContinuityFailure { column: string; carriedForward: number; carriedOver: number }
export interface ContinuityPair {
  yearBefore: number;
  yearAfter: number;
  reportBefore: string;
  reportAfter: string;
  /** ok: every compared column agrees; not_comparable: no column shown in both. */
  status: "ok" | "failed" | "not_comparable";
  compared: number;
  failing: ContinuityFailure[];
}
export interface AgencyContinuity { agencyId: string; agency: string; region: string | null; pairs: ContinuityPair[] }

const KEYS = APPLICANT_COLUMNS.flatMap((c) => [`requests.carried_over.${c}`, `requests.carried_forward.${c}`]);

export async function checkContinuity(db: Kysely<Database>, options: { agencyId?: string } = {}): Promise<AgencyContinuity[]> {
  let q = db.selectFrom("reports as r")
    .innerJoin("agencies as a", "a.id", "r.agency_id")
    .leftJoin("report_values as rv", (j) => j.onRef("rv.version_id", "=", "r.latest_version_id").on("rv.key", "in", KEYS))
    .select(["a.id as agencyId", "a.name as agency", "a.region", "r.id as reportId", "r.year", "rv.key", "rv.value"])
    .where("r.latest_version_id", "is not", null);
  if (options.agencyId) q = q.where("r.agency_id", "=", options.agencyId);
  const rows = await q.orderBy("a.name").orderBy("a.id").orderBy("r.year").execute();

  const agencies = new Map<string, { info: AgencyContinuity; years: Map<number, { reportId: string; values: Map<string, number> }> }>();
  for (const row of rows) {
    let entry = agencies.get(row.agencyId);
    if (!entry) agencies.set(row.agencyId, entry = { info: { agencyId: row.agencyId, agency: row.agency, region: row.region, pairs: [] }, years: new Map() });
    let year = entry.years.get(row.year);
    if (!year) entry.years.set(row.year, year = { reportId: row.reportId, values: new Map() });
    if (row.key !== null && row.value !== null) year.values.set(row.key, Number(row.value));
  }
  const out: AgencyContinuity[] = [];
  for (const { info, years } of agencies.values()) {
    for (const [y, before] of years) {
      const after = years.get(y + 1);
      if (!after) continue;
      const failing: ContinuityFailure[] = [];
      let compared = 0;
      for (const column of APPLICANT_COLUMNS) {
        const forward = before.values.get(`requests.carried_forward.${column}`);
        const over = after.values.get(`requests.carried_over.${column}`);
        if (forward === undefined || over === undefined) continue;
        compared++;
        if (Math.abs(forward - over) > 1e-9) failing.push({ column, carriedForward: forward, carriedOver: over });
      }
      info.pairs.push({
        yearBefore: y, yearAfter: y + 1, reportBefore: before.reportId, reportAfter: after.reportId,
        status: compared === 0 ? "not_comparable" : failing.length ? "failed" : "ok", compared, failing,
      });
    }
    if (info.pairs.length) out.push(info);
  }
  return out;
}

