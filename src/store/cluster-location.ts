import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, realpathSync } from "node:fs";
import { chown, cp, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, relative } from "node:path";
import type { PostgresBinaries, RunAs } from "./postgres-binaries.ts";

// Where the embedded cluster's data and programs live. By default in <storage>/postgres. As root, PostgreSQL
// runs as the `postgres` user, which cannot enter a storage folder under a private parent (a
// clone in /root, mode 700): the cluster then goes to a postgres-owned folder keyed by the
// storage folder's real path, under relocatedRoot(), and <storage>/postgres.json records where.
// Everything else (postgres.json, the lock, the owner file, the crawler's files) stays in the
// storage folder the user chose. The same holds for the PostgreSQL programs: installed by npm
// inside the project (node_modules), they are out of the postgres user's reach there too, so
// they are copied once per version under relocatedRoot().

/** The root of relocated clusters: $NIANBAO_PG_ROOT, else /var/lib/nianbao. */
export const relocatedRoot = () => process.env.NIANBAO_PG_ROOT || "/var/lib/nianbao";

/**
 * True when `runAs` (the postgres user) can enter `dir` (every parent, modes and ACLs all count):
 * the cluster folder inside it is then created for and owned by that user.
 */
export function reachableBy(runAs: RunAs, dir: string): boolean {
  if (runAs.uid === undefined) return true;
  const probe = spawnSync("/bin/sh", ["-c", 'test -x "$1"', "sh", dir], {
    uid: runAs.uid, gid: runAs.gid ?? runAs.uid, stdio: "ignore",
  });
  return probe.status === 0;
}

/** The postgres-owned folder for the cluster of `storage` when the postgres user cannot reach it. */
export function relocatedDataDir(storage: string): string {
  const key = createHash("sha256").update(realpathSync(storage)).digest("hex").slice(0, 16);
  return join(relocatedRoot(), key, "postgres");
}

/**
 * Prepares the parent of a relocated data folder: owned by root and enterable (0755), the folder
 * itself created by initdb's caller; a note saying which storage folder it belongs to.
 */
export async function prepareRelocated(dataDir: string, storage: string, runAs: RunAs): Promise<void> {
  const parent = join(dataDir, "..");
  await mkdir(parent, { recursive: true, mode: 0o755 });
  if (runAs.uid !== undefined) await chown(parent, runAs.uid, runAs.gid ?? runAs.uid);
  await writeFile(join(parent, "STORAGE"), `${realpathSync(storage)}\n`);
}

/**
 * The PostgreSQL programs as `runAs` can run them: where npm installed them if the postgres user
 * can enter that folder, else a copy of the installation (bin, lib, share; symlinks kept) under
 * relocatedRoot(), made once per installed version and reused.
 */
export async function reachableBinaries(bins: PostgresBinaries, runAs: RunAs): Promise<PostgresBinaries> {
  const native = dirname(dirname(bins.postgres)); // …/native, holding bin/ lib/ share/
  if (runAs.uid === undefined || reachableBy(runAs, dirname(bins.postgres))) return bins;
  const target = join(relocatedRoot(), `postgresql-${bins.version.replace(/[^\w.-]/g, "_")}`);
  if (!existsSync(join(target, "bin", basename(bins.postgres)))) {
    await mkdir(relocatedRoot(), { recursive: true, mode: 0o755 });
    const partial = `${target}.partial-${process.pid}`;
    await rm(partial, { recursive: true, force: true });
    await cp(native, partial, { recursive: true, verbatimSymlinks: true, preserveTimestamps: true });
    await rename(partial, target).catch(async (err: NodeJS.ErrnoException) => {
      await rm(partial, { recursive: true, force: true });
      if (!existsSync(target)) throw err; // else another process made the same copy first
    });
  }
  const moved = (path: string) => join(target, relative(native, path));
  return { initdb: moved(bins.initdb), pg_ctl: moved(bins.pg_ctl), postgres: moved(bins.postgres), version: bins.version };
}
