import { closeSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { getRequestId } from "@crawlee/cheerio";
import type { MemoryStorage } from "@crawlee/memory-storage";

// A Crawlee request queue kept in memory and persisted as a journal: one JSON line per change
// (a request added, updated — handled, or put back for a retry — or deleted), appended with one
// write as it happens. Reopened, the journal is replayed, so a crawl killed mid-way resumes where
// it stopped: what was handled stays handled, what was waiting waits. A line the kill cut short is
// dropped (the write never returned, so Crawlee never went on from it); reopening also compacts the
// journal to one line per request.
//
// It replaces MemoryStorage's persisted queue, which wrote a pretty-printed JSON file per request
// change inside a lock directory (mkdir, open, write, close, rmdir) and rewrote the queue's
// metadata file beside it, and validated every call's arguments: a third of a recrawl's CPU.
// The queue head is kept in order (forefront requests first, newest first; then the others in the
// order they were queued or put back), so listHead costs what it returns, not the queue's size.

type QueueClient = ReturnType<MemoryStorage["requestQueue"]>;
type RequestSchema = Parameters<QueueClient["addRequest"]>[0];
type QueueInfo = NonNullable<Awaited<ReturnType<QueueClient["get"]>>>;

interface Entry {
  /** The request as JSON (what getRequest and listHead parse anew for each caller). */
  json: string;
  handled: boolean;
}

type JournalLine = { add: RequestSchema & { id: string }; front?: true } | { update: RequestSchema & { id: string }; front?: true } | { delete: string };

export class JournaledQueue implements QueueClient {
  private readonly entries = new Map<string, Entry>();
  /** Waiting requests queued at the front (the last one first). */
  private front: string[] = [];
  /** Waiting requests in queue order (a Set keeps insertion order; a request put back moves to the end). */
  private readonly waiting = new Set<string>();
  private handledCount = 0;
  private fd: number | undefined;
  private readonly createdAt = new Date();
  private modifiedAt = new Date();
  /** Journal lines that could not be read on opening (one cut short by a kill). */
  readonly tornLines: number;

  readonly id: string;
  readonly name: string;
  private readonly path: string;

  /** `path` is the journal, alone in its folder (delete() removes the folder). */
  constructor(id: string, name: string, path: string) {
    this.id = id;
    this.name = name;
    this.path = path;
    mkdirSync(dirname(path), { recursive: true });
    this.tornLines = this.replay();
    this.compact();
    this.fd = openSync(path, "a");
  }

  async get(): Promise<QueueInfo> {
    return {
      id: this.id, name: this.name, userId: "1", createdAt: this.createdAt, modifiedAt: this.modifiedAt, accessedAt: new Date(),
      totalRequestCount: this.entries.size, handledRequestCount: this.handledCount, pendingRequestCount: this.entries.size - this.handledCount,
      hadMultipleClients: false, stats: {},
    } as QueueInfo;
  }

  async update(): Promise<QueueInfo> {
    throw new Error("a journaled request queue cannot be renamed");
  }

  /** Drops the queue and its journal. */
  async delete(): Promise<void> {
    this.close();
    rmSync(dirname(this.path), { recursive: true, force: true });
    this.entries.clear();
    this.waiting.clear();
    this.front = [];
    this.handledCount = 0;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  async listHead(options: { limit?: number } = {}) {
    const limit = options.limit ?? 100;
    const items: unknown[] = [];
    for (let i = this.front.length - 1; i >= 0 && items.length < limit; i--) items.push(JSON.parse(this.entries.get(this.front[i]!)!.json));
    for (const id of this.waiting) {
      if (items.length >= limit) break;
      items.push(JSON.parse(this.entries.get(id)!.json));
    }
    return { limit, hadMultipleClients: false, queueModifiedAt: this.modifiedAt, items } as Awaited<ReturnType<QueueClient["listHead"]>>;
  }

  async addRequest(request: RequestSchema, options: { forefront?: boolean } = {}) {
    const result = this.add(request, options.forefront ?? false, true);
    return { requestId: result.requestId, wasAlreadyPresent: result.wasAlreadyPresent, wasAlreadyHandled: result.wasAlreadyHandled };
  }

  async batchAddRequests(requests: RequestSchema[], options: { forefront?: boolean } = {}) {
    return { processedRequests: requests.map((r) => this.add(r, options.forefront ?? false, true)), unprocessedRequests: [] };
  }

  async getRequest(id: string) {
    const entry = this.entries.get(id);
    return entry ? JSON.parse(entry.json) : undefined;
  }

  async updateRequest(request: Parameters<QueueClient["updateRequest"]>[0], options: { forefront?: boolean } = {}) {
    const id = getRequestId(request.uniqueKey);
    if (!this.entries.has(id)) return this.addRequest(request, options);
    const wasHandled = this.entries.get(id)!.handled;
    this.put({ ...request, id }, options.forefront ?? false);
    this.append({ update: { ...request, id }, ...(options.forefront ? { front: true as const } : {}) });
    return { requestId: id, wasAlreadyPresent: true, wasAlreadyHandled: wasHandled };
  }

  async deleteRequest(id: string): Promise<void> {
    if (!this.entries.has(id)) return;
    this.remove(id);
    this.append({ delete: id });
  }

  async listAndLockHead(): Promise<never> {
    throw new Error("a journaled request queue serves one crawler (RequestQueueV1): it takes no locks");
  }

  async prolongRequestLock(): Promise<never> {
    return this.listAndLockHead();
  }

  async deleteRequestLock(): Promise<void> {
    await this.listAndLockHead();
  }

  private add(request: RequestSchema, forefront: boolean, journal: boolean) {
    const id = getRequestId(request.uniqueKey);
    if (request.id !== undefined && request.id !== id) throw new Error(`request ID ${request.id} does not match its unique key ${request.uniqueKey}`);
    const existing = this.entries.get(id);
    if (existing) return { requestId: id, uniqueKey: request.uniqueKey, wasAlreadyPresent: true, wasAlreadyHandled: existing.handled };
    this.put({ ...request, id }, forefront);
    if (journal) this.append({ add: { ...request, id }, ...(forefront ? { front: true as const } : {}) });
    return { requestId: id, uniqueKey: request.uniqueKey, wasAlreadyPresent: false, wasAlreadyHandled: false };
  }

  /**
   * Sets a request's state: handled (it has handledAt) or waiting, at the front or at the end. A
   * handled request is kept as its identity alone (id, unique key, URL, method, handledAt): it is
   * only ever asked whether it was handled, and a crawl of thousands of portals keeps millions.
   */
  private put(request: RequestSchema & { id: string }, forefront: boolean): void {
    if (this.entries.has(request.id)) this.remove(request.id);
    const handled = Boolean(request.handledAt);
    const kept = handled ? { id: request.id, uniqueKey: request.uniqueKey, url: request.url, method: request.method, handledAt: request.handledAt } : request;
    this.entries.set(request.id, { json: JSON.stringify(kept), handled });
    if (handled) this.handledCount++;
    else if (forefront) this.front.push(request.id);
    else this.waiting.add(request.id);
    this.modifiedAt = new Date();
  }

  private remove(id: string): void {
    const entry = this.entries.get(id)!;
    this.entries.delete(id);
    if (entry.handled) this.handledCount--;
    this.waiting.delete(id);
    if (this.front.includes(id)) this.front = this.front.filter((f) => f !== id);
    this.modifiedAt = new Date();
  }

  private append(line: JournalLine): void {
    if (this.fd === undefined) throw new Error(`request queue ${this.name} is closed`);
    writeSync(this.fd, `${JSON.stringify(line)}\n`);
  }

  /** Applies the journal; returns how many lines could not be read (a last line the kill cut short). */
  private replay(): number {
    let text: string;
    try {
      text = readFileSync(this.path, "utf8");
    } catch {
      return 0; // a new queue
    }
    const whole = text.slice(0, text.lastIndexOf("\n") + 1); // a line without its newline was cut mid-write
    let unread = whole.length < text.length ? 1 : 0;
    for (const raw of whole.split("\n")) {
      if (!raw) continue;
      let line: JournalLine;
      try {
        line = JSON.parse(raw) as JournalLine;
      } catch {
        unread++;
        continue;
      }
      if ("add" in line) this.add(line.add, line.front ?? false, false);
      else if ("update" in line) this.put(line.update, line.front ?? false);
      else if ("delete" in line && this.entries.has(line.delete)) this.remove(line.delete);
    }
    return unread;
  }

  /** Rewrites the journal as one line per request (waiting ones in queue order), atomically. */
  private compact(): void {
    const lines: string[] = [];
    for (const entry of this.entries.values()) if (entry.handled) lines.push(`{"add":${entry.json}}\n`);
    for (const id of this.front) lines.push(`{"add":${this.entries.get(id)!.json},"front":true}\n`);
    for (const id of this.waiting) lines.push(`{"add":${this.entries.get(id)!.json}}\n`);
    const temp = `${this.path}.compacting`;
    writeFileSync(temp, lines.join(""));
    renameSync(temp, this.path);
  }
}
