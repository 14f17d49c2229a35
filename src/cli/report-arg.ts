import type { Kysely } from "kysely";
import type { Database } from "../store/database.ts";
import { archivedYears, findReport, type ReportRef } from "../store/find-report.ts";
import { parseYear } from "./cli-args.ts";
import { UserError } from "./fail.ts";
import { resolveAgency } from "./resolve-agency.ts";

// A REPORT argument: a report id, or "AGENCY YEAR" (one argument or two).

export async function resolveReport(db: Kysely<Database>, args: readonly string[], usage: string): Promise<ReportRef> {
  let agency: string, yearText: string;
  if (args.length === 1 && /^\d+$/.test(args[0].trim()) && !/^(19|20)\d\d$/.test(args[0].trim())) {
    const report = await findReport(db, { id: args[0].trim() });
    if (!report) throw new UserError(`no report with id ${args[0]}; run 'nianbao reports' to list them`);
    return report;
  }
  if (args.length === 1) {
    const m = /^(.*\S)\s+(\d{4})$/.exec(args[0].trim());
    if (!m) throw new UserError(`give a report id or "AGENCY YEAR", not '${args[0]}'\n${usage}`, 2);
    [agency, yearText] = [m[1], m[2]];
  } else if (args.length === 2) {
    [agency, yearText] = [args[0], args[1]];
  } else {
    throw new UserError(`give one report: an id or AGENCY YEAR\n${usage}`, 2);
  }
  const year = parseYear(yearText);
  const found = await resolveAgency(db, agency);
  const report = await findReport(db, { agencyId: found.id, year });
  if (!report) {
    const years = await archivedYears(db, found.id);
    throw new UserError(`no ${year} report of ${found.name} in the archive${years.length ? ` (archived years: ${years.join(", ")})` : ""}`);
  }
  return report;
}
