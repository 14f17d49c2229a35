import { availableParallelism, totalmem } from "node:os";
import type { ExtractHints } from "../../extract/document-text.ts";
import { ExtractionWorker, type WorkerExtraction } from "./extraction-worker.ts";

// Documents are extracted by a few worker threads (extraction-worker.ts), each one document at a
// time: a first crawl that meets hundreds of PDFs is bound by extraction, and one thread would
// leave a server's other cores idle. Each document goes to the worker with the fewest waiting.
// By default one worker per core beyond the first (the crawl thread and PostgreSQL need one), as
// the machine's memory allows, at least one and at most four: each worker's heap can grow to its limit.

/**
 * Extraction threads a crawl starts unless told: the cores beyond the first, and one per GiB of
 * memory beyond the first (a thread's heap may grow to 320 MB), at least 1, at most 4.
 */
export function defaultExtractors(cores = availableParallelism(), memoryBytes = totalmem()): number {
  return Math.max(1, Math.min(4, cores - 1, Math.floor(memoryBytes / 2 ** 30) - 1));
}

export class ExtractionPool {
  private readonly workers: ExtractionWorker[];

  constructor(size: number, options: { maxHeapMb?: number } = {}) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`an extraction pool needs at least one worker (got ${size})`);
    this.workers = Array.from({ length: size }, () => new ExtractionWorker(options));
  }

  /** Documents waiting or being read, per worker. */
  get pending(): number[] {
    return this.workers.map((w) => w.pending);
  }

  extract(bytes: Uint8Array, name: string, contentType?: string, context?: ExtractHints["context"]): Promise<WorkerExtraction> {
    const idlest = this.workers.reduce((best, w) => (w.pending < best.pending ? w : best));
    return idlest.extract(bytes, name, contentType, context);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}
