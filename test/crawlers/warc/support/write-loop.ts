import { randomBytes } from "node:crypto";
import { WarcWriter } from "../../../../src/crawlers/warc/warc-writer.ts";
import { syntheticExchange } from "./http-capture.ts";

// Child process for the crash test: writes exchanges with large incompressible bodies (level 0,
// so appends are long and a kill often lands inside one), two in flight at a time, and prints each
// location as a JSON line once its write has resolved. Runs until it is killed.

const dir = process.argv[2];
if (!dir) throw new Error("usage: write-loop.ts DIR");
const pool = randomBytes(12 << 20);
const writer = await WarcWriter.open({ dir, software: "nianbao/0.1.0-test", maxFileBytes: 24 << 20, compressionLevel: 0 });
for (let i = 0; ; i += 2) {
  const pending = [i, i + 1].map((n) => {
    const size = (1 << 20) + ((n * 2_654_435_761) % (5 << 20));
    const start = (n * 40_503) % (pool.length - size);
    return writer.write(syntheticExchange(n, pool.subarray(start, start + size)));
  });
  for (const location of await Promise.all(pending)) process.stdout.write(`${JSON.stringify(location)}\n`);
}
