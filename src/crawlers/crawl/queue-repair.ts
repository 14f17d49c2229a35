import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";

// Before a crawl resumes its persisted Crawlee request queue (<storage>/crawlee/request_queues/<name>,
// one JSON file per request): a file the kill cut mid-write cannot be read, and would stop the
// queue from opening; it is removed (the request is found again by the next crawl). Requests the
// killed process was working on need nothing: the queue never recorded them as handled.

export interface QueueRepair {
  removed: string[];
}

export async function repairQueue(dir: string): Promise<QueueRepair> {
  const repair: QueueRepair = { removed: [] };
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return repair; // no queue on disk yet
  }
  for (const name of names) {
    if (!name.endsWith(".json")) continue;
    const path = join(dir, name);
    try {
      JSON.parse(await readFile(path, "utf8"));
    } catch {
      await rm(path, { force: true });
      repair.removed.push(name);
    }
  }
  return repair;
}
