import { parseArgs } from "node:util";
import { isIP } from "node:net";
import { sql } from "kysely";
import { connectDatabase } from "../store/open-store.ts";
import { enableReader, readOnlySession } from "../store/reader-role.ts";
import { startWebServer } from "../web/server.ts";
import { parseCount } from "./cli-args.ts";
import { UserError } from "./fail.ts";
import { holdStore } from "./hold-store.ts";
import { STORE_OPTIONS, STORE_USAGE } from "./with-store.ts";

export const USAGE = `usage: nianbao serve [--host 127.0.0.1] [--port 8080] [--timeout SECONDS] [--cache-mb 64] [--storage DIR]

Serves the archive as a website (browse, compare years, chart, search, download) with a JSON
API (described at /api/openapi.json), until Ctrl-C. Read-only at the database level: its
sessions connect as the read-only role nianbao_reader (embedded server) and start read-only;
a query running longer than --timeout (default 10 s) is stopped and answered 503.
Listens on 127.0.0.1 unless --host says otherwise (e.g. --host 0.0.0.0 for the whole network).
Pages and API answers are kept in memory (--cache-mb, default 64; 0 for none) while the
archive is unchanged: an ingest or crawl shows within a second.

${STORE_USAGE}`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...STORE_OPTIONS, host: { type: "string", default: "127.0.0.1" }, port: { type: "string", default: "8080" }, timeout: { type: "string" }, "cache-mb": { type: "string", default: "64" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) { console.log(USAGE); return 0; }
  if (positionals.length) throw new UserError(`serve: unexpected argument '${positionals[0]}'`, 2);
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port < 0 || port > 65535) throw new UserError(`--port must be a port number (0–65535), not '${values.port}'`, 2);
  const host = values.host;
  if (!isIP(host) && host !== "localhost") throw new UserError(`--host must be an IP address to listen on (127.0.0.1, 0.0.0.0, ::1), not '${host}'`, 2);
  const timeoutMs = (parseCount(values.timeout, "--timeout", 3600) ?? 10) * 1000;
  const cacheMb = Number(values["cache-mb"]);
  if (!/^\d+$/.test(values["cache-mb"]) || cacheMb > 16384) throw new UserError(`--cache-mb must be a whole number of megabytes (0 for no cache), not '${values["cache-mb"]}'`, 2);

  return holdStore(values, async (store, stopped) => {
    // Read-only sessions: as nianbao_reader where nianbao holds the server, else as the
    // DATABASE_URL user (its sessions still start read-only).
    let readerUrl = store.url;
    if (store.embedded && (await enableReader(store.db, store.embedded.readerPassword))) readerUrl = store.embedded.readerUrl();
    const db = connectDatabase(readerUrl, { session: readOnlySession(timeoutMs), max: 10 });
    try {
      await sql`select 1`.execute(db);
      let server;
      try {
        server = await startWebServer({ db, host, port, cacheBytes: cacheMb * 1024 * 1024 });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === "EADDRINUSE") throw new UserError(`port ${port} on ${host} is in use; choose another with --port`);
        if (code === "EADDRNOTAVAIL") throw new UserError(`cannot listen on ${host}: not an address of this machine; use --host 127.0.0.1 or 0.0.0.0`);
        if (code === "EACCES") throw new UserError(`not allowed to listen on port ${port}; choose a port above 1023 with --port`);
        throw err;
      }
      const open = host === "0.0.0.0" || host === "::" ? "; anyone who can reach this machine can read the archive" : "";
      process.stderr.write(`nianbao: serving the archive at ${server.url} (read-only${readerUrl === store.url ? "" : ", as nianbao_reader"}${open}); Ctrl-C to stop\n`);
      await stopped;
      process.stderr.write("nianbao: stopping …\n");
      await server.close();
    } finally {
      await db.destroy().catch(() => undefined);
    }
    return 0;
  });
}
