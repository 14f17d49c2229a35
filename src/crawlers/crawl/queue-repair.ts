import { readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";

// Before a crawl resumes its persisted Crawlee request queue (<storage>/crawlee/request_queues/<name>):
// requests the killed process was working on are still locked in its name (Crawlee keeps a lock's
// expiry in the request's orderNo), and would wait for the lock to expire; they are unlocked
// here, as the dead process would have done. A request file torn by the kill (cut mid-write) is
// removed: the request is found again by the next crawl.

export interface QueueRepair {
  unlocked: number;
  removed: string[];
}

export async function repairQueue(dir: string, now = Date.now()): Promise<QueueRepair> {
  const repair: QueueRepair = { unlocked: 0, removed: [] };
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return repair; // no queue on disk yet
  }
  for (const name of names) {
    if (!name.endsWith(".json") || name.startsWith("__")) continue;
    const path = join(dir, name);
    let entry: { orderNo?: number | null };
    try {
      entry = JSON.parse(await readFile(path, "utf8")) as { orderNo?: number | null };
    } catch {
      await rm(path, { force: true });
      repair.removed.push(name);
      continue;
    }
    const order = entry.orderNo;
    if (typeof order !== "number" || Math.abs(order) <= now) continue;
    entry.orderNo = order > 0 ? now : -now;
    const tmp = `${path}.tmp-${process.pid}`;
    await writeFile(tmp, JSON.stringify(entry, null, "\t"));
    await rename(tmp, path);
    repair.unlocked++;
  }
  return repair;
}
