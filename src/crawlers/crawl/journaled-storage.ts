import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { MemoryStorage } from "@crawlee/memory-storage";
import { JournaledQueue } from "./journaled-queue.ts";

// Crawlee's storage for a crawl: MemoryStorage in memory for what Crawlee keeps for itself
// (statistics), and each request queue a JournaledQueue under <dir>/<queue name>/journal.jsonl.
// A queue an earlier version left as MemoryStorage files (one JSON file per request) is read
// into a journal the first time it is opened, so a crawl interrupted before an upgrade still
// resumes; a file the kill cut mid-write is skipped (the request is found again by the next crawl).

export class JournaledStorage extends MemoryStorage {
  private readonly queues = new Map<string, JournaledQueue>();
  private readonly queuesDir: string;
  /** What opening the queues repaired, for the crawl to report. */
  readonly repairs: string[] = [];

  /** Queues under `queuesDir`; `memoryDir` is where MemoryStorage would look for stores it does not hold (it writes nothing). */
  constructor(queuesDir: string, memoryDir: string) {
    super({ persistStorage: false, writeMetadata: false, localDataDirectory: memoryDir });
    this.queuesDir = queuesDir;
  }

  override requestQueue(id: string): JournaledQueue {
    const known = this.requestQueuesHandled.find((q) => q.id === id || q.name === id);
    const name = known?.name ?? id;
    let queue = this.queues.get(name);
    if (!queue) {
      const dir = join(this.queuesDir, name);
      const skipped = importFileQueue(dir);
      if (skipped) this.repairs.push(`request queue: ${skipped} request files torn by the interrupted crawl skipped`);
      this.queues.set(name, (queue = new JournaledQueue(known?.id ?? id, name, join(dir, "journal.jsonl"))));
      if (queue.tornLines) this.repairs.push(`request queue: ${queue.tornLines} journal line${queue.tornLines > 1 ? "s" : ""} torn by the interrupted crawl dropped`);
    }
    return queue;
  }

  /** Removes a queue's journal (a run given up) without opening it. */
  async dropQueue(name: string): Promise<void> {
    this.queues.get(name)?.close();
    this.queues.delete(name);
    await rm(join(this.queuesDir, name), { recursive: true, force: true });
  }

  /** Closes the journals (their changes are written as they happen: nothing is pending). */
  close(): void {
    for (const queue of this.queues.values()) queue.close();
  }
}

/** MemoryStorage's per-request files in `dir`, written as a journal there when it has none; returns how many were skipped. */
export function importFileQueue(dir: string): number {
  const journal = join(dir, "journal.jsonl");
  if (existsSync(journal) || !existsSync(dir)) return 0;
  let skipped = 0;
  const lines: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".json") || name.startsWith("__metadata__")) continue;
    try {
      const stored = JSON.parse(readFileSync(join(dir, name), "utf8")) as { json: string };
      lines.push(`${JSON.stringify({ add: JSON.parse(stored.json) as unknown })}\n`);
    } catch {
      skipped++;
    }
  }
  if (lines.length) writeFileSync(journal, lines.join(""));
  return skipped;
}
