import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
import { exchangeRecords, otherRecord, warcinfoRecord, type OtherRecord, type RecordBytes } from "./warc-exchange-records.ts";
import { WarcFile } from "./warc-file.ts";
import { gzipMember } from "./warc-gzip.ts";
import type { HeaderList, HttpExchange, WarcLocation } from "./types.ts";

// Writes raw captures as WARC/1.1, one gzip member per record, into
// `{prefix}-{YYYYMMDDhhmmssSSS}-{serial}-{pid}.warc.gz` files that rotate at maxFileBytes. Records
// are serialised and compressed as soon as write() is called (large ones on libuv's thread pool,
// so several can overlap); appends then happen one at a time, in call order, so concurrent
// write() calls are safe. An exchange's two records are appended in one write: a crash can tear
// only the last exchange, which recoverWarcDir cuts off. See docs/warc.md.

export interface WarcWriterOptions {
  dir: string;
  /** File name prefix; "nianbao" by default. */
  prefix?: string;
  /** Rotate before a write would take the file past this size (1 GiB by default). A larger single capture gets a file of its own. */
  maxFileBytes?: number;
  /** "nianbao/<version>", for the warcinfo record. */
  software: string;
  /** Who runs the crawl (warcinfo `operator`). */
  operator?: string;
  /** More warcinfo fields (e.g. ["isPartOf", "crawl-2024-05"], ["robots", "obey"]). */
  info?: HeaderList;
  /** Called after a file is closed for rotation (not on close()). */
  onRotate?: (rotation: WarcRotation) => void;
  /**
   * fsync after every write, before its promise resolves: the capture survives a power loss once
   * the crawler holds its location. Off by default: files are fsync'd when closed, which is enough
   * for a process crash (recovery cuts the torn tail).
   */
  fsync?: boolean;
  /** zlib level, 0–9 (6 by default). */
  compressionLevel?: number;
}

export interface WarcRotation {
  closed: string;
  closedBytes: number;
  closedRecords: number;
  opened: string;
}

export type ResourceInput = Omit<OtherRecord, "type"> & { type?: "resource" | "conversion" };

export interface MetadataInput {
  uri: string;
  /** Written as application/warc-fields. */
  fields: HeaderList;
  refersTo?: string;
  date?: Date;
}

export class WarcWriter {
  private file: WarcFile | undefined;
  private serial = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private closing = false;

  private readonly options: Required<Pick<WarcWriterOptions, "dir" | "prefix" | "maxFileBytes" | "compressionLevel">> & WarcWriterOptions;

  private constructor(options: WarcWriter["options"]) {
    this.options = options;
  }

  static async open(options: WarcWriterOptions): Promise<WarcWriter> {
    const maxFileBytes = options.maxFileBytes ?? 1024 ** 3;
    if (!(maxFileBytes > 0)) throw new RangeError(`WARC maxFileBytes must be positive (got ${options.maxFileBytes})`);
    if (options.prefix !== undefined && !/^[A-Za-z0-9._-]+$/.test(options.prefix)) throw new RangeError(`WARC file prefix may hold only letters, digits, ".", "_" and "-" (got ${JSON.stringify(options.prefix)})`);
    const dir = resolve(options.dir);
    try {
      await mkdir(dir, { recursive: true });
    } catch (error) {
      throw new Error(`cannot create the WARC folder ${dir}: ${(error as Error).message}`);
    }
    const writer = new WarcWriter({ ...options, dir, prefix: options.prefix ?? "nianbao", maxFileBytes, compressionLevel: options.compressionLevel ?? 6 });
    writer.file = await writer.createFile();
    return writer;
  }

  /** The file being written (name relative to the folder). */
  get currentFile(): string | undefined {
    return this.file?.name;
  }

