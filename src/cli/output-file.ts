import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { Writable } from "node:stream";

// Where a streaming command writes: standard output or --out FILE, honouring backpressure so a
// large export never piles up in memory.

export interface Output { write(chunk: string): Promise<void>; close(): Promise<void> }

export function openOutput(path?: string): Output {
  const stream: Writable = path ? createWriteStream(path) : process.stdout;
  let failure: Error | null = null;
  stream.on("error", (err) => { failure = err; });
  return {
    async write(chunk) {
      if (failure) throw failure;
      if (!stream.write(chunk)) await Promise.race([once(stream, "drain"), once(stream, "error")]);
      if (failure) throw failure;
    },
    async close() {
      if (path) await new Promise<void>((resolve, reject) => stream.end((err?: Error | null) => (err ? reject(err) : resolve())));
      if (failure) throw failure;
    },
  };
}
