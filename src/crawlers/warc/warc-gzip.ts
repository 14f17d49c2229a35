import { promisify } from "node:util";
import { crc32, deflateRaw, deflateRawSync, inflateRawSync } from "node:zlib";

// One gzip member per WARC record (WARC/1.1 annex D), so a record can be inflated from its offset
// alone. Our members carry one extra subfield in the gzip header (RFC 1952 FEXTRA, like BGZF's
// BSIZE): SI1 SI2 = "NB", 4 bytes, the member's total length (little-endian). Every gzip reader
// skips it; recovery and the record iterator use it to step from member to member without
// inflating, and to find the last member of a file from its tail.
//
//   1f 8b 08 04 | mtime 0 (4) | xfl 0 | os ff | xlen 8 (2) | 'N' 'B' | 4 (2) | length (4) | deflate … | crc32 | isize

const deflateRawAsync = promisify(deflateRaw);

export const MEMBER_HEADER_BYTES = 20;
const MAX_MEMBER_BYTES = 0xffff_ffff;
const HEADER_PREFIX = [0x1f, 0x8b, 0x08, 0x04];
const EXTRA = [0x08, 0x00, 0x4e, 0x42, 0x04, 0x00]; // xlen 8, "NB", 4 bytes

/** Records smaller than this are compressed on the calling thread (a thread-pool round trip costs more than it saves). */
const ASYNC_FROM_BYTES = 256 * 1024;

/**
 * Compresses `data` (the parts, concatenated) into one gzip member carrying its own length. Large
 * records are compressed on libuv's thread pool, so an attachment does not stall the event loop.
 */
export async function gzipMember(parts: Uint8Array[], level: number): Promise<Buffer> {
  const data = parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  const deflated = data.length < ASYNC_FROM_BYTES ? deflateRawSync(data, { level }) : await deflateRawAsync(data, { level });
  const length = MEMBER_HEADER_BYTES + deflated.length + 8;
  if (length > MAX_MEMBER_BYTES) throw new Error(`WARC record too large for one gzip member (${length} bytes compressed; the limit is 4 GiB)`);
  const member = Buffer.allocUnsafe(length);
  member.set(HEADER_PREFIX, 0);
  member.writeUInt32LE(0, 4); // mtime: none
  member[8] = 0; // xfl
  member[9] = 0xff; // os: unknown
  member.set(EXTRA, 10);
  member.writeUInt32LE(length, 16);
  member.set(deflated, MEMBER_HEADER_BYTES);
  member.writeUInt32LE(crc32(data), length - 8);
  member.writeUInt32LE(data.length % 2 ** 32, length - 4);
  return member;
}

/** The length our header at `pos` declares, or undefined when `pos` does not start one of our member headers. */
export function declaredLength(buf: Uint8Array, pos: number): number | undefined {
  if (pos + MEMBER_HEADER_BYTES > buf.length) return undefined;
  for (let i = 0; i < 4; i++) if (buf[pos + i] !== HEADER_PREFIX[i]) return undefined;
  for (let i = 0; i < 6; i++) if (buf[pos + 10 + i] !== EXTRA[i]) return undefined;
  const length = buf[pos + 16]! | (buf[pos + 17]! << 8) | (buf[pos + 18]! << 16) | (buf[pos + 19]! * 2 ** 24);
  return length > MEMBER_HEADER_BYTES + 8 ? length : undefined;
}

/** Whether the first bytes of a file could be the start of one of our members (a prefix of our header counts). */
export function startsLikeOurs(buf: Uint8Array): boolean {
  const fixed = [...HEADER_PREFIX, -1, -1, -1, -1, -1, -1, ...EXTRA];
  for (let i = 0; i < Math.min(buf.length, fixed.length); i++) if (fixed[i] !== -1 && buf[i] !== fixed[i]) return false;
  return true;
}

export interface InflatedMember {
  data: Buffer;
  /** Bytes the member occupies (header, deflate stream, trailer). */
  length: number;
  /** The length our header declared, if the member is one of ours. */
  declared?: number;
}

/** Thrown when `buf` ends before the member does: the caller may read more and retry. */
export class TruncatedMemberError extends Error {}

/**
 * Inflates the gzip member starting at `pos` (any gzip writer's: FEXTRA, FNAME, FCOMMENT, FHCRC are
 * skipped), checking its CRC-32 and size. Throws TruncatedMemberError when `buf` ends inside it,
 * Error when it is corrupt.
 */
export function inflateMemberAt(buf: Uint8Array, pos: number): InflatedMember {
  const at = (i: number) => {
    if (i >= buf.length) throw new TruncatedMemberError("gzip member ends early");
    return buf[i]!;
  };
  if (at(pos) !== 0x1f || at(pos + 1) !== 0x8b || at(pos + 2) !== 8) throw new Error("not a gzip member");
  const flags = at(pos + 3);
  let p = pos + 10;
  if (flags & 4) p += 2 + (at(p) | (at(p + 1) << 8));
  if (flags & 8) while (at(p++) !== 0);
  if (flags & 16) while (at(p++) !== 0);
  if (flags & 2) p += 2;
  if (p >= buf.length) throw new TruncatedMemberError("gzip member ends early");
  const view = Buffer.from(buf.buffer, buf.byteOffset + p, buf.length - p);
  let inflated: { buffer: Buffer; engine: { bytesWritten: number } };
  try {
    inflated = inflateRawSync(view, { info: true }) as unknown as typeof inflated;
  } catch (error) {
    if ((error as { code?: string }).code === "Z_BUF_ERROR") throw new TruncatedMemberError("gzip member ends early");
    throw new Error(`corrupt gzip member: ${(error as Error).message}`);
  }
  const end = p + inflated.engine.bytesWritten;
  if (end + 8 > buf.length) throw new TruncatedMemberError("gzip member ends early");
  const data = inflated.buffer;
  const trailer = Buffer.from(buf.buffer, buf.byteOffset + end, 8);
  if (trailer.readUInt32LE(0) !== crc32(data)) throw new Error("gzip member fails its CRC-32 check");
  if (trailer.readUInt32LE(4) !== data.length % 2 ** 32) throw new Error("gzip member fails its size check");
  const declared = flags & 4 ? declaredLength(buf, pos) : undefined;
  return { data, length: end + 8 - pos, declared };
}

