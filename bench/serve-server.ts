import { connectDatabase } from "../src/store/open-store.ts";
import { readOnlySession } from "../src/store/reader-role.ts";
import { startWebServer } from "../src/web/server.ts";

// The web server of `npm run bench:serve`, in a process of its own (so the load generator does
// not share its event loop): connects to the URL given (the read-only role), serves on a free
// loopback port (with a page cache of CACHE_MB, default none), prints {"url": …} once listening, and stops on SIGTERM.

const url = process.argv[2];
const cacheMb = Number(process.argv[3] ?? 0);
if (!url) throw new Error("usage: node bench/serve-server.ts DATABASE_URL [CACHE_MB]");
const db = connectDatabase(url, { session: readOnlySession(10_000), max: 10 });
const server = await startWebServer({ db, host: "127.0.0.1", port: 0, cacheBytes: cacheMb * 1024 * 1024, log: (l) => process.stderr.write(`server: ${l}\n`) });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
process.on("SIGTERM", () => { void server.close().then(() => db.destroy()).then(() => process.exit(0)); });
