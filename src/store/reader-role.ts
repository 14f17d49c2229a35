import { sql, type Kysely } from "kysely";
import type { Database } from "./database.ts";
import { READER_ROLE } from "./embedded-server.ts";
import { StoreError } from "./store-error.ts";

// The read-only role (migrations/0006_readonly_role.sql): SELECT on the archive, sessions
// read-only. The migration creates it without a login; for the embedded server, whose superuser
// nianbao holds, enableReader lets it log in with the password kept in <storage>/postgres.json.

/** Settings every read-only session starts with (also when connecting as another user). */
export function readOnlySession(statementTimeoutMs: number): Record<string, string> {
  return { default_transaction_read_only: "on", statement_timeout: String(statementTimeoutMs) };
}

/** Whether the read-only role exists on the server (the migration may have been unable to create it). */
export async function readerExists(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from pg_roles where rolname = ${READER_ROLE}`.execute(db);
  return (rows[0]?.n ?? 0) > 0;
}

/** Gives the role LOGIN with `password` (run as the superuser); false when the role does not exist. */
export async function enableReader(db: Kysely<Database>, password: string): Promise<boolean> {
  // ALTER ROLE takes no bind parameters; the password is nianbao's own hex string, checked here.
  if (!/^[0-9a-f]{16,}$/.test(password)) throw new StoreError("the read-only role's password in postgres.json is malformed; remove its readerPassword entry and run again");
  if (!(await readerExists(db))) return false;
  await sql.raw(`alter role ${READER_ROLE} login password '${password}'`).execute(db);
  return true;
}
