import { Worker } from "node:worker_threads";
import type { CrawlEvent } from "./crawl-events.ts";
import type { CrawlOptions, CrawlSummary } from "./crawl-portals.ts";

// `nianbao crawl` runs the crawl in a thread of its own, whose heap is bounded (resourceLimits):
// V8 left to itself sized the crawl's heap by the machine's memory (24 GB here), and a crawl whose
// live objects came to ~90 MB kept a heap of 230–310 MB, garbage mostly, beside the extraction
// worker's (bench:crawl's peak RSS 681–711 MB; with this thread and extraction-worker.ts, 440 MB).
// The command's own thread keeps the archive's server, the progress display and the signals: Ctrl-C
// stops the crawl as before (it ends "interrupted", resumable). The thread talks to the archive over its
// own connections. A crawl that outgrows its heap stops like a crash and resumes the same way.

export type ThreadCrawlOptions = Omit<CrawlOptions, "onEvent" | "signal">;

/** The heap a crawl of these many portals gets unless told otherwise: 256 MB, and 1 MB more per portal. */
export function defaultCrawlHeapMb(portals: number): number {
  return 256 + portals;
}

/** The young generation: a crawl's pages are small; with 16 MB bench:crawl ran no slower than with 32 or 48. */
const YOUNG_MB = 16;

/** Thrown when the crawl thread hits its heap limit. */
export class CrawlOutOfMemory extends Error {
  override readonly name = "CrawlOutOfMemory";
  readonly heapMb: number;
  constructor(heapMb: number) {
    super(`the crawl ran out of memory (its heap is limited to ${heapMb} MB)`);
    this.heapMb = heapMb;
  }
}

/** A failure inside the crawl thread, carried over with its kind and message. */
export class CrawlThreadError extends Error {
  readonly kind: string;
  readonly threadStack: string | undefined;
  constructor(kind: string, message: string, threadStack?: string) {
    super(message);
    this.name = kind;
    this.kind = kind;
    this.threadStack = threadStack;
  }
}

export type CrawlThreadMessage =
  | { type: "event"; event: CrawlEvent }
  | { type: "done"; summary: CrawlSummary }
  | { type: "failed"; name: string; message: string; stack?: string };

const MAIN = new URL(`./crawl-thread-main${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);

export function crawlInThread(
  databaseUrl: string,
  options: ThreadCrawlOptions,
  control: { heapMb: number; onEvent?: (e: CrawlEvent) => void; signal?: AbortSignal },
): Promise<CrawlSummary> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(MAIN, {
      workerData: { databaseUrl, options },
      resourceLimits: { maxOldGenerationSizeMb: control.heapMb, maxYoungGenerationSizeMb: YOUNG_MB },
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      control.signal?.removeEventListener("abort", stop);
      void worker.terminate(); // its work is done (or lost): nothing it still holds may keep the process alive
      fn();
    };
    const stop = () => worker.postMessage({ type: "stop" });
    control.signal?.addEventListener("abort", stop, { once: true });
    if (control.signal?.aborted) stop();
    worker.on("message", (m: CrawlThreadMessage) => {
      if (m.type === "event") control.onEvent?.(m.event);
      else if (m.type === "done") settle(() => resolve(m.summary));
      else settle(() => reject(new CrawlThreadError(m.name, m.message, m.stack)));
    });
    worker.on("error", (err: Error & { code?: string }) => {
      settle(() => reject(err.code === "ERR_WORKER_OUT_OF_MEMORY" ? new CrawlOutOfMemory(control.heapMb) : err));
    });
    worker.on("exit", (code) => {
      settle(() => reject(new Error(`the crawl thread stopped (exit code ${code}) before it finished`)));
    });
  });
}
