import { parseArgs } from "node:util";
import { diffYears } from "../store/year-diff.ts";
import { parseYear } from "./cli-args.ts";
import { UserError } from "./fail.ts";
import { colorEnabled, paint } from "./format/ansi.ts";
import { diffJson } from "./format/diff-json.ts";
import { formatRecordDiff } from "./format/format-record-diff.ts";
import { resolveAgency } from "./resolve-agency.ts";
import { QUERY_OPTIONS, STORE_USAGE, withStore } from "./with-store.ts";

export const USAGE = `usage: nianbao diff AGENCY YEAR_A YEAR_B [--json]

Year over year for one agency (current versions): every changed cell with both values and the
delta (cells shown in one year only listed as such), the accounting identities whose status
changed, and the text of each section, compared sentence by sentence and then character by
character. Colour on a terminal (not with NO_COLOR); --json for machines.

${STORE_USAGE}`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: QUERY_OPTIONS,
  });
  if (values.help) { console.log(USAGE); return 0; }
  if (positionals.length !== 3) throw new UserError(`diff: give AGENCY YEAR_A YEAR_B\n${USAGE}`, 2);
  const [name, a, b] = positionals;
  const yearA = parseYear(a, "YEAR_A"), yearB = parseYear(b, "YEAR_B");
  const { agency, result } = await withStore(values, async (db) => {
    const agency = await resolveAgency(db, name);
    return { agency, result: await diffYears(db, agency.id, yearA, yearB) };
  });
  if (!result.diff) {
    const archived = result.archived.length ? `archived years: ${result.archived.join(", ")}` : "no reports archived";
    throw new UserError(`no ${result.missing.join(" or ")} report of ${agency.name} in the archive (${archived})`);
  }
  const d = result.diff;
  if (values.json) {
    const side = (s: typeof d.before) => ({ year: s.year, report_id: s.reportId, version_id: s.versionId, template: s.template });
    process.stdout.write(`${JSON.stringify({ agency: agency.name, agency_id: agency.id, before: side(d.before), after: side(d.after), ...diffJson(d) }, null, 2)}\n`);
    return 0;
  }
  const p = paint(colorEnabled());
  process.stdout.write(p.bold(`${agency.name}: ${yearA} (report ${d.before.reportId}, version ${d.before.versionId}) → ${yearB} (report ${d.after.reportId}, version ${d.after.versionId})`) + "\n");
  if (d.before.template !== d.after.template) process.stdout.write(p.yellow(`template changed: ${d.before.template} → ${d.after.template}`) + "\n");
  process.stdout.write("\n" + formatRecordDiff(d, { before: String(yearA), after: String(yearB) }, p));
  return 0;
}
