import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Configuration, getRequestId as requestId, RequestQueueV1 } from "@crawlee/cheerio";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JournaledQueue } from "../../../src/crawlers/crawl/journaled-queue.ts";
import { importFileQueue, JournaledStorage } from "../../../src/crawlers/crawl/journaled-storage.ts";

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), "nianbao-journal-")); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const req = (path: string) => ({ url: `http://x.test${path}`, uniqueKey: `GET http://x.test${path}`, method: "GET" as const, userData: { kind: "list" } });
const heads = async (q: JournaledQueue, limit?: number) => (await q.listHead({ limit })).items.map((r) => new URL(r.url).pathname);
const handled = (r: ReturnType<typeof req>) => ({ ...r, id: requestId(r.uniqueKey), handledAt: new Date().toISOString() });

describe("JournaledQueue", () => {
  it("keeps each request once, serves the head in order (forefront first, newest first), and counts", async () => {
    const q = new JournaledQueue("q1", "run-1", join(dir, "run-1", "journal.jsonl"));
    const added = await q.batchAddRequests([req("/a"), req("/b"), req("/a")]);
    expect(added.processedRequests.map((p) => p.wasAlreadyPresent)).toEqual([false, false, true]);
    await q.addRequest(req("/c"));
    await q.addRequest(req("/f1"), { forefront: true });
    await q.addRequest(req("/f2"), { forefront: true });
    expect(await heads(q)).toEqual(["/f2", "/f1", "/a", "/b", "/c"]);
    expect(await heads(q, 3)).toEqual(["/f2", "/f1", "/a"]);
    await q.updateRequest(handled(req("/f2")));
    await q.updateRequest({ ...req("/a"), id: requestId(req("/a").uniqueKey), retryCount: 1 }); // put back: to the end
    expect(await heads(q)).toEqual(["/f1", "/b", "/c", "/a"]);
    expect(await q.addRequest(req("/f2"))).toMatchObject({ wasAlreadyPresent: true, wasAlreadyHandled: true });
    expect(await q.get()).toMatchObject({ totalRequestCount: 5, handledRequestCount: 1, pendingRequestCount: 4 });
    expect((await q.getRequest(requestId(req("/a").uniqueKey)))?.retryCount).toBe(1);
    // A handled request is kept as its identity alone (its user data is not needed any more).
    expect(await q.getRequest(requestId(req("/f2").uniqueKey))).toEqual({
      id: requestId(req("/f2").uniqueKey), uniqueKey: req("/f2").uniqueKey, url: "http://x.test/f2", method: "GET", handledAt: expect.any(String),
    });
    q.close();
  });

  it("replays its journal on reopening, drops a line a kill cut short, and compacts", async () => {
    const path = join(dir, "run-2", "journal.jsonl");
    const q = new JournaledQueue("q2", "run-2", path);
    await q.batchAddRequests([req("/a"), req("/b"), req("/c")]);
    await q.updateRequest(handled(req("/a")));
    await q.deleteRequest(requestId(req("/c").uniqueKey));
    q.close();
    appendFileSync(path, '{"add":{"url":"http://x.test/torn","uniq'); // the kill, mid-write

    const again = new JournaledQueue("q2", "run-2", path);
    expect(again.tornLines).toBe(1);
    expect(await heads(again)).toEqual(["/b"]);
    expect(await again.get()).toMatchObject({ totalRequestCount: 2, handledRequestCount: 1 });
    expect(readFileSync(path, "utf8").trim().split("\n")).toHaveLength(2); // one line per request
    await again.addRequest(req("/d"));
    again.close();
    expect(await heads(new JournaledQueue("q2", "run-2", path))).toEqual(["/b", "/d"]);
  });

  it("refuses a request whose ID does not match its unique key, and the lock calls of Crawlee's second queue", async () => {
    const q = new JournaledQueue("q3", "run-3", join(dir, "run-3", "journal.jsonl"));
    await expect(q.addRequest({ ...req("/a"), id: "wrong" })).rejects.toThrow(/does not match/);
    await expect(q.listAndLockHead()).rejects.toThrow(/takes no locks/);
    await q.delete();
    expect(existsSync(join(dir, "run-3"))).toBe(false);
  });
});

describe("JournaledStorage with Crawlee's RequestQueueV1", () => {
  it("resumes a queue: handled requests stay handled, the rest are served again", async () => {
    const open = async () => {
      const storage = new JournaledStorage(join(dir, "queues"), join(dir, "in-memory"));
      return { storage, queue: await RequestQueueV1.open("run-9", { config: new Configuration({ storageClient: storage, persistStorage: false }) }) };
    };
    const first = await open();
    await first.queue.addRequests([req("/a"), req("/b"), req("/c")]);
    const a = await first.queue.fetchNextRequest();
    await first.queue.markRequestHandled(a!);
    await first.queue.fetchNextRequest(); // in progress when the process dies: not handled
    first.storage.close();

    const second = await open();
    expect(await second.queue.handledCount()).toBe(1);
    const served: string[] = [];
    for (let r = await second.queue.fetchNextRequest(); r; r = await second.queue.fetchNextRequest()) {
      served.push(new URL(r.url).pathname);
      await second.queue.markRequestHandled(r);
    }
    expect(served.sort()).toEqual(["/b", "/c"]);
    expect(await second.queue.isFinished()).toBe(true);
    await second.queue.drop();
    expect(existsSync(join(dir, "queues", "run-9"))).toBe(false);
  });

  it("reads a queue an earlier version left as one JSON file per request, skipping a torn one", async () => {
    const queueDir = join(dir, "queues", "run-old");
    mkdirSync(queueDir, { recursive: true });
    const stored = (r: ReturnType<typeof req>, handledAt?: string) => JSON.stringify({ id: requestId(r.uniqueKey), orderNo: handledAt ? null : 1, json: JSON.stringify({ ...r, id: requestId(r.uniqueKey), handledAt }) });
    writeFileSync(join(queueDir, "a.json"), stored(req("/a"), "2026-01-01T00:00:00.000Z"));
    writeFileSync(join(queueDir, "b.json"), stored(req("/b")));
    writeFileSync(join(queueDir, "c.json"), '{"id":"c","json":"{\\"url');
    writeFileSync(join(queueDir, "__metadata__.json"), "{}");
    expect(importFileQueue(queueDir)).toBe(1);
    const q = new JournaledQueue("q", "run-old", join(queueDir, "journal.jsonl"));
    expect(await q.get()).toMatchObject({ totalRequestCount: 2, handledRequestCount: 1 });
    expect(await heads(q)).toEqual(["/b"]);
    q.close();
    expect(importFileQueue(queueDir)).toBe(0); // once: the journal is there now
  });
});
