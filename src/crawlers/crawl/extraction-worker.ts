import { Worker } from "node:worker_threads";
import type { ExtractHints } from "../../extract/document-text.ts";
import type { Extraction } from "../../extract/extract-document.ts";

// Documents are extracted in a worker thread: the crawl's fetching, discovery and archive writes
// go on in the main thread while the second core reads PDFs, and the extractor's heap is bounded
// (resourceLimits) so a crawl's memory no longer grows with the garbage pdf.js leaves between
// collections: the old generation by maxHeapMb, the young one to 24 MB (V8 sizes it by the
// machine's memory otherwise, and a worker left to itself kept ~160 MB for the little pdf.js
// holds between two documents: bench:crawl's peak RSS −100 MB. 16 MB saved 30 MB more but cost
// a fifth more CPU in scavenges and early promotions). One document at a time per worker; a document that overruns the heap limit (or
// kills the worker otherwise) gets a reason, and the next document gets a fresh worker.

export type WorkerExtraction = Extraction | { reason: string };

interface Job {
  bytes: Uint8Array;
  name: string;
  contentType?: string;
  context?: ExtractHints["context"];
  resolve: (r: WorkerExtraction) => void;
}

const YOUNG_MB = 24;

const MAIN = new URL(`./extraction-worker-main${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);

export class ExtractionWorker {
  private worker: Worker | undefined;
  private readonly queue: Job[] = [];
  private current: Job | undefined;
  private readonly maxHeapMb: number;

  constructor(options: { maxHeapMb?: number } = {}) {
    this.maxHeapMb = options.maxHeapMb ?? 320;
  }

  /** Documents given to this worker and not extracted yet (the one it is reading included). */
  get pending(): number {
    return this.queue.length + (this.current ? 1 : 0);
  }

  extract(bytes: Uint8Array, name: string, contentType?: string, context?: ExtractHints["context"]): Promise<WorkerExtraction> {
    return new Promise((resolve) => {
      this.queue.push({ bytes, name, contentType, context, resolve });
      this.next();
    });
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private next(): void {
    if (this.current || this.queue.length === 0) return;
    const job = (this.current = this.queue.shift()!);
    const worker = this.spawn();
    const copy = Uint8Array.from(job.bytes); // transferred: the caller keeps its own bytes
    worker.postMessage({ bytes: copy, name: job.name, contentType: job.contentType, context: job.context }, [copy.buffer]);
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(MAIN, { resourceLimits: { maxOldGenerationSizeMb: this.maxHeapMb, maxYoungGenerationSizeMb: YOUNG_MB } });
    worker.unref();
    worker.on("message", (result: WorkerExtraction) => this.finish(result));
    worker.on("error", (err: Error & { code?: string }) => {
      if (this.worker === worker) this.worker = undefined;
      this.finish({ reason: err.code === "ERR_WORKER_OUT_OF_MEMORY"
        ? `extractor failed: the document needs more than ${this.maxHeapMb} MB of memory to extract`
        : `extractor failed: ${err.message.split("\n")[0]}` });
    });
    worker.on("exit", () => {
      if (this.worker === worker) this.worker = undefined;
      if (this.current) this.finish({ reason: "extractor failed: the extraction worker stopped" });
    });
    this.worker = worker;
    return worker;
  }

  private finish(result: WorkerExtraction): void {
    const job = this.current;
    this.current = undefined;
    job?.resolve(result);
    this.next();
  }
}
