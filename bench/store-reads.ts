import { sql, type CompiledQuery, type Kysely } from "kysely";
import type { Database } from "../src/store/database.ts";
import { keyAcrossReports } from "../src/store/key-across-reports.ts";
import { diffYears } from "../src/store/year-diff.ts";
import { explainQueries, seqScans, usesIndex } from "./store-explain.ts";
import { measureLatency } from "./store-latency.ts";
import type { PlanCheck, ReadFigures } from "./store-results.ts";

// The two research reads the archive promises to answer fast, timed and explained:
// the year-over-year diff of one agency (the read side's diffYears, a different agency each
// run) and one cell key across all agencies and years (keyAcrossReports, and the same through
// the latest_values view, as a researcher would type it in psql).

export const KEY = "requests.new.total";

export interface ReadsInput {
  db: Kysely<Database>;
  /** A handle that records the queries it runs into `sink`. */
  recordingDb(sink: CompiledQuery[]): Kysely<Database>;
  agencyIds: string[];
  years: [number, number];
  reports: number;
  runs: number;
}

async function timedAndExplained(what: string, input: ReadsInput, read: (db: Kysely<Database>, i: number) => Promise<void>): Promise<ReadFigures> {
  const latency = await measureLatency((i) => read(input.db, i), input.runs);
  const recorded: CompiledQuery[] = [];
  await read(input.recordingDb(recorded), 0);
  return { what, ...latency, plans: await explainQueries(input.db, recorded) };
}

export async function measureReads(input: ReadsInput): Promise<{ reads: Record<"yearDiff" | "keyAcross" | "keyAcrossView", ReadFigures>; checks: PlanCheck[] }> {
  const { agencyIds, years, reports } = input;
  const yearDiff = await timedAndExplained(`diffYears(agency, ${years[0]}, ${years[1]}), a different agency each run`, input, async (db, i) => {
    const agencyId = agencyIds[((i + 100) * 7919) % agencyIds.length];
    const result = await diffYears(db, agencyId, years[0], years[1]);
    if (!result.diff || result.diff.cells.length === 0) throw new Error(`diffYears(${agencyId}) found no diff`);
  });
  const keyAcross = await timedAndExplained(`keyAcrossReports('${KEY}')`, input, async (db) => {
    const rows = await keyAcrossReports(db, KEY);
    if (rows.length !== reports) throw new Error(`keyAcrossReports returned ${rows.length} rows, expected ${reports}`);
  });
  const keyAcrossView = await timedAndExplained(`select agency, year, value from latest_values where key = '${KEY}'`, input, async (db) => {
    const { rows } = await sql`select agency, year, value from latest_values where key = ${KEY}`.execute(db);
    if (rows.length !== reports) throw new Error(`latest_values returned ${rows.length} rows for ${KEY}, expected ${reports}`);
  });

  const checks: PlanCheck[] = [];
  for (const [read, figures] of [["keyAcrossReports", keyAcross], ["latest_values view", keyAcrossView]] as const) {
    const ok = usesIndex(figures.plans, "report_values_key");
    checks.push({ read, level: ok ? "ok" : "failed", line: `${read}: ${ok ? "reads" : "does NOT read"} the index report_values_key` });
  }
  for (const [read, figures] of [["diffYears", yearDiff], ["keyAcrossReports", keyAcross], ["latest_values view", keyAcrossView]] as const) {
    if (seqScans(figures.plans, "report_values")) checks.push({ read, level: "warning", line: `${read}: Seq Scan on report_values (the whole table)` });
  }
  const pkey = usesIndex(yearDiff.plans, "report_values_pkey");
  checks.push({ read: "diffYears", level: pkey ? "ok" : "warning", line: `diffYears: ${pkey ? "reads" : "does not read"} its two versions' values through report_values_pkey` });
  return { reads: { yearDiff, keyAcross, keyAcrossView }, checks };
}
