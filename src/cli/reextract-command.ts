import { parseArgs } from "node:util";
import { reextract } from "../store/reextract.ts";
import { UserError } from "./fail.ts";
import { createProgress } from "./progress.ts";
import { STORE_OPTIONS, STORE_USAGE, withStore } from "./with-store.ts";

export const REEXTRACT_USAGE = `usage: nianbao reextract [--storage DIR]

Re-runs the current extractors over every archived capture's raw bytes (nothing is fetched).
Where a report's content comes out different, a new version is recorded, tagged with the
current extractor version; the old versions are kept.

${STORE_USAGE}`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { ...STORE_OPTIONS, help: { type: "boolean", short: "h" } },
  });
  if (values.help) { console.log(REEXTRACT_USAGE); return 0; }
  if (positionals.length) throw new UserError(`reextract: takes no arguments (got '${positionals[0]}')\n${REEXTRACT_USAGE}`, 2);
  const progress = createProgress();
  const summary = await withStore(values, (db) => reextract(db, {
    onProgress: (p) => progress.step(
      `[${p.done}/${p.total}] capture ${p.captureId}: ${p.status}${p.reason ? ` (${p.reason})` : ""}`,
      { ...p },
    ),
  }));
  progress.done();
  process.stdout.write(`re-extracted ${summary.captures} capture${summary.captures === 1 ? "" : "s"} with ${summary.extractorVersion}: ${summary.newVersions} new version${summary.newVersions === 1 ? "" : "s"} (${summary.newReports} new report${summary.newReports === 1 ? "" : "s"}), ${summary.unchanged} unchanged, ${summary.skipped} skipped\n`);
  return 0;
}
