import { open, stat } from "node:fs/promises";
import { MAX_INPUT_BYTES } from "../extract/limits.ts";
import { UserError } from "./fail.ts";

// Reads one input (a path, `-` for standard input, or an http(s) URL) with the size bounded
// before anything large is held in memory.

export interface Input { bytes: Uint8Array; name: string; contentType?: string }

const MB = 1024 * 1024;
const tooBig = (name: string) =>
  new UserError(`${name}: larger than the ${MAX_INPUT_BYTES / MB} MB limit for one document; check that this is the right file`);

async function readStream(stream: AsyncIterable<Uint8Array>, name: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of stream) {
    size += chunk.length;
    if (size > MAX_INPUT_BYTES) throw tooBig(name);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

async function readUrl(url: string): Promise<Input> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(60_000), headers: { "user-agent": "nianbao (+https://github.com/nianbao)" } });
  } catch (err) {
    throw new UserError(`${url}: could not fetch (${(err as Error).cause ?? (err as Error).message}); check the address and your network`);
  }
  if (!res.ok) throw new UserError(`${url}: the server answered HTTP ${res.status}; check the address`);
  const length = Number(res.headers.get("content-length") ?? 0);
  if (length > MAX_INPUT_BYTES) throw tooBig(url);
  const bytes = res.body ? await readStream(res.body as unknown as AsyncIterable<Uint8Array>, url) : new Uint8Array();
  return { bytes, name: url, contentType: res.headers.get("content-type") ?? undefined };
}

export async function readInput(arg: string): Promise<Input> {
  if (arg === "-") return { bytes: await readStream(process.stdin, "standard input"), name: "standard input" };
  if (/^https?:\/\//i.test(arg)) return readUrl(arg);
  const info = await stat(arg);
  if (info.isDirectory()) throw new UserError(`${arg}: is a directory; give the files inside it`);
  if (info.size > MAX_INPUT_BYTES) throw tooBig(arg);
  const file = await open(arg);
  try {
    return { bytes: await readStream(file.createReadStream(), arg), name: arg };
  } finally {
    await file.close();
  }
}
