import { open, readdir, rm, stat } from "node:fs/promises";
import { join, resolve } from "node:path";
import { declaredLength, inflateMemberAt, MEMBER_HEADER_BYTES, startsLikeOurs } from "./warc-gzip.ts";
import { RangeReader } from "./warc-members.ts";
import { markerState, OPEN_SUFFIX } from "./warc-open-marker.ts";
import { field, parseRecords } from "./warc-record.ts";

// After a crash (kill -9, OOM, power loss) a WARC file can end in a torn gzip member. The crawler
// calls recoverWarcDir before it resumes: every .warc.gz file not held by a live writer (see
// warc-open-marker.ts) has its tail checked, and a file whose tail is not a complete record is cut
// back to the end of its last complete exchange.
//
// The check works from the tail and reads only the last member or two, however large the file:
// our members state their length in their gzip header (warc-gzip.ts), so scanning backwards from
// the end for a member header whose stated length ends at (or before) the end of the file finds
// the last member; it is inflated and parsed to confirm it. A response whose request did not make
// it (the pair is written in one append, response first) is cut too: a capture the crawler was
// told about always has both records. Files other writers made are left alone.

export interface RecoveryCut {
  /** File name, relative to the folder. */
  file: string;
  keptBytes: number;
  cutBytes: number;
  reason: string;
}

const SCAN_CHUNK = 1 << 20;

export async function recoverWarcDir(dir: string): Promise<RecoveryCut[]> {
  const folder = resolve(dir);
  let names: string[];
  try {
    names = await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const cuts: RecoveryCut[] = [];
  for (const name of names.sort()) {
    const path = join(folder, name);
    if (name.endsWith(`.warc.gz${OPEN_SUFFIX}`)) {
      // A marker whose file was never created: its writer died in between.
      const warc = path.slice(0, -OPEN_SUFFIX.length);
      if (!(await exists(warc)) && (await markerState(warc)) === "stale") await rm(path, { force: true });
      continue;
    }
    if (!name.endsWith(".warc.gz")) continue;
    const state = await markerState(path);
    if (state === "live") continue;
    const cut = await recoverFile(path);
    if (cut) cuts.push({ file: name, ...cut });
    if (state === "stale") await rm(path + OPEN_SUFFIX, { force: true });
  }
  return cuts;
}

/** Cuts one file back to the end of its last complete exchange; undefined when nothing had to go. */
export async function recoverFile(path: string): Promise<Omit<RecoveryCut, "file"> | undefined> {
  const handle = await open(path, "r+");
  try {
    const size = (await handle.stat()).size;
    if (size === 0) return undefined;
    const reader = new RangeReader(handle, size);
    const head = await reader.range(0, Math.min(MEMBER_HEADER_BYTES, size));
    if (!startsLikeOurs(head.bytes.subarray(head.at, head.at + MEMBER_HEADER_BYTES))) return undefined;
    const { end, reason } = await lastCompleteEnd(reader, size);
    if (end === size) return undefined;
    await handle.truncate(end);
    await handle.sync();
    return { keptBytes: end, cutBytes: size - end, reason };
  } finally {
    await handle.close();
  }
}

async function lastCompleteEnd(reader: RangeReader, size: number): Promise<{ end: number; reason: string }> {
  let limit = size; // the kept part ends at or before this
  let before = size; // the next member header to look at starts before this
  const reasons = new Set<string>();
  for (;;) {
    const candidate = await lastHeaderBefore(reader, before);
    if (candidate === undefined) {
      reasons.add("no complete record");
      return { end: 0, reason: [...reasons].join("; ") };
    }
    const [pos, length] = candidate;
    before = pos;
    if (pos + length > limit) {
      reasons.add(limit === size ? "the last gzip member is torn" : "a member overlaps the cut");
      continue;
    }
    const last = await lastRecordType(reader, pos, length);
    if (last === undefined) {
      reasons.add("a gzip member is corrupt");
      continue;
    }
    if (last === "response") {
      reasons.add("a response record lost its request record");
      limit = pos;
      continue;
    }
    if (pos + length < size && reasons.size === 0) reasons.add("bytes after the last record are not a WARC record");
    return { end: pos + length, reason: [...reasons].join("; ") };
  }
}

/** The last position before `before` where one of our member headers starts, with its length. */
async function lastHeaderBefore(reader: RangeReader, before: number): Promise<[number, number] | undefined> {
  let chunkEnd = before;
  while (chunkEnd > 0) {
    const chunkStart = Math.max(0, chunkEnd - SCAN_CHUNK);
    const span = Math.min(reader.size, chunkEnd + MEMBER_HEADER_BYTES - 1) - chunkStart;
    const { bytes, at } = await reader.range(chunkStart, span);
    let q = chunkEnd - 1 - chunkStart;
    while (q >= 0) {
      const found = bytes.lastIndexOf(0x1f, at + q);
      if (found < at) break;
      const length = declaredLength(bytes.subarray(0, at + span), found);
      if (length !== undefined) return [chunkStart + found - at, length];
      q = found - at - 1;
    }
    chunkEnd = chunkStart;
  }
  return undefined;
}

/** The WARC-Type of the last record in the member, or undefined when the member does not inflate and parse. */
async function lastRecordType(reader: RangeReader, pos: number, length: number): Promise<string | undefined> {
  try {
    const { bytes, at } = await reader.range(pos, length);
    const member = inflateMemberAt(bytes.subarray(at, at + length), 0);
    if (member.length !== length) return undefined;
    const records = parseRecords(member.data);
    if (records.length === 0 || records.some((record) => record.problems.length > 0)) return undefined;
    return field(records[records.length - 1]!.fields, "WARC-Type") ?? "";
  } catch {
    return undefined;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}
