import { parseArgs } from "node:util";
import { isEmptyDiff } from "../store/diff/record-diff.ts";
import { reportHistory } from "../store/report-history.ts";
import { UserError } from "./fail.ts";
import { colorEnabled, paint } from "./format/ansi.ts";
import { diffJson } from "./format/diff-json.ts";
import { formatRecordDiff } from "./format/format-record-diff.ts";
import { formatTime } from "./format/time.ts";
import { resolveReport } from "./report-arg.ts";
import { QUERY_OPTIONS, STORE_USAGE, withStore } from "./with-store.ts";

export const USAGE = `usage: nianbao history AGENCY YEAR [--json]
       nianbao history REPORT_ID [--json]

The versions of one report in the order they appeared (first seen), each with what changed
since the one before: cells (both values and the delta), checks, and text.

${STORE_USAGE}`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: QUERY_OPTIONS,
  });
  if (values.help) { console.log(USAGE); return 0; }
  if (positionals.length === 0) throw new UserError(`history: give AGENCY YEAR\n${USAGE}`, 2);
  const { report, history } = await withStore(values, async (db) => {
    const report = await resolveReport(db, positionals, USAGE);
    return { report, history: await reportHistory(db, report.id) };
  });
  if (values.json) {
    process.stdout.write(`${JSON.stringify({
      report_id: report.id, agency: report.agency, year: report.year,
      versions: history.map((h) => ({
        version_id: h.versionId, extractor_version: h.extractorVersion, template: h.template,
        first_seen: h.firstSeen.toISOString(), last_seen: h.lastSeen.toISOString(), changes: h.changes && diffJson(h.changes),
      })),
    }, null, 2)}\n`);
    return 0;
  }
  const p = paint(colorEnabled());
  process.stdout.write(p.bold(`${report.agency} ${report.year} (report ${report.id}): ${history.length} version${history.length === 1 ? "" : "s"}`) + "\n");
  history.forEach((h, i) => {
    process.stdout.write(`\n${p.bold(`version ${h.versionId}`)}  first seen ${formatTime(h.firstSeen)}  last seen ${formatTime(h.lastSeen)}  extractor ${h.extractorVersion}  template ${h.template}\n`);
    if (!h.changes) { process.stdout.write(p.dim("  the first version\n")); return; }
    if (isEmptyDiff(h.changes)) { process.stdout.write(p.dim("  no change in cells, checks or section text (other metadata differs)\n")); return; }
    const prev = history[i - 1].versionId;
    const body = formatRecordDiff(h.changes, { before: `v${prev}`, after: `v${h.versionId}` }, p);
    process.stdout.write(body.split("\n").map((l) => (l ? `  ${l}` : l)).join("\n"));
  });
  return 0;
}
