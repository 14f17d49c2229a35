import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase } from "../../src/store/open-store.ts";
import { enableReader, readOnlySession } from "../../src/store/reader-role.ts";
import { startWebServer, type WebServer } from "../../src/web/server.ts";
import { ingestSynthetic } from "../store/read-side-fixtures.ts";
import { freshDatabase, type FreshDatabase } from "../store/support/index.ts";
import { readerUrl, TEST_READER_PASSWORD } from "./support/web-archive.ts";

// The server cannot write: its role has SELECT only, and its sessions are read-only even as a
// user that could. A query stopped by statement_timeout, or a database that cannot be reached,
// is answered 503 with a message, never a stack trace.

let fresh: FreshDatabase;
let reportId: string;
beforeAll(async () => {
  fresh = await freshDatabase();
  const r = await ingestSynthetic(fresh.db, { seed: 5, agency: "青山镇人民政府", year: 2023 });
  if (r.status === "skipped") throw new Error("skipped");
  reportId = r.reportId;
  await enableReader(fresh.db, TEST_READER_PASSWORD);
});
afterAll(async () => { await fresh?.drop(); });

async function serve(url: string, timeoutMs: number, cacheBytes = 0): Promise<{ server: WebServer; close: () => Promise<void>; logged: string[] }> {
  const db = connectDatabase(url, { session: readOnlySession(timeoutMs), max: 2 });
  const logged: string[] = [];
  const server = await startWebServer({ db, host: "127.0.0.1", port: 0, log: (l) => logged.push(l), cacheBytes });
  return { server, logged, close: async () => { await server.close(); await db.destroy(); } };
}

describe("read-only at the database level", () => {
  it("the role nianbao_reader may read but not write", async () => {
    const reader = connectDatabase(readerUrl(fresh.url));
    try {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from reports`.execute(reader);
      expect(rows[0].n).toBe(1);
      await expect(sql`insert into agencies (name) values ('x')`.execute(reader)).rejects.toMatchObject({ code: expect.stringMatching(/^(42501|25006)$/) });
      const { rows: [setting] } = await sql<{ v: string }>`select current_setting('default_transaction_read_only') as v`.execute(reader);
      expect(setting.v).toBe("on");
    } finally {
      await reader.destroy();
    }
    // Turning the setting off does not help: the role has no right to write.
    const client = new pg.Client({ connectionString: readerUrl(fresh.url) });
    await client.connect();
    try {
      await client.query("set default_transaction_read_only = off");
      await expect(client.query("update reports set year = 2000")).rejects.toMatchObject({ code: "42501" });
      await expect(client.query("delete from blobs")).rejects.toMatchObject({ code: "42501" });
    } finally {
      await client.end();
    }
  });

  it("the server's sessions are read-only even as the superuser", async () => {
    const db = connectDatabase(fresh.url, { session: readOnlySession(5000) });
    try {
      await expect(sql`insert into agencies (name) values ('x')`.execute(db)).rejects.toMatchObject({ code: "25006" });
    } finally {
      await db.destroy();
    }
  });
});

describe("503", () => {
  it("a query stopped by statement_timeout", async () => {
    const s = await serve(readerUrl(fresh.url), 300);
    const locker = connectDatabase(fresh.url, { max: 1 });
    try {
      let release!: () => void;
      const held = new Promise<void>((r) => { release = r; });
      const locked = locker.transaction().execute(async (trx) => {
        await sql`lock table reports in access exclusive mode`.execute(trx);
        await held;
      });
      await new Promise((r) => setTimeout(r, 100));
      const page = await fetch(`${s.server.url}reports/${reportId}`);
      const api = await fetch(`${s.server.url}api/reports/${reportId}`);
      release();
      await locked;
      expect(page.status).toBe(503);
      expect(await page.text()).toContain("查询超时");
      expect(api.status).toBe(503);
      expect(await api.json()).toEqual({ error: "查询超时：请缩小范围（例如限定年度或地区）后重试", detail: null });
      expect(s.logged.join("\n")).toMatch(/statement timeout/);
      expect((await fetch(`${s.server.url}reports/${reportId}`)).status).toBe(200); // and then answers again
    } finally {
      await locker.destroy();
      await s.close();
    }
  });

  it("a database that cannot be reached", async () => {
    const s = await serve("postgres://nianbao_reader:x@127.0.0.1:1/nianbao", 1000);
    try {
      const res = await fetch(`${s.server.url}api/reports`);
      expect(res.status).toBe(503);
      expect(((await res.json()) as any).error).toBe("数据库暂时无法连接，请稍后重试");
      const page = await fetch(`${s.server.url}`);
      expect(page.status).toBe(503);
      expect(await page.text()).not.toMatch(/ECONNREFUSED|at .*\.ts/);
    } finally {
      await s.close();
    }
  });
});

describe("the page cache", () => {
  it("serves a page again while the archive is unchanged, and the new page within a second of a write", async () => {
    const s = await serve(readerUrl(fresh.url), 5000, 1 << 20);
    try {
      const first = await fetch(`${s.server.url}agencies/${(await fresh.db.selectFrom("agencies").select("id").executeTakeFirstOrThrow()).id}`);
      const body = await first.text();
      expect(body).not.toContain("2024</a>");
      const again = await fetch(first.url);
      expect(await again.text()).toBe(body);
      expect(again.headers.get("etag")).toBe(first.headers.get("etag"));
      expect(again.headers.get("content-security-policy")).toMatch(/script-src 'self'/);
      expect((await fetch(first.url, { headers: { "if-none-match": first.headers.get("etag")! } })).status).toBe(304);
      await ingestSynthetic(fresh.db, { seed: 6, agency: "青山镇人民政府", year: 2024 });
      await new Promise((r) => setTimeout(r, 1100));
      expect(await (await fetch(first.url)).text()).toContain("2024</a>");
    } finally {
      await s.close();
    }
  });
});
