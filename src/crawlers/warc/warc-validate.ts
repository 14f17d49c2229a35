import { basename } from "node:path";
import { digestMatches } from "./warc-digest.ts";
import { parseHttpBlock } from "./warc-http.ts";
import { readMembers } from "./warc-members.ts";
import { field, parseRecords, type ParsedRecord } from "./warc-record.ts";

// Checks a .warc.gz file the way `warcio check` does, and a little more: every gzip member
// inflates (CRC and size), every record parses with the mandatory fields, its Content-Length and
// trailer are right, block and payload digests match, record IDs are unique, and every
// WARC-Concurrent-To names a record of the file (a request and its response are linked).

export interface WarcCheck {
  file: string;
  records: number;
  /** Each "offset N: what is wrong". Empty when the file is valid. */
  errors: string[];
  /** Not wrong, but worth knowing: no digest to check, no warcinfo first, a response without request. */
  warnings: string[];
}

const MAX_MESSAGES = 100;

export async function validateWarcFile(path: string): Promise<WarcCheck> {
  const check: WarcCheck = { file: basename(path), records: 0, errors: [], warnings: [] };
  const error = (offset: number, message: string) => check.errors.length < MAX_MESSAGES && check.errors.push(`offset ${offset}: ${message}`);
  const warn = (offset: number, message: string) => check.warnings.length < MAX_MESSAGES && check.warnings.push(`offset ${offset}: ${message}`);
  const ids = new Map<string, number>();
  const links: Array<{ offset: number; from: string; to: string; type: string }> = [];
  const types = new Map<string, string>();

  for await (const member of readMembers(path)) {
    if (!member.data) {
      error(member.offset, member.torn ? `${member.problem} (a torn write: run recovery)` : member.problem ?? "unreadable gzip member");
      continue;
    }
    let records: ParsedRecord[];
    try {
      records = parseRecords(member.data);
    } catch (problem) {
      error(member.offset, (problem as Error).message);
      continue;
    }
    if (records.length > 1) warn(member.offset, `one gzip member holds ${records.length} records (readers expect one per member)`);
    for (const record of records) {
      const at = member.offset;
      const id = field(record.fields, "WARC-Record-ID") ?? "";
      const type = field(record.fields, "WARC-Type") ?? "";
      if (check.records === 0 && type !== "warcinfo") warn(at, "the file does not open with a warcinfo record");
      check.records++;
      for (const problem of recordProblems(record)) error(at, `${id || "record"}: ${problem}`);
      for (const note of digestNotes(record, type)) warn(at, `${id || "record"}: ${note}`);
      if (id) {
        if (ids.has(id)) error(at, `WARC-Record-ID ${id} is not unique (also at offset ${ids.get(id)})`);
        ids.set(id, at);
        types.set(id, type);
      }
      for (const [name, value] of record.fields) {
        if (name.toLowerCase() === "warc-concurrent-to") links.push({ offset: at, from: id, to: value.trim(), type });
      }
    }
  }

  const linked = new Set<string>();
  for (const link of links) {
    if (!ids.has(link.to)) error(link.offset, `${link.from}: WARC-Concurrent-To ${link.to} is not in the file`);
    else linked.add(link.from).add(link.to);
  }
  for (const [id, type] of types) {
    if ((type === "response" || type === "request") && !linked.has(id)) warn(ids.get(id)!, `${type} ${id} is linked to no ${type === "response" ? "request" : "response"}`);
  }
  return check;
}

function recordProblems(record: ParsedRecord): string[] {
  const problems = [...record.problems];
  for (const name of ["WARC-Record-ID", "WARC-Date", "WARC-Type"]) {
    if (!field(record.fields, name)) problems.push(`no ${name}`);
  }
  const id = field(record.fields, "WARC-Record-ID");
  if (id && !/^<[a-z][a-z0-9+.-]*:[^<>\s]+>$/i.test(id)) problems.push(`WARC-Record-ID is not <URI>: ${id}`);
  const date = field(record.fields, "WARC-Date");
  if (date && !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,9})?Z$/.test(date)) problems.push(`WARC-Date is not a UTC W3C date: ${date}`);
  const blockDigest = field(record.fields, "WARC-Block-Digest");
  if (blockDigest && digestMatches(blockDigest, record.block) === false) problems.push("block digest mismatch");
  const payloadDigest = field(record.fields, "WARC-Payload-Digest");
  const payload = payloadOf(record);
  if (payload === undefined && (field(record.fields, "Content-Type") ?? "").toLowerCase().startsWith("application/http") && record.block.length > 0) problems.push("the HTTP message does not parse");
  if (payloadDigest && payload && digestMatches(payloadDigest, payload) === false) problems.push("payload digest mismatch");
  return problems;
}

function digestNotes(record: ParsedRecord, type: string): string[] {
  const notes: string[] = [];
  const blockDigest = field(record.fields, "WARC-Block-Digest");
  if (!blockDigest) notes.push("no WARC-Block-Digest");
  else if (digestMatches(blockDigest, record.block) === undefined) notes.push(`cannot check ${blockDigest.split(":")[0]} block digest`);
  if ((type === "response" || type === "request") && !field(record.fields, "WARC-Payload-Digest")) notes.push("no WARC-Payload-Digest");
  return notes;
}

/** The payload a WARC-Payload-Digest covers: an HTTP record's entity body, any other record's block. */
function payloadOf(record: ParsedRecord): Uint8Array | undefined {
  const type = field(record.fields, "WARC-Type");
  const contentType = (field(record.fields, "Content-Type") ?? "").toLowerCase();
  if (type === "revisit") return undefined; // its digest is the original's payload
  if (!contentType.startsWith("application/http")) return record.block;
  try {
    return parseHttpBlock(record.block).body;
  } catch {
    return undefined;
  }
}
