import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createServer, type AddressInfo, type Socket } from "node:net";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedServer, type EmbeddedServer } from "../../src/store/embedded-server.ts";
import { migrate } from "../../src/store/migrate.ts";
import { connectDatabase, openStore } from "../../src/store/open-store.ts";
import { StoreError } from "../../src/store/store-error.ts";
import { freshDatabase, type FreshDatabase } from "./support/index.ts";

async function tempStorage(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "nianbao-storage-"));
  await chmod(dir, 0o755);
  return dir;
}

async function answers(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return (await client.query("select current_setting('data_directory') as d")).rows[0].d as string;
  } finally {
    await client.end();
  }
}

describe("openStore with DATABASE_URL", () => {
  let fresh: FreshDatabase;
  beforeAll(async () => { fresh = await freshDatabase(); });
  afterAll(async () => { await fresh?.drop(); });

  it("an unreachable server gives one clear line within seconds", async () => {
    const started = Date.now();
    const err = await openStore({ databaseUrl: "postgres://nianbao:secret@127.0.0.1:1/archive" }).then(() => undefined, (e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(6000);
    expect(err).toBeInstanceOf(StoreError);
    const message = (err as Error).message;
    expect(message).toContain("127.0.0.1:1");
    expect(message).toMatch(/connection refused; is the server running/);
    expect(message).not.toContain("\n");
    expect(message).not.toContain("secret");
  });

  it("a server that never answers times out within the connect timeout", async () => {
    const sockets: Socket[] = [];
    const silent = createServer((socket) => { sockets.push(socket); }); // accepts, never answers
    await new Promise<void>((r) => silent.listen(0, "127.0.0.1", r));
    const port = (silent.address() as AddressInfo).port;
    try {
      const started = Date.now();
      const err = await openStore({ databaseUrl: `postgres://u:p@127.0.0.1:${port}/db` }).then(() => undefined, (e: unknown) => e);
      expect(Date.now() - started).toBeLessThan(8000);
      expect((err as Error).message).toBe(`cannot connect to PostgreSQL at 127.0.0.1:${port}/db: no answer within 5 s; is the server running, and are the address and port in DATABASE_URL right?`);
    } finally {
      for (const s of sockets) s.destroy();
      silent.close();
    }
  });

  it("a wrong password is named as such", async () => {
    const url = new URL(fresh.url);
    url.password = "wrong";
    const err = await openStore({ databaseUrl: url.href }).then(() => undefined, (e: unknown) => e);
    expect((err as Error).message).toMatch(/refused the login of user 'postgres'.*check the user and password in DATABASE_URL/);
  });

  it("opens a migrated database, and migrating again (also concurrently) is a no-op", async () => {
    const store = await openStore({ databaseUrl: fresh.url });
    expect(store.embedded).toBeUndefined();
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(store.db);
    expect(rows[0].n).toBeGreaterThanOrEqual(1);
    // ids and numeric values come back as strings
    await sql`insert into agencies (name) values ('类型镇')`.execute(store.db);
    const agency = await store.db.selectFrom("agencies").select("id").where("name", "=", "类型镇").executeTakeFirstOrThrow();
    expect(typeof agency.id).toBe("string");
    await store.close();
    await store.close(); // idempotent

    const dbs = [connectDatabase(fresh.url), connectDatabase(fresh.url), connectDatabase(fresh.url)];
    const applied = await Promise.all(dbs.map((db) => migrate(db)));
    expect(applied).toEqual([[], [], []]);
    await Promise.all(dbs.map((db) => db.destroy()));
  });

  it("migrates an empty database once even when several processes race", async () => {
    const empty = await freshDatabase();
    try {
      await sql`drop schema public cascade; create schema public`.execute(empty.db);
      const dbs = [0, 1, 2, 3].map(() => connectDatabase(empty.url));
      const applied = await Promise.all(dbs.map((db) => migrate(db)));
      expect(applied.flat().filter((n) => n === "0001_archive")).toHaveLength(1);
      await Promise.all(dbs.map((db) => db.destroy()));
      const tables = await sql<{ n: number }>`select count(*)::int as n from pg_tables where schemaname = 'public' and tablename = 'report_versions'`.execute(empty.db);
      expect(tables.rows[0].n).toBe(1);
    } finally {
      await empty.drop();
    }
  });
});

describe("the embedded server", () => {
  const dirs: string[] = [];
  const servers: EmbeddedServer[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop();
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it("runs one server per storage folder side by side, each on its own port, and stops what it started", async () => {
    const [a, b] = [await tempStorage(), await tempStorage()];
    dirs.push(a, b);
    const [sa, sb] = await Promise.all([a, b].map((storage) => startEmbeddedServer({ storage, onProgress: () => undefined })));
    servers.push(sa, sb);
    expect(sa.startedHere && sb.startedHere).toBe(true);
    expect(sa.port).not.toBe(sb.port);
    expect(JSON.parse(readFileSync(join(a, "postgres.json"), "utf8")).port).toBe(sa.port);
    expect(JSON.parse(readFileSync(join(b, "postgres.json"), "utf8")).port).toBe(sb.port);
    expect(await answers(sa.url("postgres"))).toBe(join(a, "postgres"));
    expect(await answers(sb.url("postgres"))).toBe(join(b, "postgres"));

    // A second start on a running folder reuses it, and does not stop it.
    const again = await startEmbeddedServer({ storage: a, onProgress: () => undefined });
    expect(again.startedHere).toBe(false);
    expect(again.port).toBe(sa.port);
    await again.stop();
    expect(await answers(sa.url("postgres"))).toBe(join(a, "postgres"));

    await Promise.all([sa.stop(), sb.stop()]);
    expect(existsSync(join(a, "postgres", "postmaster.pid"))).toBe(false);
    expect(existsSync(join(b, "postgres", "postmaster.pid"))).toBe(false);
    await expect(answers(sa.url("postgres"))).rejects.toThrow(/ECONNREFUSED/);
  });

  it("starts over a stale postmaster.pid left by a crash, on the remembered port", async () => {
    const dir = await tempStorage();
    dirs.push(dir);
    const first = await startEmbeddedServer({ storage: dir, onProgress: () => undefined });
    const port = first.port;
    await first.stop();
    // What a crash leaves: a pid file naming a process that is gone.
    writeFileSync(join(dir, "postgres", "postmaster.pid"), `999999\n${join(dir, "postgres")}\n1700000000\n${port}\n\n127.0.0.1\n  0 0\nready   \n`);
    const second = await startEmbeddedServer({ storage: dir, onProgress: () => undefined });
    servers.push(second);
    expect(second.startedHere).toBe(true);
    expect(second.port).toBe(port);
    expect(await answers(second.url("postgres"))).toBe(join(dir, "postgres"));
    await second.stop();
  });

  it("a reused server is left to its owner; an orphaned one (owner detached or gone) is stopped by the last user", async () => {
    const dir = await tempStorage();
    dirs.push(dir);
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      const owner = await startEmbeddedServer({ storage: dir, onProgress: () => undefined });
      servers.push(owner);
      expect(readFileSync(join(dir, "postgres.owner"), "utf8")).toBe(String(process.pid));
      const user = await openStore({ storage: dir });
      expect(user.embedded?.startedHere).toBe(false);
      expect(user.embedded?.orphaned()).toBe(false);
      await user.close();
      expect(await answers(owner.url("postgres"))).toBe(join(dir, "postgres")); // still running: its owner stops it

      owner.detach(); // as a starter does when others are still connected
      expect(existsSync(join(dir, "postgres.owner"))).toBe(false);
      const last = await openStore({ storage: dir });
      expect(last.embedded?.orphaned()).toBe(true);
      await last.close();
      expect(existsSync(join(dir, "postgres", "postmaster.pid"))).toBe(false);
      await expect(answers(owner.url("postgres"))).rejects.toThrow(/ECONNREFUSED/);
    } finally {
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
  });

  it("openStore with a storage folder creates, migrates and closes the embedded archive", async () => {
    const dir = await tempStorage();
    dirs.push(dir);
    const lines: string[] = [];
    const saved = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL; // the embedded default
    const store = await openStore({ storage: dir, onProgress: (l) => lines.push(l) });
    try {
      expect(store.embedded?.startedHere).toBe(true);
      expect(lines.join("\n")).toContain(`creating the archive's PostgreSQL cluster in ${join(dir, "postgres")}`);
      const n = await store.db.selectFrom("reports").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
      expect(n.n).toBe("0");
    } finally {
      await store.close();
      if (saved !== undefined) process.env.DATABASE_URL = saved;
    }
    expect(existsSync(join(dir, "postgres", "postmaster.pid"))).toBe(false);
  });
});
