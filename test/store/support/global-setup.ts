import { existsSync } from "node:fs";
import { chmod, mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { ensureDatabase, startEmbeddedServer } from "../../../src/store/embedded-server.ts";
import { migrate } from "../../../src/store/migrate.ts";
import { connectDatabase, prepareArchive } from "../../../src/store/open-store.ts";
import { TEMPLATE_DATABASE, type TestServer } from "./test-server.ts";

// vitest globalSetup: ONE embedded PostgreSQL for the whole run, in a temp folder, with a
// template database migrated once and holding the administrative divisions (loaded once here,
// not per file); test files clone it with freshDatabase(). Skipped when the
// run is limited to paths that hold no archive tests (e.g. `vitest run test/extract`).

const ROOT = resolve(import.meta.dirname, "../../..");
const NEEDS_DB = ["test/store", "test/cli", "test/web", "test/crawlers/crawl"].map((p) => join(ROOT, p));

function runNeedsDatabase(): boolean {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith("-") && a !== "run" && a !== "watch" && a !== "related");
  if (filters.length === 0) return true;
  return filters.some((f) => {
    if (!existsSync(f)) return true; // a name filter: may match an archive test
    const abs = resolve(f);
    return NEEDS_DB.some((dir) => !relative(dir, abs).startsWith("..") || !relative(abs, dir).startsWith(".."));
  });
}

/** Removes test-server folders left by runs killed before their teardown (no server running in them). */
async function removeStaleFolders(): Promise<void> {
  for (const name of await readdir(tmpdir()).catch(() => [] as string[])) {
    if (!name.startsWith("nianbao-test-pg-")) continue;
    const dir = join(tmpdir(), name);
    try {
      if (Date.now() - (await stat(dir)).mtimeMs < 10 * 60_000) continue; // maybe a run starting now
      if (existsSync(join(dir, "postgres", "postmaster.pid"))) continue; // a server still runs there
      await rm(dir, { recursive: true, force: true });
    } catch { /* another run cleaned it */ }
  }
}

export default async function setup(project: TestProject) {
  await removeStaleFolders();
  if (!runNeedsDatabase()) {
    project.provide("nianbaoTestServer", null);
    return;
  }
  const dir = await mkdtemp(join(tmpdir(), "nianbao-test-pg-"));
  await chmod(dir, 0o755); // as root the server runs as 'postgres', which must enter it
  const server = await startEmbeddedServer({
    storage: dir,
    onProgress: () => undefined,
    settings: { fsync: "off", synchronous_commit: "off", full_page_writes: "off", max_connections: "300" },
  });
  try {
    await ensureDatabase(server.url("postgres"), TEMPLATE_DATABASE);
    const db = connectDatabase(server.url(TEMPLATE_DATABASE));
    try {
      await migrate(db);
      await prepareArchive(db, () => undefined);
    } finally {
      await db.destroy();
    }
  } catch (err) {
    await server.stop();
    throw err;
  }
  const provided: TestServer = { adminUrl: server.url("postgres"), template: TEMPLATE_DATABASE, storage: dir };
  project.provide("nianbaoTestServer", provided);
  return async () => {
    await server.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
