import { existsSync, readdirSync, readFileSync } from "node:fs";
import { chmod, mkdir, mkdtemp, readlink, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, describe, expect, it } from "vitest";
import { reachableBinaries, reachableBy } from "../../src/store/cluster-location.ts";
import { openStore } from "../../src/store/open-store.ts";
import { postgresUser } from "../../src/store/postgres-binaries.ts";

// As root, the embedded PostgreSQL runs as the `postgres` user. A storage folder under a private
// parent (a clone in /root, mode 700) is out of its reach: the cluster must then live in a
// postgres-owned folder of its own, recorded in <storage>/postgres.json, while everything else
// stays in the storage folder. CI runs as root, so this runs there.

const root = process.getuid?.() === 0;

describe.runIf(root)("as root, a storage folder under a mode-700 parent", () => {
  const cleanup: string[] = [];
  const savedRoot = process.env.NIANBAO_PG_ROOT;
  const savedUrl = process.env.DATABASE_URL;
  afterAll(async () => {
    if (savedRoot === undefined) delete process.env.NIANBAO_PG_ROOT; else process.env.NIANBAO_PG_ROOT = savedRoot;
    if (savedUrl !== undefined) process.env.DATABASE_URL = savedUrl;
    for (const dir of cleanup) await rm(dir, { recursive: true, force: true });
  });

  it("creates, uses, closes and reopens the archive, its cluster kept outside the private folder", async () => {
    const home = await mkdtemp(join(tmpdir(), "nianbao-private-")); // like /root: mode 700
    await chmod(home, 0o700);
    const clusters = await mkdtemp(join(tmpdir(), "nianbao-clusters-"));
    await chmod(clusters, 0o755);
    cleanup.push(home, clusters);
    process.env.NIANBAO_PG_ROOT = clusters;
    delete process.env.DATABASE_URL;
    const storage = join(home, "project", "storage");
    await mkdir(storage, { recursive: true });

    const lines: string[] = [];
    const store = await openStore({ storage, onProgress: (l) => lines.push(l) });
    let dataDir: string;
    try {
      const config = JSON.parse(readFileSync(join(storage, "postgres.json"), "utf8")) as { dataDir?: string; port: number };
      expect(config.dataDir).toBeDefined();
      dataDir = config.dataDir!;
      expect(dataDir.startsWith(`${clusters}/`)).toBe(true);
      expect(store.embedded?.dataDir).toBe(dataDir);
      expect(lines.join("\n")).toContain(`creating the archive's PostgreSQL cluster in ${dataDir}`);
      const { rows } = await sql<{ d: string }>`select current_setting('data_directory') as d`.execute(store.db);
      expect(rows[0].d).toBe(dataDir);
      expect(existsSync(join(storage, "postgres"))).toBe(false); // nothing of the cluster in the private folder
      expect(readdirSync(storage).sort()).toEqual(expect.arrayContaining(["postgres.json", "postgres.owner"]));
      expect(readFileSync(join(dataDir, "..", "STORAGE"), "utf8").trim()).toBe(storage);
    } finally {
      await store.close();
    }
    expect(existsSync(join(dataDir, "postmaster.pid"))).toBe(false);

    // The next command finds the same cluster through postgres.json.
    const again = await openStore({ storage, onProgress: (l) => lines.push(l) });
    try {
      expect(again.embedded?.dataDir).toBe(dataDir);
      expect(again.embedded?.startedHere).toBe(true);
    } finally {
      await again.close();
    }
    expect(lines.filter((l) => l.startsWith("creating"))).toHaveLength(1);

    // The storage folder emptied to start over (a clone keeps its storage/README.md): a new
    // archive, the old cluster kept aside, not lost.
    await rm(storage, { recursive: true, force: true });
    await mkdir(storage);
    await writeFile(join(storage, "README.md"), "Runtime data.\n");
    const fresh = await openStore({ storage, onProgress: (l) => lines.push(l) });
    try {
      expect(fresh.embedded?.dataDir).toBe(dataDir);
      const { rows } = await sql<{ n: string }>`select count(*)::text as n from reports`.execute(fresh.db);
      expect(rows[0].n).toBe("0");
    } finally {
      await fresh.close();
    }
    const kept = lines.find((l) => l.startsWith("kept the cluster of an earlier archive"));
    expect(kept).toBeDefined();
    const aside = / as (\S+); starting a new archive$/.exec(kept!)![1];
    expect(aside.startsWith(`${dataDir}.before-`)).toBe(true);
    expect(existsSync(join(aside, "PG_VERSION"))).toBe(true);
    expect(lines.filter((l) => l.startsWith("creating"))).toHaveLength(2);
  });

  it("copies PostgreSQL programs installed under the private folder to where the postgres user can run them, once", async () => {
    const home = await mkdtemp(join(tmpdir(), "nianbao-private-")); // node_modules inside /root
    await chmod(home, 0o700);
    const clusters = await mkdtemp(join(tmpdir(), "nianbao-clusters-"));
    await chmod(clusters, 0o755);
    cleanup.push(home, clusters);
    process.env.NIANBAO_PG_ROOT = clusters;
    const native = join(home, "node_modules", "pg", "native");
    await mkdir(join(native, "bin"), { recursive: true });
    await mkdir(join(native, "lib"), { recursive: true });
    for (const p of ["initdb", "pg_ctl", "postgres"]) await writeFile(join(native, "bin", p), "#!/bin/sh\n", { mode: 0o755 });
    await writeFile(join(native, "lib", "libpq.so.5.18"), "lib");
    await symlink("libpq.so.5.18", join(native, "lib", "libpq.so.5"));
    const runAs = postgresUser();
    const installed = { initdb: join(native, "bin", "initdb"), pg_ctl: join(native, "bin", "pg_ctl"), postgres: join(native, "bin", "postgres"), version: "18.0-test" };
    expect(reachableBy(runAs, join(native, "bin"))).toBe(false);

    const bins = await reachableBinaries(installed, runAs);
    expect(bins.postgres).toBe(join(clusters, "postgresql-18.0-test", "bin", "postgres"));
    expect(reachableBy(runAs, join(clusters, "postgresql-18.0-test", "bin"))).toBe(true);
    expect(await readlink(join(clusters, "postgresql-18.0-test", "lib", "libpq.so.5"))).toBe("libpq.so.5.18");
    await writeFile(join(clusters, "postgresql-18.0-test", "bin", "marker"), "kept");
    expect(await reachableBinaries(installed, runAs)).toEqual(bins); // reused, not copied again
    expect(existsSync(join(clusters, "postgresql-18.0-test", "bin", "marker"))).toBe(true);
  });
});
