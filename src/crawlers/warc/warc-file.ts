import { writevSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { createMarker, releaseMarker, removeMarker } from "./warc-open-marker.ts";

// One WARC file being written: created exclusively (never an existing file: a file a crashed
// writer left is recovered, never appended to), its `.open` marker created first and removed only
// after a clean close. Appends are positional; a failed append is cut back off, so the file never
// keeps a torn member while its writer lives.

const SYNC_WRITE_BELOW = 1024 * 1024;

export class WarcFile {
  readonly name: string;
  readonly path: string;
  private handle: FileHandle | undefined;
  /** Bytes written (the next record's offset). */
  size = 0;
  /** Records written, warcinfo included. */
  records = 0;

  /** A failed append could not be cut back off: the file must not be written to again (recovery will cut it). */
  torn = false;

  private constructor(name: string, path: string, handle: FileHandle) {
    this.name = name;
    this.path = path;
    this.handle = handle;
  }

  /** Creates `dir/name` (fails if it exists), after its `.open` marker. */
  static async create(dir: string, name: string): Promise<WarcFile> {
    const path = join(dir, name);
    await createMarker(path);
    let handle: FileHandle;
    try {
      handle = await open(path, "wx");
    } catch (error) {
      await removeMarker(path);
      throw error;
    }
    return new WarcFile(name, path, handle);
  }

  /** Appends the members; returns the offset of the first. On failure the file is cut back to its old size. */
  async append(members: Buffer[], records: number, sync: boolean): Promise<number> {
    const handle = this.live();
    const start = this.size;
    const total = members.reduce((sum, member) => sum + member.length, 0);
    try {
      // Small appends are written synchronously: a page-cache write of a few KB is quicker than the thread-pool round trip.
      let written = total < SYNC_WRITE_BELOW ? writevSync(handle.fd, members, start) : (await handle.writev(members, start)).bytesWritten;
      // A short write (rare on regular files): write the rest from where it stopped.
      while (written < total) {
        const rest = Buffer.concat(members).subarray(written);
        written += (await handle.write(rest, 0, rest.length, start + written)).bytesWritten;
      }
      if (sync) await handle.sync();
    } catch (error) {
      await handle.truncate(start).catch(() => {
        this.torn = true;
      });
      throw new Error(`cannot append to WARC file ${this.path}: ${(error as Error).message}`);
    }
    this.size = start + total;
    this.records += records;
    return start;
  }

  /** Flushes to disk, closes, then removes the marker: a file without a marker was closed cleanly. */
  async close(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    this.handle = undefined;
    if (this.torn) {
      releaseMarker(this.path);
      await handle.close().catch(() => undefined);
      return;
    }
    try {
      await handle.sync();
      await handle.close();
    } catch (error) {
      releaseMarker(this.path); // the marker stays: recovery will check this file's tail
      await handle.close().catch(() => undefined);
      throw error;
    }
    await removeMarker(this.path);
  }

  private live(): FileHandle {
    if (!this.handle) throw new Error(`WARC file ${this.name} is closed`);
    return this.handle;
  }
}
