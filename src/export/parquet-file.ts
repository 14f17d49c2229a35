import { open, unlink } from "node:fs/promises";
import { ByteWriter, ParquetWriter, schemaFromColumnData, type ColumnSource } from "hyparquet-writer";

// A Parquet file written incrementally: rows are buffered by column and written as row groups of
// about ROW_GROUP_CELLS cells as they fill, each group's bytes handed to the sink (a file, or an
// HTTP response) before the next is encoded, so memory stays bounded by one row group (plus the
// caller's batch) however many rows go in. Snappy compression; dictionary encoding wherever it
// pays (hyparquet-writer decides per column chunk); min/max statistics.

export type ParquetColumnType = "INT32" | "INT64" | "DOUBLE" | "STRING";
export interface ParquetColumn { name: string; type: ParquetColumnType; nullable?: boolean }
/** A cell: INT64 takes a bigint, INT32 and DOUBLE a number, STRING a string; null only in nullable columns. */
export type ParquetCell = string | number | bigint | null;

export interface ParquetFile {
  /** Buffers one row, cells in column order. */
  push(row: readonly ParquetCell[]): void;
  /** Writes the buffered rows that fill whole row groups; call it after each batch of rows. */
  drain(): Promise<void>;
  /** Writes the remaining rows and the footer, and closes the file; returns the number of rows. */
  close(): Promise<number>;
  /** Closes the file after a failure and removes it (a Parquet file without its footer is unreadable). */
  abort(): Promise<void>;
}

/** Where the encoded bytes go; `write` may wait (backpressure). */
export interface ByteSink {
  write(bytes: Uint8Array): Promise<void>;
  close(): Promise<void>;
  abort(): Promise<void>;
}

const ROW_GROUP_CELLS = 1_000_000;

/** Bytes encoded by the Parquet writer, handed to the sink after each row group and at the end. */
class SinkWriter extends ByteWriter {
  readonly #sink: ByteSink;
  constructor(sink: ByteSink) {
    super(1 << 20);
    this.#sink = sink;
  }
  async flush(): Promise<void> {
    if (this.index === 0) return;
    // A copy: the buffer is reused for the next row group while the sink may still hold this one.
    await this.#sink.write(new Uint8Array(this.buffer.slice(0, this.index)));
    this.index = 0;
  }
  override finish(): Promise<void> { return this.flush(); }
}

export function openParquetWriter(sink: ByteSink, columns: readonly ParquetColumn[], options: { rowGroupCells?: number } = {}): ParquetFile {
  const bytes = new SinkWriter(sink);
  const schema = schemaFromColumnData({
    columnData: columns.map((c) => ({ name: c.name, type: c.type, nullable: c.nullable ?? false, data: [] })),
  });
  const writer = new ParquetWriter({ writer: bytes, schema, createdBy: "nianbao (hyparquet-writer)" });
  const groupRows = Math.max(100, Math.floor((options.rowGroupCells ?? ROW_GROUP_CELLS) / columns.length));
  let buffered: ParquetCell[][] = columns.map(() => []);
  let rows = 0;
  let closed = false;

  async function write(count: number): Promise<void> {
    if (count === 0) return;
    const columnData: ColumnSource[] = columns.map((c, i) => ({ name: c.name, data: buffered[i].splice(0, count) }));
    await writer.write({ columnData, rowGroupSize: groupRows });
    await bytes.flush();
    rows += count;
  }

  return {
    push(row) {
      for (let i = 0; i < buffered.length; i++) buffered[i].push(row[i]);
    },
    async drain() {
      const pending = buffered[0]?.length ?? 0;
      await write(pending - (pending % groupRows));
    },
    async close() {
      await write(buffered[0]?.length ?? 0);
      await writer.finish();
      closed = true;
      await sink.close();
      return rows;
    },
    async abort() {
      buffered = [];
      if (closed) return;
      closed = true;
      await sink.abort();
    },
  };
}

/** A Parquet file on disk; abort() removes it (a regular file; a pipe or device is left alone). */
export async function openParquetFile(path: string, columns: readonly ParquetColumn[], options: { rowGroupCells?: number } = {}): Promise<ParquetFile> {
  const file = await open(path, "w");
  const regular = (await file.stat()).isFile();
  const sink: ByteSink = {
    async write(chunk) {
      let at = 0;
      while (at < chunk.length) at += (await file.write(chunk, at, chunk.length - at)).bytesWritten;
    },
    close: () => file.close(),
    async abort() {
      await file.close().catch(() => {});
      if (regular) await unlink(path).catch(() => {});
    },
  };
  return openParquetWriter(sink, columns, options);
}
