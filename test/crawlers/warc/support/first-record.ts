import { readWarcRecords, type FileRecord } from "../../../../src/crawlers/warc/warc-reader.ts";

/** The first record of a file (breaking out of the iterator closes the file). */
export async function firstRecord(path: string): Promise<FileRecord | undefined> {
  for await (const record of readWarcRecords(path)) return record;
  return undefined;
}
