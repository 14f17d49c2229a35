import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Kysely } from "kysely";
import type { Database } from "../../../src/store/database.ts";
import { ingestDocument } from "../../../src/store/ingest-document.ts";
import { connectDatabase } from "../../../src/store/open-store.ts";
import { enableReader, readOnlySession } from "../../../src/store/reader-role.ts";
import { startWebServer, type WebServer } from "../../../src/web/server.ts";
import { freshDatabase, type FreshDatabase } from "../../store/support/index.ts";
import { ingestSynthetic, NEW_ROW, setCell } from "../../store/read-side-fixtures.ts";
import { ingestHostile } from "./hostile-reports.ts";

// An archive for the web tests, served on 127.0.0.1 (a port of its own) the way `nianbao serve`
// serves it: a fresh database holding the corpus seeds (real reports), one agency over three
// years (a report edited once, so it has two versions), and the hostile reports; the server
// connects as the read-only role with read-only sessions.

const SEEDS = resolve(import.meta.dirname, "../../fixtures/corpus-seeds");
/** The same for every test file: ALTER ROLE is server-wide, so files running at once must agree. */
export const TEST_READER_PASSWORD = "0123456789abcdef0123456789abcdef";
export const REGION = "山西省/吕梁市/孝义市";
export const AGENCY = "青山镇人民政府";

export interface WebArchive {
  fresh: FreshDatabase;
  /** The read-only handle the server uses. */
  reader: Kysely<Database>;
  server: WebServer;
  base: string;
  ids: { agencyId: string; report2021: string; report2022: string; report2023: string; hostileText: string; hostileHtml: string };
  /** Lines the server logged (unexpected failures). */
  logged: string[];
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

export function readerUrl(url: string): string {
  const u = new URL(url);
  u.username = "nianbao_reader";
  u.password = TEST_READER_PASSWORD;
  return u.href;
}

export async function webArchive(options: { statementTimeoutMs?: number } = {}): Promise<WebArchive> {
  const fresh = await freshDatabase();
  const db = fresh.db;
  for (const name of readdirSync(SEEDS).filter((n) => n.endsWith(".txt")).sort()) {
    const path = join(SEEDS, name);
    await ingestDocument(db, { bytes: readFileSync(path), url: pathToFileURL(path).href, fetchedAt: new Date("2024-01-10T02:00:00Z"), origin: "ingest" });
  }
  const r2021 = await ingestSynthetic(db, { seed: 21, agency: AGENCY, year: 2021 });
  const r2022 = await ingestSynthetic(db, { seed: 22, agency: AGENCY, year: 2022 });
  const r2023 = await ingestSynthetic(db, { seed: 23, agency: AGENCY, year: 2023 });
  await ingestSynthetic(db, { seed: 23, agency: AGENCY, year: 2023, edit: (t) => setCell(t, NEW_ROW, 3, 999), fetchedAt: new Date("2024-06-01T00:00:00Z") });
  await ingestSynthetic(db, { seed: 31, agency: "绿水乡人民政府", year: 2023 });
  await db.updateTable("agencies").set({ region: REGION }).where("name", "in", [AGENCY, "绿水乡人民政府"]).execute();
  const hostile = await ingestHostile(db);
  const id = (r: { status: string; reportId?: string }) => { if (!r.reportId) throw new Error("synthetic report skipped"); return r.reportId; };
  const agency = await db.selectFrom("agencies").select("id").where("name", "=", AGENCY).executeTakeFirstOrThrow();

  if (!(await enableReader(db, TEST_READER_PASSWORD))) throw new Error("the read-only role nianbao_reader is missing (migration 0006)");
  const reader = connectDatabase(readerUrl(fresh.url), { session: readOnlySession(options.statementTimeoutMs ?? 5000), max: 6 });
  const logged: string[] = [];
  const server = await startWebServer({ db: reader, host: "127.0.0.1", port: 0, log: (l) => logged.push(l) });
  const base = server.url.replace(/\/$/, "");
  return {
    fresh, reader, server, base, logged,
    ids: { agencyId: agency.id, report2021: id(r2021), report2022: id(r2022), report2023: id(r2023), hostileText: hostile.textReportId, hostileHtml: hostile.htmlReportId },
    get: (path, headers = {}) => fetch(`${base}${path}`, { headers, redirect: "manual" }),
    async close() {
      await server.close();
      await reader.destroy();
      await fresh.drop();
    },
  };
}
