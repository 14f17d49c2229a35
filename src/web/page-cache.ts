import { sql } from "kysely";
import type { ContentCoding } from "./compress.ts";
import type { Db } from "./loaders.ts";

// Rendered answers (pages, API JSON), kept in memory and reused while the archive is unchanged.
// "Unchanged" is the database's own word: pg_current_snapshot() changes whenever a transaction
// that writes starts or ends anywhere on the server (reads do not), so an entry made under one
// snapshot is served only while the snapshot is the same. The snapshot is asked for at most
// once per `stampMs` (default 1 s): an answer may lag a write by that long, never more. Least
// recently used entries go first when the cache is over `maxBytes`. Entries are kept as sent, so
// one page is kept once per content coding clients ask for (the key says which).

export interface CachedAnswer {
  /** The body as sent: in `coding`. */
  body: Uint8Array;
  coding: ContentCoding;
  type: string;
  /** Of the uncompressed body. */
  etag: string;
  cacheControl: string;
}

export class PageCache {
  readonly #db: Db;
  readonly #maxBytes: number;
  readonly #stampMs: number;
  readonly #entries = new Map<string, { stamp: string; answer: CachedAnswer; size: number }>();
  #bytes = 0;
  #stamp: { value: string; at: number } | null = null;
  #pending: Promise<string> | null = null;
  hits = 0;
  misses = 0;

  constructor(db: Db, options: { maxBytes: number; stampMs?: number }) {
    this.#db = db;
    this.#maxBytes = options.maxBytes;
    this.#stampMs = options.stampMs ?? 1000;
  }

  /** The archive's current snapshot (cached for stampMs; concurrent callers share one query). */
  async stamp(): Promise<string> {
    const now = performance.now();
    if (this.#stamp && now - this.#stamp.at < this.#stampMs) return this.#stamp.value;
    this.#pending ??= sql<{ s: string }>`select pg_current_snapshot()::text as s`.execute(this.#db)
      .then(({ rows }) => { this.#stamp = { value: rows[0].s, at: performance.now() }; return rows[0].s; })
      .finally(() => { this.#pending = null; });
    return this.#pending;
  }

  get(key: string, stamp: string): CachedAnswer | undefined {
    const e = this.#entries.get(key);
    if (!e || e.stamp !== stamp) { this.misses++; return undefined; }
    this.#entries.delete(key); // most recently used last
    this.#entries.set(key, e);
    this.hits++;
    return e.answer;
  }

  set(key: string, stamp: string, answer: CachedAnswer): void {
    const size = answer.body.length + key.length * 2 + 200;
    if (size > this.#maxBytes / 8) return;
    const old = this.#entries.get(key);
    if (old) { this.#bytes -= old.size; this.#entries.delete(key); }
    this.#entries.set(key, { stamp, answer, size });
    this.#bytes += size;
    for (const [k, e] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(k);
      this.#bytes -= e.size;
    }
  }
}
