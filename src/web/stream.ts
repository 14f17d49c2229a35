import type { ByteSink } from "../export/parquet-file.ts";
import { attachment } from "./respond.ts";

// A download streamed as it is produced: the producer's chunks are queued on the response
// body and each write waits while the client has not read the one before (backpressure); when
// the client goes away the next write throws ClientGone and the producer stops (not an error).
// A failure after the headers are sent can only cut the response short: it is logged.

export interface StreamWriter extends ByteSink { write(chunk: string | Uint8Array): Promise<void> }

class ClientGone extends Error {}

export function streamDownload(type: string, filename: string, produce: (out: StreamWriter) => Promise<unknown>, onError: (err: unknown) => void): Response {
  const encoder = new TextEncoder();
  let controller!: ReadableStreamDefaultController<Uint8Array>;
  let cancelled = false;
  let resume: (() => void) | null = null;
  const wake = () => { const r = resume; resume = null; r?.(); };
  const body = new ReadableStream<Uint8Array>({
    start(c) { controller = c; },
    pull() { wake(); },
    cancel() { cancelled = true; wake(); },
  }, { highWaterMark: 1 });
  const out: StreamWriter = {
    async write(chunk) {
      if (cancelled) throw new ClientGone();
      const bytes = typeof chunk === "string" ? encoder.encode(chunk) : chunk;
      if (bytes.length === 0) return;
      controller.enqueue(bytes);
      if ((controller.desiredSize ?? 1) <= 0) await new Promise<void>((r) => { resume = r; });
      if (cancelled) throw new ClientGone();
    },
    async close() { /* the stream is closed once the producer returns */ },
    async abort() { /* the producer's failure ends the stream below */ },
  };
  void produce(out).then(
    () => { if (!cancelled) controller.close(); },
    (err) => {
      if (err instanceof ClientGone || cancelled) return;
      onError(err);
      controller.error(err);
    },
  );
  return new Response(body, {
    headers: { "content-type": type, "content-disposition": attachment(filename), "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });
}
