import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { Database } from "./database.ts";
import { ARCHIVE_DATABASE, ensureDatabase, startEmbeddedServer, type EmbeddedServer } from "./embedded-server.ts";
import { identifyLegacyAgencies } from "./agencies/identify-legacy.ts";
import { ensureDivisions } from "./divisions/load-divisions.ts";
import { migrate } from "./migrate.ts";
import { StoreError } from "./store-error.ts";

// Opening the archive: DATABASE_URL when given, else the embedded PostgreSQL under the storage
// folder; check the server answers (a clear one-line error within seconds if not), apply the
// migrations, load the administrative divisions if the archive lacks them (or has an older
// vintage) and identify agencies archived before identities existed, hand back the Kysely
// handle. bigint ids and numeric values stay strings (pg's defaults; see database.ts).
//
// Minimum server: PostgreSQL 14 (checked on connect). The embedded server is PostgreSQL 18.

export const MIN_SERVER_VERSION = 140000;
const CONNECT_TIMEOUT_MS = 5000;

export interface OpenStoreOptions {
  /** Storage folder for the embedded server (default: NIANBAO_STORAGE, else ./storage). */
  storage?: string;
  /** A PostgreSQL URL (default: DATABASE_URL); when set, no embedded server is started. */
  databaseUrl?: string;
  /** Progress lines for slow steps (default: stderr). */
  onProgress?: (line: string) => void;
}

export interface Store {
  db: Kysely<Database>;
  /** The connection URL (DATABASE_URL, or the embedded server's superuser URL). */
  url: string;
  /** The embedded server, when one is used. */
  embedded?: EmbeddedServer;
  close(): Promise<void>;
}

/** The storage folder: the option, else NIANBAO_STORAGE, else ./storage. */
export function storageDir(storage?: string): string {
  return storage || process.env.NIANBAO_STORAGE || "storage";
}

export interface ConnectOptions {
  /** Pool size (default 10). */
  max?: number;
  /** Settings every session starts with (postgres -c name=value), e.g. statement_timeout. */
  session?: Record<string, string>;
}

/** A Kysely handle on `url` (no check, no migration): for tools and tests that manage their own. */
export function connectDatabase(url: string, options: ConnectOptions = {}): Kysely<Database> {
  const settings = Object.entries(options.session ?? {}).map(([k, v]) => `-c ${k}=${v}`).join(" ");
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    application_name: applicationName(),
    max: options.max ?? 10,
    ...(settings ? { options: settings } : {}),
  });
  pool.on("error", () => undefined); // an idle client lost (server stopped): the next query reports it
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

export async function openStore(options: OpenStoreOptions = {}): Promise<Store> {
  const url = options.databaseUrl ?? process.env.DATABASE_URL;
  let embedded: EmbeddedServer | undefined;
  let databaseUrl: string;
  if (url) {
    databaseUrl = url;
  } else {
    embedded = await startEmbeddedServer({ storage: storageDir(options.storage), onProgress: options.onProgress });
    try {
      await ensureDatabase(embedded.url("postgres"), ARCHIVE_DATABASE);
    } catch (err) {
      await embedded.stop();
      throw connectionProblem(err, embedded.url());
    }
    databaseUrl = embedded.url();
  }
  const db = connectDatabase(databaseUrl);
  try {
    await checkServer(db, databaseUrl);
    await migrate(db);
    await prepareArchive(db, options.onProgress ?? ((line) => process.stderr.write(`nianbao: ${line}\n`)));
  } catch (err) {
    await db.destroy().catch(() => undefined);
    await embedded?.stop();
    throw err;
  }
  let closed = false;
  return {
    db,
    url: databaseUrl,
    embedded,
    async close() {
      if (closed) return;
      closed = true;
      if (!embedded) {
        await db.destroy().catch(() => undefined);
        return;
      }
      // Another nianbao may be using the server: leave it running for them (the last one to
      // finish stops it). Otherwise stop it if we started it, or if its starter is gone.
      const othersConnected = await otherClients(db).catch(() => true);
      await db.destroy().catch(() => undefined);
      if (othersConnected) embedded.detach();
      else {
        if (embedded.orphaned()) embedded.adopt();
        await embedded.stop();
      }
    },
  };
}

