import { parseArgs } from "node:util";
import { searchable, searchReports, type SearchHit } from "../store/search-reports.ts";
import { parseCount, parseYear, snakeKeys } from "./cli-args.ts";
import { UserError } from "./fail.ts";
import { colorEnabled, paint, type Paint } from "./format/ansi.ts";
import { QUERY_OPTIONS, STORE_USAGE, withStore } from "./with-store.ts";

export const USAGE = `usage: nianbao search QUERY [--limit N] [--year N] [--agency TEXT] [--json]

Full-text search over the text of the current version of every archived report. Chinese needs
no spaces: each word of the query is found as written (its character bigrams in order), all
words required; if no report has them so, reports holding every bigram in any order are listed.
Ranked by relevance, each hit with the text around its first occurrence. --limit defaults to 20.
--agency matches a part of the agency name. --json prints one JSON object per line.

${STORE_USAGE}`;

export function formatHits(hits: readonly SearchHit[], p: Paint): string {
  const out: string[] = [];
  for (const h of hits) {
    out.push(`${p.bold(`${h.agency} ${h.year}`)}  ${p.dim(`report ${h.reportId} · rank ${h.rank.toFixed(3)}`)}`);
    if (h.snippet) out.push(`  …${h.snippet.before}${p.enabled ? p.yellow(p.mark(h.snippet.hit)) : h.snippet.hit}${h.snippet.after}…`);
  }
  return out.join("\n") + "\n";
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...QUERY_OPTIONS, limit: { type: "string" }, year: { type: "string" }, agency: { type: "string" } },
  });
  if (values.help) { console.log(USAGE); return 0; }
  const query = positionals.join(" ").trim();
  if (!query) throw new UserError(`search: no query given\n${USAGE}`, 2);
  if (!searchable(query)) throw new UserError(`search: '${query}' has no letters, digits or Chinese characters to search for`, 2);
  const limit = parseCount(values.limit, "--limit", 1000) ?? 20;
  const year = values.year !== undefined ? parseYear(values.year, "--year") : undefined;
  const hits = await withStore(values, (db) => searchReports(db, query, { limit, year, agency: values.agency }));
  if (values.json) {
    for (const h of hits) process.stdout.write(`${JSON.stringify(snakeKeys(h))}\n`);
    return 0;
  }
  if (hits.length === 0) { process.stderr.write(`nianbao: no archived report text matches '${query}'\n`); return 0; }
  process.stdout.write(formatHits(hits, paint(colorEnabled())));
  return 0;
}