  /** Archives an HTTP exchange: its response record, then its request record. The location is the response's. */
  write(exchange: HttpExchange): Promise<WarcLocation> {
    try {
      const { response, request } = exchangeRecords(exchange);
      return this.append([response, request]);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  /** A resource (e.g. a browser-rendered DOM: uri = the page's URL, refersTo = its response record) or a conversion record. */
  writeResource(input: ResourceInput): Promise<WarcLocation> {
    return this.appendOther({ ...input, type: input.type ?? "resource" });
  }

  /** A metadata record of named fields (e.g. a crawl log line: why a page was fetched, from which link). */
  writeMetadata(input: MetadataInput): Promise<WarcLocation> {
    const block = Buffer.from(input.fields.map(([name, value]) => `${name}: ${value.replace(/[\r\n]+/g, " ")}\r\n`).join(""), "utf8");
    return this.appendOther({ type: "metadata", uri: input.uri, contentType: "application/warc-fields", block, refersTo: input.refersTo, date: input.date });
  }

  /** Waits for pending writes, then closes the file cleanly. Later writes are refused. */
  close(): Promise<void> {
    this.closing = true;
    return this.enqueue(async () => {
      const file = this.file;
      this.file = undefined;
      await file?.close();
    });
  }

  private appendOther(record: OtherRecord): Promise<WarcLocation> {
    try {
      return this.append([otherRecord(record)]);
    } catch (error) {
      return Promise.reject(error);
    }
  }

  private append(records: RecordBytes[]): Promise<WarcLocation> {
    if (this.closing) return Promise.reject(new Error(`WARC writer for ${this.options.dir} is closed`));
    const compressed = Promise.all(records.map((record) => gzipMember(record.parts, this.options.compressionLevel)));
    compressed.catch(() => undefined); // reported by the queued task below
    return this.enqueue(async () => {
      const members = await compressed;
      const total = members.reduce((sum, member) => sum + member.length, 0);
      const file = await this.fileFor(total);
      const offset = await file.append(members, members.length, this.options.fsync ?? false);
      const first = records[0]!;
      return { file: file.name, offset, length: members[0]!.length, recordId: first.recordId, payloadDigest: first.payloadDigest };
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The file to append `bytes` to: the current one, or a new one after rotation (or after a torn append). */
  private async fileFor(bytes: number): Promise<WarcFile> {
    const current = this.file;
    if (current && !current.torn && !(current.records > 1 && current.size + bytes > this.options.maxFileBytes)) return current;
    const next = await this.createFile();
    this.file = next;
    if (current) {
      // The capture goes to the new file whatever happens to the old one; a file that failed to close keeps its marker (recovery checks it).
      const closed = await current.close().then(
        () => true,
        (error: Error) => process.emitWarning(`WARC file ${current.name} did not close cleanly: ${error.message}`),
      );
      if (closed && !current.torn) this.notifyRotation(current, next);
    }
    return next;
  }

  private notifyRotation(closed: WarcFile, opened: WarcFile): void {
    try {
      this.options.onRotate?.({ closed: closed.name, closedBytes: closed.size, closedRecords: closed.records, opened: opened.name });
    } catch (error) {
      process.emitWarning(`WARC onRotate callback failed: ${(error as Error).message}`);
    }
  }

  private async createFile(): Promise<WarcFile> {
    for (let attempt = 0; ; attempt++) {
      const name = `${this.options.prefix}-${fileStamp(new Date())}-${String(this.serial++).padStart(5, "0")}-${process.pid}.warc.gz`;
      let file: WarcFile;
      try {
        file = await WarcFile.create(this.options.dir, name);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "EEXIST" && attempt < 1000) continue;
        throw new Error(`cannot create WARC file ${name} in ${this.options.dir}: ${(error as Error).message}`);
      }
      const info: HeaderList = [["software", this.options.software], ["format", "WARC File Format 1.1"], ["conformsTo", "http://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"]];
      if (this.options.operator) info.push(["operator", this.options.operator]);
      info.push(...(this.options.info ?? []));
      try {
        await file.append([await gzipMember(warcinfoRecord(name, info).parts, this.options.compressionLevel)], 1, false);
      } catch (error) {
        await file.close().catch(() => undefined);
        throw new Error(`cannot write to WARC file ${name} in ${this.options.dir}: ${(error as Error).message}`);
      }
      return file;
    }
  }
}

/** YYYYMMDDhhmmssSSS, UTC. */
function fileStamp(date: Date): string {
  return date.toISOString().replace(/[-:T.Z]/g, "");
}
