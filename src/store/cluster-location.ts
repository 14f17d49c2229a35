import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { realpathSync } from "node:fs";
import { chown, mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { RunAs } from "./postgres-binaries.ts";

// Where the embedded cluster's data lives. By default in <storage>/postgres. As root, PostgreSQL
// runs as the `postgres` user, which cannot enter a storage folder under a private parent (a
// clone in /root, mode 700): the cluster then goes to a postgres-owned folder keyed by the
// storage folder's real path, under relocatedRoot(), and <storage>/postgres.json records where.
// Everything else (postgres.json, the lock, the owner file, the crawler's files) stays in the
// storage folder the user chose.

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