/** The data every archive needs beyond its schema: the divisions, and identities for old agencies. */
export async function prepareArchive(db: Kysely<Database>, onProgress: (line: string) => void): Promise<void> {
  const divisions = await ensureDivisions(db);
  if (divisions.loaded) {
    onProgress(`loaded ${divisions.divisions.toLocaleString("en")} administrative divisions (${divisions.dataset} ${divisions.version}, as of ${divisions.vintage}) in ${divisions.ms} ms`);
  }
  const legacy = await identifyLegacyAgencies(db);
  if (legacy.placed || legacy.merged) {
    onProgress(`identified the agencies archived before: ${legacy.placed} placed at their division, ${legacy.merged} merged into the identity they share (nianbao agencies changes lists them)`);
  }
}

function applicationName(): string {
  return `nianbao/${process.pid}`;
}

async function otherClients(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`
    select count(*)::int as n from pg_stat_activity
    where backend_type = 'client backend' and pid <> pg_backend_pid()
      and coalesce(application_name, '') <> ${applicationName()}`.execute(db);
  return (rows[0]?.n ?? 0) > 0;
}

/** Connects once: a clear StoreError if the server cannot be reached or is too old. */
export async function checkServer(db: Kysely<Database>, url: string): Promise<void> {
  let version: number;
  try {
    const { rows } = await sql<{ v: string }>`select current_setting('server_version_num') as v`.execute(db);
    version = Number(rows[0]?.v);
  } catch (err) {
    throw connectionProblem(err, url);
  }
  if (version < MIN_SERVER_VERSION) {
    throw new StoreError(`the PostgreSQL at ${where(url)} is version ${Math.floor(version / 10000)}; nianbao needs PostgreSQL 14 or later (upgrade it, or unset DATABASE_URL to use the embedded server)`);
  }
}

/** Where a URL points, for messages: host:port/database (never the password). */
export function where(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname || "localhost"}:${u.port || "5432"}${u.pathname && u.pathname !== "/" ? u.pathname : ""}`;
  } catch {
    return "(unparsable DATABASE_URL)";
  }
}

/** One line for a failed connection: what happened, where, what to check. */
export function connectionProblem(err: unknown, url: string): StoreError {
  if (err instanceof StoreError) return err;
  const e = err as { code?: string; message?: string };
  const at = where(url);
  const message = String(e?.message ?? err);
  let user = "";
  try { user = decodeURIComponent(new URL(url).username); } catch { /* ignore */ }
  switch (e?.code) {
    case "ECONNREFUSED":
      return new StoreError(`cannot connect to PostgreSQL at ${at}: connection refused; is the server running, and is the address in DATABASE_URL right?`);
    case "ENOTFOUND":
    case "EAI_AGAIN":
      return new StoreError(`cannot connect to PostgreSQL at ${at}: host not found; check the address in DATABASE_URL`);
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return new StoreError(`cannot connect to PostgreSQL at ${at}: no route or no answer; check the address in DATABASE_URL and any firewall`);
    case "28P01":
    case "28000":
      return new StoreError(`PostgreSQL at ${at} refused the login${user ? ` of user '${user}'` : ""}: ${message}; check the user and password in DATABASE_URL`);
    case "3D000":
      return new StoreError(`PostgreSQL at ${at}: ${message}; create it (createdb) or fix the database name in DATABASE_URL`);
  }
  if (/timeout/i.test(message)) {
    return new StoreError(`cannot connect to PostgreSQL at ${at}: no answer within ${CONNECT_TIMEOUT_MS / 1000} s; is the server running, and are the address and port in DATABASE_URL right?`);
  }
  if (/terminated unexpectedly|ECONNRESET|socket hang up/i.test(message) || e?.code === "ECONNRESET") {
    return new StoreError(`cannot connect to PostgreSQL at ${at}: the connection was closed before the server answered; is a PostgreSQL server listening at that address (check DATABASE_URL)?`);
  }
  if (/password/i.test(message)) {
    return new StoreError(`PostgreSQL at ${at}: ${message}; check the password in DATABASE_URL`);
  }
  return new StoreError(`cannot use PostgreSQL at ${at}: ${message.split("\n")[0]}; check that the server is running and DATABASE_URL (address, user, password) is right`);
}
