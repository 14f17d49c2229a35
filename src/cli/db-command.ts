import { parseArgs } from "node:util";
import { READER_ROLE } from "../store/embedded-server.ts";
import { where } from "../store/open-store.ts";
import { enableReader } from "../store/reader-role.ts";
import { UserError } from "./fail.ts";
import { holdStore } from "./hold-store.ts";
import { STORE_OPTIONS, STORE_USAGE } from "./with-store.ts";

export const USAGE = `usage: nianbao db [--url] [--storage DIR]

Keeps the archive's embedded PostgreSQL running until Ctrl-C, and prints a connection URL for
the read-only role nianbao_reader, for psql, R, pandas or DuckDB's postgres scanner. Its
password is generated per archive and kept in <storage>/postgres.json (readerPassword).
--url prints the URL alone (on standard output; the rest goes to standard error) and, like
plain 'nianbao db', keeps the server running until Ctrl-C, e.g. in a second terminal:
  nianbao db --url > db-url.txt
With DATABASE_URL set, nianbao uses that server and does not run one: connect to it directly.

${STORE_USAGE}`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...STORE_OPTIONS, url: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) { console.log(USAGE); return 0; }
  if (positionals.length) throw new UserError(`db: unexpected argument '${positionals[0]}'`, 2);
  if (process.env.DATABASE_URL) {
    throw new UserError(`DATABASE_URL is set: the archive is on your own server (${where(process.env.DATABASE_URL)}); connect to it with that URL. For read-only access, give the role nianbao_reader a password there: ALTER ROLE ${READER_ROLE} LOGIN PASSWORD '…'`);
  }
  return holdStore(values, async (store, stopped) => {
    const embedded = store.embedded;
    if (!embedded) throw new UserError("db: no embedded server was started");
    if (!(await enableReader(store.db, embedded.readerPassword))) {
      throw new UserError(`the read-only role ${READER_ROLE} does not exist in this archive (migration 0006 could not create it); use the superuser's URL from ${embedded.storage}/postgres.json`);
    }
    const url = embedded.readerUrl();
    // Idle pool connections time out; this keeps the process (and so the server) alive until a signal.
    const keepAlive = setInterval(() => undefined, 1 << 30);
    try {
      if (values.url) process.stdout.write(`${url}\n`);
      else {
        process.stdout.write(`The archive's PostgreSQL is running (read-only role ${READER_ROLE}):\n\n  ${url}\n\n  psql "${url}"\n\n`);
      }
      process.stderr.write("nianbao: keeping the database running; Ctrl-C to stop\n");
      await stopped;
      process.stderr.write("nianbao: stopping …\n");
    } finally {
      clearInterval(keepAlive);
    }
    return 0;
  });
}
