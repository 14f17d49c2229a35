import { open } from "node:fs/promises";
import { basename, join } from "node:path";
import { digestMatches } from "./warc-digest.ts";
import { inflateMemberAt } from "./warc-gzip.ts";
import { parseHttpBlock } from "./warc-http.ts";
import { readMembers } from "./warc-members.ts";
import { field, parseRecord, parseRecords } from "./warc-record.ts";
import type { HeaderList, WarcLocation } from "./types.ts";

// Reading captures back: one record from its location (the crawler re-reads a page that answered
// 304 to find its links again), or every record of a file (tests, indexing, validation).

export interface StoredRecord {
  /** WARC-Type: response, request, resource, metadata, warcinfo … */
  type: string;
  recordId: string;
  /** WARC-Date as written ("2024-05-01T08:30:12.345Z"). */
  date: string;
  targetUri?: string;
  /** All WARC fields, in order. */
  warcFields: HeaderList;
  /** For response records: the status line's parts and the headers as stored (one char per byte). */
  httpVersion?: string;
  status?: number;
  statusText?: string;
  /** HTTP headers (response and request records). */
  headers?: HeaderList;
  /** For request records: method and request target. */
  method?: string;
  /** The entity body of an HTTP record (still Content-Encoded), or the whole block of any other record. */
  body: Uint8Array;
  /** The record's block (for an HTTP record: head and body) as stored. */
  block: Uint8Array;
}

export function storedRecord(fields: HeaderList, block: Buffer): StoredRecord {
  const type = field(fields, "WARC-Type") ?? "";
  const record: StoredRecord = { type, recordId: field(fields, "WARC-Record-ID") ?? "", date: field(fields, "WARC-Date") ?? "", targetUri: field(fields, "WARC-Target-URI"), warcFields: fields, body: block, block };
  const contentType = (field(fields, "Content-Type") ?? "").toLowerCase().replace(/\s+/g, "");
  const http = contentType.startsWith("application/http") || ((type === "response" || type === "request") && contentType === "");
  if (!http || !(type === "response" || type === "request" || type === "revisit") || block.length === 0) return record;
  const parsed = parseHttpBlock(block);
  record.headers = parsed.headers;
  record.body = parsed.body;
  const parts = parsed.startLine.split(" ");
  if (type === "request") {
    record.method = parts[0];
  } else {
    record.httpVersion = parts[0];
    record.status = Number(parts[1]);
    record.statusText = parts.slice(2).join(" ");
  }
  return record;
}

/**
 * The record a location points to (normally a response): reads only its gzip member. Throws a
 * one-line error when the file is missing, the bytes there are not that record, or its payload
 * digest does not match.
 */
export async function readRecordAt(dir: string, location: Pick<WarcLocation, "file" | "offset" | "length"> & Partial<Pick<WarcLocation, "recordId">>): Promise<StoredRecord> {
  if (basename(location.file) !== location.file) throw new Error(`WARC location names a path, not a file in the WARC folder: ${location.file}`);
  const where = `${location.file} at offset ${location.offset}`;
  const path = join(dir, location.file);
  let handle;
  try {
    handle = await open(path, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new Error(`WARC file ${location.file} is not in ${dir}: was the WARC folder moved?`);
    throw error;
  }
  let record: StoredRecord;
  try {
    const buf = Buffer.alloc(location.length);
    const { bytesRead } = await handle.read(buf, 0, location.length, location.offset);
    if (bytesRead < location.length) throw new Error(`WARC ${where}: the file ends before the record does`);
    const member = inflateMemberAt(buf, 0);
    const parsed = parseRecord(member.data);
    record = storedRecord(parsed.fields, parsed.block);
  } catch (error) {
    throw new Error((error as Error).message.startsWith("WARC ") ? (error as Error).message : `WARC ${where}: ${(error as Error).message}`);
  } finally {
    await handle.close();
  }
  if (location.recordId && record.recordId !== location.recordId) throw new Error(`WARC ${where} holds record ${record.recordId}, not ${location.recordId}`);
  const digest = field(record.warcFields, "WARC-Payload-Digest");
  if (digest && digestMatches(digest, record.body) === false) throw new Error(`WARC ${where}: payload digest mismatch (the stored body is damaged)`);
  return record;
}

export interface FileRecord extends StoredRecord {
  /** The gzip member holding the record, and its compressed length. */
  offset: number;
  length: number;
}

/** Every record of a .warc.gz file, in order. Throws at the first member that cannot be read. */
export async function* readWarcRecords(path: string): AsyncGenerator<FileRecord> {
  for await (const member of readMembers(path)) {
    if (!member.data) throw new Error(`WARC ${basename(path)} at offset ${member.offset}: ${member.problem}`);
    for (const parsed of parseRecords(member.data)) yield { ...storedRecord(parsed.fields, parsed.block), offset: member.offset, length: member.length };
  }
}
