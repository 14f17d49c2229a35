import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { sql, type Kysely } from "kysely";
import { Migrator, type Migration, type MigrationProvider, type MigrationResultSet } from "kysely/migration";

// Schema migrations: the SQL files in migrations/ (0001_archive.sql, …), applied in file-name
// order, each once. Kysely's Migrator records them in kysely_migration, runs the pending ones in
// a transaction (a file is applied whole or not at all) and holds a PostgreSQL advisory lock
// meanwhile, so two processes migrating at once are safe. Running it again does nothing.

/** The migrations folder of the package (beside src/ and dist/). */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));

/** Reads migrations/*.sql in name order; each file is one migration, run as one SQL script. */
export class SqlFileMigrationProvider implements MigrationProvider {
  readonly dir: string;
  constructor(dir = MIGRATIONS_DIR) {
    this.dir = dir;
  }
  async getMigrations(): Promise<Record<string, Migration>> {
    const names = (await readdir(this.dir)).filter((n) => n.endsWith(".sql")).sort();
    const migrations: Record<string, Migration> = {};
    for (const name of names) {
      const text = await readFile(join(this.dir, name), "utf8");
      migrations[name.replace(/\.sql$/, "")] = {
        // No parameters: pg sends it with the simple query protocol, so one file may hold many statements.
        up: async (db: Kysely<unknown>) => { await sql.raw(text).execute(db); },
      };
    }
    return migrations;
  }
}

/** Applies the pending migrations; returns the names applied (empty when up to date). */
export async function migrate(db: Kysely<any>, dir = MIGRATIONS_DIR): Promise<string[]> {
  const migrator = new Migrator({ db, provider: new SqlFileMigrationProvider(dir) });
  const result: MigrationResultSet = await migrator.migrateToLatest();
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName;
    const message = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed ?? "?"} failed: ${message}`);
  }
  return (result.results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}
