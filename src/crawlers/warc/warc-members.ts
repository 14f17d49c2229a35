import { open, type FileHandle } from "node:fs/promises";
import { declaredLength, inflateMemberAt, MEMBER_HEADER_BYTES, TruncatedMemberError } from "./warc-gzip.ts";

// Walks the gzip members of a .warc.gz file in order, inflating each. Our members state their
// length, so exactly their bytes are read; members other writers made are found by inflating
// (the window grows until the member fits). A member that is cut short by the end of the file, or
// corrupt, is reported instead of thrown: validation and recovery decide what that means.

export interface Member {
  offset: number;
  /** Bytes the member occupies in the file (for a torn member: up to the end of the file). */
  length: number;
  /** The inflated member (absent when `problem` is set). */
  data?: Buffer;
  /** The length our gzip header declares, for our members. */
  declared?: number;
  /** Why the member could not be read: "torn" (the file ends inside it) or a corruption. */
  problem?: string;
  torn?: boolean;
}

const WINDOW = 1 << 20;

export async function* readMembers(path: string, from = 0): AsyncGenerator<Member> {
  const handle = await open(path, "r");
  try {
    const size = (await handle.stat()).size;
    const reader = new RangeReader(handle, size);
    let pos = from;
    while (pos < size) {
      const head = await reader.range(pos, Math.min(MEMBER_HEADER_BYTES, size - pos));
      const declared = declaredLength(head.bytes, head.at);
      if (declared !== undefined && pos + declared > size) {
        yield { offset: pos, length: size - pos, declared, problem: "torn: the file ends inside this gzip member", torn: true };
        return;
      }
      let want = declared ?? WINDOW;
      for (;;) {
        const view = await reader.range(pos, Math.min(want, size - pos));
        try {
          const member = inflateMemberAt(view.bytes.subarray(0, view.at + Math.min(want, size - pos)), view.at);
          if (declared !== undefined && member.length !== declared) {
            yield { offset: pos, length: declared, declared, problem: `gzip member is ${member.length} bytes, its header says ${declared}` };
          } else {
            yield { offset: pos, length: member.length, data: member.data, declared };
          }
          pos += declared ?? member.length;
          break;
        } catch (error) {
          if (error instanceof TruncatedMemberError && declared === undefined && pos + want < size) {
            want *= 2;
            continue;
          }
          const torn = error instanceof TruncatedMemberError;
          yield { offset: pos, length: declared ?? size - pos, declared, problem: torn ? "torn: the file ends inside this gzip member" : (error as Error).message, torn };
          if (declared === undefined || torn) return;
          pos += declared; // a corrupt member of ours: its neighbours can still be read
          break;
        }
      }
    }
  } finally {
    await handle.close();
  }
}

/** Reads byte ranges of a file through one reusable window. */
export class RangeReader {
  private buf = Buffer.alloc(0);
  private start = 0;

  private readonly handle: FileHandle;
  readonly size: number;

  constructor(handle: FileHandle, size: number) {
    this.handle = handle;
    this.size = size;
  }

  /** A buffer holding [pos, pos + length), and where pos is in it. */
  async range(pos: number, length: number): Promise<{ bytes: Buffer; at: number }> {
    if (pos >= this.start && pos + length <= this.start + this.buf.length) return { bytes: this.buf, at: pos - this.start };
    const span = Math.min(Math.max(length, WINDOW), this.size - pos);
    const buf = Buffer.allocUnsafe(span);
    let read = 0;
    while (read < span) {
      const { bytesRead } = await this.handle.read(buf, read, span - read, pos + read);
      if (bytesRead === 0) break;
      read += bytesRead;
    }
    this.buf = buf.subarray(0, read);
    this.start = pos;
    return { bytes: this.buf, at: 0 };
  }
}
