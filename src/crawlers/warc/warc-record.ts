import { parseHeaderLines } from "./header-lines.ts";
import type { HeaderList } from "./types.ts";

// A WARC record: version line, named fields (UTF-8), Content-Length, blank line, the block, and
// two CRLFs. Serializing returns the parts (the block is not copied); parsing takes the inflated
// bytes of a gzip member (which may, in files other writers made, hold several records).

const CRLF2 = Buffer.from("\r\n\r\n");

export const WARC_VERSION = "WARC/1.1";

/** The record's bytes as parts: head (version, fields, Content-Length, blank line), the block's parts, trailer. */
export function serializeRecord(fields: HeaderList, block: Uint8Array[]): Buffer[] {
  const length = block.reduce((sum, part) => sum + part.length, 0);
  const lines = [WARC_VERSION];
  for (const [name, value] of fields) {
    if (/[\r\n]/.test(name) || /[\r\n]/.test(value)) throw new TypeError(`WARC field cannot be written: ${JSON.stringify(`${name}: ${value}`).slice(0, 120)}`);
    lines.push(`${name}: ${value}`);
  }
  lines.push(`Content-Length: ${length}`, "", "");
  return [Buffer.from(lines.join("\r\n"), "utf8"), ...block.map((part) => Buffer.from(part.buffer, part.byteOffset, part.length)), CRLF2];
}

/** "2024-05-01T08:30:12.345Z": WARC/1.1 allows fractions of a second. */
export function warcDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new TypeError("WARC-Date: invalid date");
  return date.toISOString();
}

export function warcFieldsBlock(fields: HeaderList): Buffer {
  return Buffer.from(fields.map(([name, value]) => `${name}: ${value}\r\n`).join(""), "utf8");
}

export interface ParsedRecord {
  version: string;
  fields: HeaderList;
  block: Buffer;
  /** Where the record ends in the buffer it was parsed from (after its trailing CRLFs). */
  end: number;
  /** Problems that did not stop parsing: a missing or short trailer. */
  problems: string[];
}

/** The first value of a WARC field (case-insensitive). */
export function field(fields: HeaderList, name: string): string | undefined {
  const lower = name.toLowerCase();
  return fields.find(([key]) => key.toLowerCase() === lower)?.[1];
}

/** Parses the record that starts at `start` in `buf`. Throws with a one-line reason when it is not one. */
export function parseRecord(buf: Buffer, start = 0): ParsedRecord {
  const headEnd = buf.indexOf(CRLF2, start);
  if (headEnd < 0) throw new Error("WARC record has no end of header");
  const lines = buf.subarray(start, headEnd).toString("utf8").split("\r\n");
  const version = lines.shift() ?? "";
  if (!/^WARC\/1\.[01]$/.test(version)) throw new Error(`not a WARC record (starts ${JSON.stringify(version.slice(0, 20))})`);
  const fields = parseHeaderLines(lines, "WARC", { trimNames: true });
  const lengthText = field(fields, "Content-Length");
  if (lengthText === undefined || !/^\d+$/.test(lengthText)) throw new Error("WARC record without a valid Content-Length");
  const blockStart = headEnd + 4;
  const blockEnd = blockStart + Number(lengthText);
  if (blockEnd > buf.length) throw new Error(`WARC record block is shorter than its Content-Length (${buf.length - blockStart} < ${lengthText})`);
  const problems: string[] = [];
  let end = blockEnd;
  if (buf.subarray(blockEnd, blockEnd + 4).equals(CRLF2)) end += 4;
  else problems.push("record is not followed by CRLF CRLF");
  return { version, fields, block: buf.subarray(blockStart, blockEnd), end, problems };
}

/**
 * Parses every record in an inflated member. Throws when the first does not parse; bytes after a
 * record that do not parse as another are noted among that record's problems.
 */
export function parseRecords(buf: Buffer): ParsedRecord[] {
  const records: ParsedRecord[] = [];
  let pos = 0;
  while (pos < buf.length) {
    let record: ParsedRecord;
    try {
      record = parseRecord(buf, pos);
    } catch (error) {
      if (records.length === 0) throw error;
      records[records.length - 1]!.problems.push(`${buf.length - pos} bytes after the record are not a WARC record`);
      break;
    }
    records.push(record);
    pos = record.end;
    while (pos < buf.length && (buf[pos] === 0x0d || buf[pos] === 0x0a)) pos++;
  }
  return records;
}
