import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import pg from "pg";
import { inject } from "vitest";
import type { Database } from "../../../src/store/database.ts";
import { connectDatabase } from "../../../src/store/open-store.ts";
import type { TestServer } from "./test-server.ts";

// A migrated database of its own for one test file: CREATE DATABASE … TEMPLATE the one the
// globalSetup migrated. Call it in beforeAll and drop() it in afterAll.

export interface FreshDatabase {
  db: Kysely<Database>;
  /** Connection URL of the new database (for DATABASE_URL in CLI tests). */
  url: string;
  name: string;
  /** Closes the handle and drops the database. */
  drop(): Promise<void>;
}

export function testServer(): TestServer {
  const server = inject("nianbaoTestServer");
  if (!server) throw new Error("the store test server was not started (the vitest globalSetup skipped it for this run); run the test by its path under test/store or test/cli");
  return server;
}

async function admin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function freshDatabase(): Promise<FreshDatabase> {
  const server = testServer();
  const name = `nianbao_test_${randomBytes(6).toString("hex")}`;
  await admin(server.adminUrl, async (client) => {
    for (let attempt = 1; ; attempt++) {
      try {
        await client.query(`create database ${client.escapeIdentifier(name)} template ${client.escapeIdentifier(server.template)}`);
        return;
      } catch (err) {
        // "source database is being accessed by other users": another file cloning at the same moment
        if ((err as { code?: string }).code !== "55006" || attempt >= 50) throw err;
        await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      }
    }
  });
  const url = new URL(server.adminUrl);
  url.pathname = `/${name}`;
  const db = connectDatabase(url.href);
  let dropped = false;
  return {
    db,
    url: url.href,
    name,
    async drop() {
      if (dropped) return;
      dropped = true;
      await db.destroy();
      await admin(server.adminUrl, (client) => client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`));
    },
  };
}
