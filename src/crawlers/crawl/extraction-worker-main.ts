import { parentPort } from "node:worker_threads";
import { tryExtract } from "../../extract/try-extract.ts";

// The extraction worker's thread (extraction-worker.ts): one document in, its extraction (or why
// there is none) out.

parentPort?.on("message", async (job: { bytes: Uint8Array; name: string; contentType?: string; context?: { title?: string; publisher?: string } }) => {
  parentPort?.postMessage(await tryExtract(job.bytes, job.name, job.contentType, job.context));
});
