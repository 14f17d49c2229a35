import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateWarcFile } from "../../../src/crawlers/warc/warc-validate.ts";
import { readWarcRecords } from "../../../src/crawlers/warc/warc-reader.ts";
import { sampleFile, type SampleFile } from "./support/sample-file.ts";

// validateWarcFile must catch what `warcio check` catches (digests) and what breaks replay
// (unreadable members, broken links between a request and its response), on files changed by hand.

let dir: string;
let sample: SampleFile;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nianbao-warc-validate-"));
  sample = await sampleFile(dir, 4);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function check(bytes: Buffer) {
  const path = join(await mkdtemp(join(dir, "v-")), "test.warc.gz");
  await writeFile(path, bytes);
  return { ...(await validateWarcFile(path)), path };
}

/** The sample with member [start, end) replaced by `member`. */
function replaceMember(start: number, end: number, member: Buffer): Buffer {
  return Buffer.concat([sample.bytes.subarray(0, start), member, sample.bytes.subarray(end)]);
}

describe("validateWarcFile", () => {
  it("passes a file the writer made, counting its records", async () => {
    expect(await validateWarcFile(sample.path)).toEqual({ file: sample.name, records: 9, errors: [], warnings: [] });
  });

  it("reports a body changed after writing as digest mismatches, at the record's offset", async () => {
    const location = sample.locations[1]!;
    const record = gunzipSync(sample.bytes.subarray(location.offset, location.offset + location.length));
    record[record.length - 10]! ^= 0x01; // a byte of the body
    // Re-compressed by plain gzip (no length field): the member walk must still find its end.
    const result = await check(replaceMember(location.offset, location.offset + location.length, gzipSync(record)));
    expect(result.errors).toEqual([`offset ${location.offset}: ${location.recordId}: block digest mismatch`, `offset ${location.offset}: ${location.recordId}: payload digest mismatch`]);
  });

  it("reports a response whose request is missing", async () => {
    const location = sample.locations[2]!;
    const requestStart = location.offset + location.length;
    const requestEnd = sample.boundaries[3]!;
    const result = await check(replaceMember(requestStart, requestEnd, Buffer.alloc(0)));
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatch(new RegExp(`^offset ${location.offset}: ${location.recordId}: WARC-Concurrent-To <urn:uuid:[^>]+> is not in the file$`));
  });

  it("reports a torn tail and a corrupt member, and reads past a corrupt member of ours", async () => {
    const torn = await check(sample.bytes.subarray(0, sample.bytes.length - 7));
    // The last request is torn, so the last response's link points nowhere.
    expect(torn.errors).toEqual([expect.stringMatching(/torn.*run recovery/), expect.stringMatching(/WARC-Concurrent-To .* is not in the file/)]);
    const bytes = Buffer.from(sample.bytes);
    const location = sample.locations[0]!;
    bytes[location.offset + 40]! ^= 0xff;
    const corrupt = await check(bytes);
    expect(corrupt.errors).toEqual([
      expect.stringMatching(new RegExp(`^offset ${location.offset}: (corrupt gzip member|gzip member fails)`)),
      expect.stringMatching(new RegExp(`^offset ${location.offset + location.length}: .*WARC-Concurrent-To ${location.recordId} is not in the file`)),
    ]);
    expect(corrupt.records).toBe(8); // every record but the corrupt one was still read
  });

  it("reports bad WARC headers and duplicate record IDs", async () => {
    const location = sample.locations[0]!;
    const record = gunzipSync(sample.bytes.subarray(location.offset, location.offset + location.length)).toString("latin1");
    const bad = record.replace(/WARC-Date: [^\r]+/, "WARC-Date: 2024-05-01 08:00:00").replace(/Content-Length: (\d+)/, (_, n) => `Content-Length: ${Number(n) - 2}`);
    const result = await check(replaceMember(location.offset, location.offset + location.length, gzipSync(Buffer.from(bad, "latin1"))));
    expect(result.errors.join("\n")).toMatch(/WARC-Date is not a UTC W3C date/);
    expect(result.errors.join("\n")).toMatch(/not followed by CRLF CRLF/);
    expect(result.errors.join("\n")).toMatch(/block digest mismatch/);
    const twice = Buffer.concat([sample.bytes, sample.bytes.subarray(location.offset, sample.boundaries[1])]);
    expect((await check(twice)).errors).toEqual([
      expect.stringMatching(/WARC-Record-ID .* is not unique/),
      expect.stringMatching(/WARC-Record-ID .* is not unique/),
    ]);
  });

  it("accepts files other tools write (several records in one member, no digests) with warnings", async () => {
    const records = "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nContent-Length: 3\r\n\r\nabc\r\n\r\n" + "WARC/1.0\r\nWARC-Type: resource\r\nWARC-Record-ID: <urn:uuid:2>\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nContent-Length: 0\r\n\r\n\r\n\r\n";
    const result = await check(gzipSync(Buffer.from(records)));
    expect(result.errors).toEqual([]);
    expect(result.records).toBe(2);
    expect(result.warnings).toEqual([
      "offset 0: one gzip member holds 2 records (readers expect one per member)",
      "offset 0: the file does not open with a warcinfo record",
      "offset 0: <urn:uuid:1>: no WARC-Block-Digest",
      "offset 0: <urn:uuid:2>: no WARC-Block-Digest",
    ]);
    const read = [];
    for await (const record of readWarcRecords(result.path)) read.push(record);
    expect(read.map((r) => [r.recordId, r.offset, Buffer.from(r.body).toString()])).toEqual([["<urn:uuid:1>", 0, "abc"], ["<urn:uuid:2>", 0, ""]]);
  });
});
