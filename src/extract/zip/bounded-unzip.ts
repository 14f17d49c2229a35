import { Inflate } from "fflate";
import { MAX_UNZIPPED_BYTES, MAX_ZIP_RATIO } from "../limits.ts";
import { entryDataOffset, readZipDirectory, type ZipEntry } from "./zip-directory.ts";
import { ZipError } from "./zip-error.ts";

// A zip reader that cannot be made to blow up: it refuses archives whose central directory
// declares more than `maxBytes` in total or an entry more compressed than `maxRatio`, inflates
// only the entries asked for, in small chunks, and stops the moment the real output crosses a
// limit (so a header that lies about sizes costs at most one chunk's worth of memory).

export interface UnzipLimits {
  /** Most uncompressed bytes, declared or actually inflated, in the whole archive. */
  maxBytes: number;
  /** Most uncompressed/compressed ratio for an entry larger than `ratioFloor`. */
  maxRatio: number;
  /** Entries smaller than this are exempt from the ratio check (small XML compresses well). */
  ratioFloor: number;
}

export const DEFAULT_UNZIP_LIMITS: UnzipLimits = {
  maxBytes: MAX_UNZIPPED_BYTES,
  maxRatio: MAX_ZIP_RATIO,
  ratioFloor: 1024 * 1024,
};

/** Compressed bytes fed to the inflater per push: deflate expands ≤ 1032×, so ≤ ~8 MB out. */
const CHUNK = 8 * 1024;

const mb = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

export interface BoundedZip {
  readonly entries: readonly ZipEntry[];
  find(name: string): ZipEntry | undefined;
  /** Inflates one entry; throws ZipError when it is damaged or crosses a limit. */
  read(entry: ZipEntry): Uint8Array;
  /** Bytes inflated so far, across all entries read. */
  readonly inflated: number;
}

function tooLarge(limits: UnzipLimits): never {
  throw new ZipError("too-large", `expands beyond the ${mb(limits.maxBytes)} limit`);
}

export function openZip(bytes: Uint8Array, limits: UnzipLimits = DEFAULT_UNZIP_LIMITS): BoundedZip {
  const entries = readZipDirectory(bytes);
  let declared = 0;
  for (const e of entries) {
    declared += e.uncompressedSize;
    if (declared > limits.maxBytes) tooLarge(limits);
    if (e.uncompressedSize > limits.ratioFloor && e.uncompressedSize > e.compressedSize * limits.maxRatio) {
      throw new ZipError("too-large", `entry ${e.name} expands ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}× (limit ${limits.maxRatio}×)`);
    }
  }
  const byName = new Map(entries.map((e) => [e.name, e]));
  let inflated = 0;

  const read = (entry: ZipEntry): Uint8Array => {
    if (entry.flags & 1) throw new ZipError("unsupported", `entry ${entry.name} is encrypted`);
    const start = entryDataOffset(bytes, entry);
    const data = bytes.subarray(start, start + entry.compressedSize);
    if (entry.method === 0) {
      inflated += data.length;
      if (inflated > limits.maxBytes) tooLarge(limits);
      return data;
    }
    if (entry.method !== 8) throw new ZipError("unsupported", `entry ${entry.name} uses compression method ${entry.method}`);
    // The declared size bounds the output too: a liar is stopped at its own claim.
    const cap = Math.min(entry.uncompressedSize, limits.maxBytes - inflated);
    const chunks: Uint8Array[] = [];
    let produced = 0;
    let failure: ZipError | undefined;
    const inflater = new Inflate((chunk) => {
      produced += chunk.length;
      if (produced > cap) {
        failure = produced > limits.maxBytes - inflated
          ? new ZipError("too-large", `expands beyond the ${mb(limits.maxBytes)} limit`)
          : new ZipError("too-large", `entry ${entry.name} inflates beyond its declared ${entry.uncompressedSize} bytes`);
        return;
      }
      if (produced > limits.ratioFloor && produced > data.length * limits.maxRatio) {
        failure = new ZipError("too-large", `entry ${entry.name} expands more than ${limits.maxRatio}×`);
        return;
      }
      chunks.push(chunk);
    });
    try {
      for (let off = 0; off < data.length && !failure; off += CHUNK) {
        const end = Math.min(off + CHUNK, data.length);
        inflater.push(data.subarray(off, end), end === data.length);
      }
    } catch (err) {
      throw new ZipError("corrupt", `entry ${entry.name} is damaged (${(err as Error).message})`);
    }
    if (failure) throw failure;
    if (produced !== entry.uncompressedSize) throw new ZipError("corrupt", `entry ${entry.name} is shorter than declared (truncated?)`);
    inflated += produced;
    const out = new Uint8Array(produced);
    let p = 0;
    for (const c of chunks) { out.set(c, p); p += c.length; }
    return out;
  };

  return {
    entries,
    find: (name) => byName.get(name),
    read,
    get inflated() { return inflated; },
  };
}
