import { parseArgs } from "node:util";
import { reportDetail } from "../store/report-detail.ts";
import { snakeKeys } from "./cli-args.ts";
import { UserError } from "./fail.ts";
import { colorEnabled, paint } from "./format/ansi.ts";
import { formatReport } from "./format/format-report.ts";
import { resolveReport } from "./report-arg.ts";
import { QUERY_OPTIONS, STORE_USAGE, withStore } from "./with-store.ts";

export const USAGE = `usage: nianbao show REPORT [--json]

One archived report: metadata, tables 二/三/四 as on the form (blank where the document shows
nothing), checks, and every version with the captures (URL, sha256) it was extracted from.
REPORT is a report id (see 'nianbao reports') or AGENCY YEAR, e.g. nianbao show 大孝堡镇人民政府 2023.
An AGENCY is matched by its exact name, else by a unique part of it.

${STORE_USAGE}`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: QUERY_OPTIONS,
  });
  if (values.help) { console.log(USAGE); return 0; }
  if (positionals.length === 0) throw new UserError(`show: no report given\n${USAGE}`, 2);
  const detail = await withStore(values, async (db) => {
    const report = await resolveReport(db, positionals, USAGE);
    return reportDetail(db, report.id);
  });
  if (!detail) throw new UserError("show: the report has no stored version; re-ingest it");
  if (values.json) {
    process.stdout.write(`${JSON.stringify(snakeKeys(detail), null, 2)}\n`);
  } else {
    process.stdout.write(formatReport(detail, paint(colorEnabled())));
  }
  return 0;
}
