import { parentPort, workerData } from "node:worker_threads";
import { connectDatabase } from "../../store/open-store.ts";
import { crawlPortals } from "./crawl-portals.ts";
import type { CrawlThreadMessage, ThreadCrawlOptions } from "./crawl-thread.ts";

// The crawl thread (crawl-thread.ts): one crawl on its own connections to the archive, its events
// and its summary posted back, a "stop" message for Ctrl-C.

const { databaseUrl, options } = workerData as { databaseUrl: string; options: ThreadCrawlOptions };
const post = (m: CrawlThreadMessage) => parentPort?.postMessage(m);
const abort = new AbortController();
parentPort?.on("message", (m: { type: string }) => {
  if (m.type === "stop") abort.abort();
});

const db = connectDatabase(databaseUrl);
let outcome: CrawlThreadMessage;
try {
  const summary = await crawlPortals(db, { ...options, signal: abort.signal, onEvent: (event) => post({ type: "event", event }) });
  outcome = { type: "done", summary }; // its totals cross as their fields (the class's methods stay behind, unused there)
} catch (err) {
  const e = err instanceof Error ? err : new Error(String(err));
  outcome = { type: "failed", name: e.name, message: e.message, stack: e.stack };
}
await db.destroy().catch(() => undefined);
post(outcome);
