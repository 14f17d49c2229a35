import { readFile, stat } from "node:fs/promises";
import { basename, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { detectFormat } from "../extract/detect-format.ts";
import { MAX_INPUT_BYTES } from "../extract/limits.ts";
import { ingestDocument, type IngestResult } from "../store/ingest-document.ts";
import { collectFiles } from "./collect-files.ts";
import { describeError, UserError } from "./fail.ts";
import { createProgress } from "./progress.ts";
import { STORE_OPTIONS, STORE_USAGE, withStore } from "./with-store.ts";

export const INGEST_USAGE = `usage: nianbao ingest PATH… [--agency NAME] [--year N] [--region PLACES] [--region-code CODE] [--url URL] [--storage DIR]

Extracts local documents (PDF, DOCX, DOC, HTML, text) and archives them: the raw bytes, and a
new version of the report when its content is new. Folders are read recursively; the files in
them that are documents (by their bytes) are ingested. A file that is no report is recorded as
skipped, with the reason.

  --agency NAME   the issuing agency, when the documents do not name it (or name it badly)
  --year N        the year reported on, likewise
  --region PLACES where the agency sits, e.g. 山西省/吕梁市/孝义市: places an agency whose name
                  alone fits several divisions (高平镇人民政府), or names none (县发改局)
  --region-code CODE  the same as a 行政区划代码: 6 digits (county and above), 9 (乡镇/街道) or 12
  --url URL       where the document was published (one file only)

Each report is filed under its agency's identity (see 'nianbao agencies'): the spellings of one
body (海原县西安镇人民政府, 西安镇人民政府) are one agency, placed at its division when the name and
region settle it; a name that fits several divisions is left unplaced, with a warning.

${STORE_USAGE}`;

const DOCUMENT_FORMATS = new Set(["pdf", "docx", "doc", "html", "text"]);
const MB = 1024 * 1024;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...STORE_OPTIONS,
      agency: { type: "string" },
      year: { type: "string" },
      region: { type: "string" },
      "region-code": { type: "string" },
      url: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) { console.log(INGEST_USAGE); return 0; }
  if (positionals.length === 0) throw new UserError(`ingest: no file or folder given\n${INGEST_USAGE}`, 2);
  let year: number | undefined;
  if (values.year !== undefined) {
    year = Number(values.year);
    if (!/^\d{4}$/.test(values.year) || year < 1990 || year > 2100) throw new UserError(`ingest: --year ${values.year} is not a year between 1990 and 2100`, 2);
  }
  const agency = values.agency?.trim() || undefined;
  const region = values.region?.trim() || undefined;
  const regionCode = values["region-code"]?.trim() || undefined;
  if (regionCode !== undefined && !/^\d{6}(\d{3}(\d{3})?)?$/.test(regionCode)) {
    throw new UserError(`ingest: --region-code ${regionCode} is not a 行政区划代码 (6, 9 or 12 digits)`, 2);
  }

  const { files, errors, passedOver } = await collectFiles(positionals);
  if (values.url && (files.length !== 1 || !files[0].explicit)) {
    throw new UserError("ingest: --url names where ONE document was published; give exactly one file with it", 2);
  }
  const progress = createProgress();
  for (const e of errors) progress.step(`nianbao: ${e}`, { status: "failed", error: e });

  const results: { file: string; result: IngestResult }[] = [];
  const failed: string[] = [...errors];
  let notDocuments = passedOver;
  const warnings = new Set<string>();
  await withStore(values, async (db) => {
    for (const [i, file] of files.entries()) {
      const shown = displayName(file.path);
      const counter = `[${i + 1}/${files.length}]`;
      try {
        const size = (await stat(file.path)).size;
        if (size > MAX_INPUT_BYTES) throw new UserError(`${shown}: ${(size / MB).toFixed(0)} MB is over the ${MAX_INPUT_BYTES / MB} MB limit for one document`);
        const bytes = await readFile(file.path);
        if (!file.explicit && !DOCUMENT_FORMATS.has(detectFormat(bytes))) {
          notDocuments++;
          continue;
        }
        progress.step(`${counter} ${shown} …`);
        const result = await ingestDocument(db, {
          bytes,
          url: values.url ?? pathToFileURL(file.path).href,
          fetchedAt: new Date(),
          origin: "ingest",
          agency,
          year,
          region,
          regionCode,
        });
        results.push({ file: shown, result });
        progress.step(`${counter} ${shown}: ${describeResult(result)}`, { file: shown, ...result });
        if (result.status !== "skipped") for (const w of result.warnings) warnings.add(w);
      } catch (err) {
        const message = describeError(err);
        failed.push(message.startsWith(shown) ? message : `${shown}: ${message}`);
        progress.step(`${counter} ${shown}: failed: ${message}`, { file: shown, status: "failed", error: message });
        if (process.env.NIANBAO_DEBUG) console.error(err);
      }
    }
  });
  progress.done();
  process.stdout.write(summary(results, failed, notDocuments));
  for (const w of warnings) process.stderr.write(`nianbao: warning: ${w}\n`);
  return failed.length ? 1 : 0;
}

function displayName(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith("..") ? rel : path || basename(path);
}

function describeResult(r: IngestResult): string {
  if (r.status === "skipped") return `skipped: ${r.reason}`;
  const what = r.status === "new" ? (r.newReport ? "new report" : "new version") : "unchanged";
  return `${what}: ${r.agency} ${r.year} (version ${r.versionId})`;
}

function summary(results: { file: string; result: IngestResult }[], failed: string[], notDocuments: number): string {
  const count = (f: (r: IngestResult) => boolean) => results.filter((x) => f(x.result)).length;
  const archived = count((r) => r.status !== "skipped");
  const newVersions = count((r) => r.status === "new");
  const newReports = count((r) => r.status === "new" && r.newReport);
  const unchanged = count((r) => r.status === "unchanged");
  const skipped = results.filter((x) => x.result.status === "skipped");
  const lines = [
    `ingested ${results.length} document${results.length === 1 ? "" : "s"}: ${archived} archived (${newVersions} new version${newVersions === 1 ? "" : "s"}, of which ${newReports} new report${newReports === 1 ? "" : "s"}; ${unchanged} unchanged), ${skipped.length} skipped, ${failed.length} failed${notDocuments ? `; ${notDocuments} file${notDocuments === 1 ? "" : "s"} in folders ignored (not documents)` : ""}`,
  ];
  for (const { file, result } of skipped) if (result.status === "skipped") lines.push(`  skipped ${file}: ${result.reason}`);
  for (const f of failed) lines.push(`  failed ${f}`);
  return `${lines.join("\n")}\n`;
}
