import { once } from "node:events";
import type pg from "pg";

// COPY … FROM STDIN with pg alone (no pg-copy-streams): pg's client.query() accepts any
// "submittable" and hands it the connection's copy messages; pg's Connection has
// sendCopyFromChunk/endCopyFrom. The chunks are produced lazily and sent with the socket's
// back-pressure respected, so a large load never sits in memory whole.

interface Connection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
  sendCopyFail(message: string): void;
  stream: NodeJS.WritableStream & { writableNeedDrain?: boolean };
}

class CopyIn {
  text: string;
  chunks: Iterable<string>;
  rowCount = 0;
  error: Error | undefined;
  settle: (err: Error | undefined, rows: number) => void;

  constructor(text: string, chunks: Iterable<string>, settle: (err: Error | undefined, rows: number) => void) {
    this.text = text;
    this.chunks = chunks;
    this.settle = settle;
  }

  submit(connection: Connection): void {
    connection.query(this.text);
  }

  handleCopyInResponse(connection: Connection): void {
    void (async () => {
      try {
        for (const chunk of this.chunks) {
          connection.sendCopyFromChunk(Buffer.from(chunk, "utf8"));
          if (connection.stream.writableNeedDrain) await once(connection.stream, "drain");
        }
        connection.endCopyFrom();
      } catch (err) {
        connection.sendCopyFail(`client failed: ${(err as Error).message}`);
      }
    })();
  }

  handleCommandComplete(msg: { text?: string }): void {
    this.rowCount = Number(/(\d+)$/.exec(msg.text ?? "")?.[1] ?? 0);
  }

  handleError(err: Error): void {
    this.error = err;
  }

  handleReadyForQuery(): void {
    this.settle(this.error, this.rowCount);
  }

  handleCopyData(): void {}
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
}

/** Runs `copy … from stdin` (text format) with the given chunks of rows; resolves to the row count. */
export function copyIn(client: pg.Client, copySql: string, chunks: Iterable<string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const submittable = new CopyIn(copySql, chunks, (err, rows) => (err ? reject(err) : resolve(rows)));
    void (client.query as unknown as (q: unknown) => unknown)(submittable);
  });
}

/** A COPY text-format field: backslash, tab and line breaks escaped. */
export function copyField(value: string | number): string {
  const s = String(value);
  return /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!) : s;
}
