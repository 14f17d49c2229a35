import { existsSync, rmSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Kysely, PostgresDialect, type CompiledQuery } from "kysely";
import pg from "pg";
import type { Database } from "../src/store/database.ts";
import { openStore, type Store } from "../src/store/open-store.ts";

// A throw-away archive for the store benchmark: openStore on a fresh embedded PostgreSQL in a
// temp storage folder (DATABASE_URL is ignored), stopped and deleted at the end, also on exit
// or Ctrl-C. Extra connections it hands out use the store's application_name, so that
// Store.close() does not take them for another nianbao still at work.

export interface TempArchive {
  store: Store;
  db: Kysely<Database>;
  dir: string;
  url: string;
  /** A raw pg client on the archive (for COPY and bulk baselines); ended by close(). */
  client(): Promise<pg.Client>;
  /** A Kysely handle that records every query it runs (for EXPLAIN); destroyed by close(). */
  recordingDb(sink: CompiledQuery[]): Kysely<Database>;
  close(): Promise<void>;
}

const applicationName = () => `nianbao/${process.pid}`;

export async function openTempArchive(onProgress: (line: string) => void): Promise<TempArchive> {
  if (process.env.DATABASE_URL) {
    onProgress("DATABASE_URL is set; ignored: the benchmark runs on its own embedded server");
    delete process.env.DATABASE_URL;
  }
  const dir = await mkdtemp(join(tmpdir(), "nianbao-bench-store-"));
  const removeDir = () => {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch (err) {
      process.stderr.write(`could not remove ${dir}: ${(err as Error).message}; remove it by hand\n`);
    }
  };
  let store: Store;
  try {
    store = await openStore({ storage: dir, onProgress });
  } catch (err) {
    removeDir();
    throw err;
  }
  const embedded = store.embedded;
  if (!embedded) throw new Error("openStore did not start an embedded server");
  // Registered after the embedded server's own handlers, so these run after it has stopped.
  process.on("exit", removeDir);
  const onSignal = (signal: NodeJS.Signals) => {
    removeDir();
    process.exit(signal === "SIGINT" ? 130 : 143);
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  const url = embedded.url();
  const clients: pg.Client[] = [];
  const extraDbs: Kysely<Database>[] = [];
  return {
    store,
    db: store.db,
    dir,
    url,
    async client() {
      const c = new pg.Client({ connectionString: url, application_name: applicationName() });
      c.on("error", () => undefined); // the server stopped under it: the next query reports it
      await c.connect();
      clients.push(c);
      return c;
    },
    recordingDb(sink) {
      const pool = new pg.Pool({ connectionString: url, application_name: applicationName(), max: 2 });
      pool.on("error", () => undefined);
      const db = new Kysely<Database>({
        dialect: new PostgresDialect({ pool }),
        log: (event) => { if (event.level === "query") sink.push(event.query); },
      });
      extraDbs.push(db);
      return db;
    },
    async close() {
      for (const c of clients) await c.end().catch(() => undefined);
      for (const db of extraDbs) await db.destroy().catch(() => undefined);
      await store.close();
      // Nobody else uses this server: if close() left it running, stop it before deleting it.
      if (existsSync(join(embedded.dataDir, "postmaster.pid"))) {
        embedded.adopt();
        await embedded.stop();
      }
      removeDir();
      process.removeListener("exit", removeDir);
      process.removeListener("SIGINT", onSignal);
      process.removeListener("SIGTERM", onSignal);
    },
  };
}
