import { parseArgs } from "node:util";
import { listReports, type ReportFilter, type ReportSummary } from "../store/list-reports.ts";
import { parseYear, snakeKeys } from "./cli-args.ts";
import { UserError } from "./fail.ts";
import { colorEnabled, paint } from "./format/ansi.ts";
import { truncate } from "./format/display-width.ts";
import { textTable } from "./format/text-table.ts";
import { formatDate } from "./format/time.ts";
import { QUERY_OPTIONS, STORE_USAGE, withStore } from "./with-store.ts";

export const USAGE = `usage: nianbao reports [--agency TEXT] [--region TEXT] [--year N] [--template 2021|2019|none] [--failed-checks] [--json]

Lists the archived reports (their current versions): id, agency, year, template, number of
versions, failed checks, removal date and source URL. --agency matches a part of an agency's
name or of one of its aliases (other spellings, see 'nianbao agencies'); --region a 行政区划代码
prefix (6405, 640522: the agencies placed there or within) or a part of the place names (海原).
--json prints one JSON object per line.

${STORE_USAGE}`;

const TEMPLATES = ["2021", "2019", "none"] as const;

/** The list as a terminal table. */
export function formatReportList(reports: readonly ReportSummary[], color: boolean): string {
  const p = paint(color);
  const rows = reports.map((r) => [
    r.id, truncate(r.agency, 30), String(r.year), r.template, String(r.versions),
    r.failedChecks.length ? p.red(r.failedChecks.join(",")) : "", formatDate(r.removedAt), r.sourceUrl ?? "",
  ]);
  return textTable(["id", "agency", "year", "template", "versions", "failed checks", "removed", "source"], rows, { right: [0, 4], header: p.bold });
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...QUERY_OPTIONS,
      agency: { type: "string" }, region: { type: "string" }, year: { type: "string" }, template: { type: "string" },
      "failed-checks": { type: "boolean" },
    },
  });
  if (values.help) { console.log(USAGE); return 0; }
  if (positionals.length) throw new UserError(`reports: unexpected argument '${positionals[0]}'; filter with --agency, --region, --year`, 2);
  const filter: ReportFilter = { agency: values.agency, region: values.region, failedChecks: values["failed-checks"] };
  if (values.year !== undefined) filter.year = parseYear(values.year, "--year");
  if (values.template !== undefined) {
    if (!(TEMPLATES as readonly string[]).includes(values.template)) throw new UserError(`--template must be 2021, 2019 or none, not '${values.template}'`, 2);
    filter.template = values.template as ReportFilter["template"];
  }
  const reports = await withStore(values, (db) => listReports(db, filter));
  if (values.json) {
    for (const r of reports) process.stdout.write(`${JSON.stringify(snakeKeys(r))}\n`);
    return 0;
  }
  if (reports.length === 0) { process.stderr.write("nianbao: no archived reports match\n"); return 0; }
  process.stdout.write(formatReportList(reports, colorEnabled()));
  process.stdout.write(`${reports.length} report${reports.length === 1 ? "" : "s"}\n`);
  return 0;
}
