import type { ByteSink } from "../export/parquet-file.ts";
import { attachment } from "./respond.ts";

// A download streamed as it is produced: the producer writes into a TransformStream whose
// readable side is the response body, so it waits whenever the client reads slower than the
// database answers (backpressure), and stops when the client goes away. A failure after the
// headers are sent can only cut the response short: it is logged and the connection closed.

export interface StreamWriter extends ByteSink { write(chunk: string | Uint8Array): Promise<void> }

export function streamDownload(type: string, filename: string, produce: (out: StreamWriter) => Promise<unknown>, onError: (err: unknown) => void): Response {
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const encoder = new TextEncoder();
  const out: StreamWriter = {
    async write(chunk: string | Uint8Array) {
      await writer.ready;
      await writer.write(typeof chunk === "string" ? encoder.encode(chunk) : chunk);
    },
    async close() { /* closed below, once the producer returns */ },
    async abort() { /* the producer's failure aborts the stream below */ },
  };
  void produce(out).then(
    () => writer.close().catch(() => undefined),
    (err) => { onError(err); void writer.abort(err).catch(() => undefined); },
  );
  return new Response(readable, {
    headers: { "content-type": type, "content-disposition": attachment(filename), "cache-control": "no-store", "x-content-type-options": "nosniff" },
  });
}
