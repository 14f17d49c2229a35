import { extractCommand, EXTRACT_USAGE } from "./extract-command.ts";

// The subcommands of `nianbao`: name → runner (returns the exit code) and one-line summary.
// Each command lives in its own file; the archive commands load theirs on demand so that
// `nianbao extract` never loads the database driver.

export interface Command {
  summary: string;
  run: (argv: string[]) => Promise<number>;
}

const lazy = (load: () => Promise<{ run: (argv: string[]) => Promise<number> }>) => async (argv: string[]) => (await load()).run(argv);

export const COMMANDS: Record<string, Command> = {
  extract: { summary: "extract report records (JSON) or canonical text from documents", run: extractCommand },
  ingest: { summary: "extract local files or folders and archive them", run: lazy(() => import("./ingest-command.ts")) },
  reextract: { summary: "re-run the current extractors over the archived raw captures", run: lazy(() => import("./reextract-command.ts")) },
  agencies: { summary: "agency identities (names, aliases, division, years); merge, place, split", run: lazy(() => import("./agencies-command.ts")) },
  reports: { summary: "list archived reports", run: lazy(() => import("./reports-command.ts")) },
  show: { summary: "one report: metadata, tables, checks, versions", run: lazy(() => import("./show-command.ts")) },
  diff: { summary: "year over year: changed cells, identities, section text", run: lazy(() => import("./diff-command.ts")) },
  history: { summary: "what changed between the versions of one report, and when", run: lazy(() => import("./history-command.ts")) },
  search: { summary: "full-text search over report text (Chinese-aware)", run: lazy(() => import("./search-command.ts")) },
  export: { summary: "export the latest versions as JSONL, CSV or Parquet (long or wide)", run: lazy(() => import("./export-command.ts")) },
  check: { summary: "cross-year checks (--continuity)", run: lazy(() => import("./check-command.ts")) },
  crawl: { summary: "crawl portals for annual reports and archive them (--demo: a local demo portal)", run: lazy(() => import("./crawl-command.ts")) },
  portals: { summary: "the portal registry: list, add, import", run: lazy(() => import("./portals-command.ts")) },
  serve: { summary: "serve the archive as a website and JSON API (read-only)", run: lazy(() => import("./serve-command.ts")) },
  db: { summary: "keep the archive's PostgreSQL running; print a read-only connection URL", run: lazy(() => import("./db-command.ts")) },
};

export { EXTRACT_USAGE };
