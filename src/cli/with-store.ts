import type { Kysely } from "kysely";
import type { Database } from "../store/database.ts";
import { openStore, type Store } from "../store/open-store.ts";
import { StoreError } from "../store/store-error.ts";
import { UserError } from "./fail.ts";

// The shared archive options of every command that opens the store, and opening it for the
// length of one command: parse --storage (else NIANBAO_STORAGE, else ./storage; DATABASE_URL
// overrides all three), open + migrate, run, and always close (stopping an embedded server this
// process started).

/** parseArgs options to spread into a command's own: `options: { ...STORE_OPTIONS, … }`. */
export const STORE_OPTIONS = {
  storage: { type: "string" },
} as const;

/** STORE_OPTIONS plus the --json and --help every query command takes. */
export const QUERY_OPTIONS = {
  ...STORE_OPTIONS,
  json: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

export const STORE_USAGE = `archive options:
  --storage DIR   archive folder for the embedded PostgreSQL (default: $NIANBAO_STORAGE or ./storage)
  DATABASE_URL    environment variable: use that PostgreSQL 14+ server instead of the embedded one`;

export interface StoreArgs {
  storage?: string;
}

/** Opens the archive, runs fn, always closes. Store problems become one-line UserErrors. */
export async function withStore<T>(args: StoreArgs, fn: (db: Kysely<Database>, store: Store) => Promise<T>): Promise<T> {
  let store: Store;
  try {
    store = await openStore({ storage: args.storage });
  } catch (err) {
    if (err instanceof StoreError) throw new UserError(err.message);
    throw err;
  }
  try {
    return await fn(store.db, store);
  } catch (err) {
    if (err instanceof StoreError) throw new UserError(err.message);
    throw err;
  } finally {
    await store.close();
  }
}
