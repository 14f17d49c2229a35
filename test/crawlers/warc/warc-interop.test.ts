import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { gzipSync } from "node:zlib";
import { WARCParser } from "warcio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WarcWriter } from "../../../src/crawlers/warc/warc-writer.ts";
import type { HttpExchange, WarcLocation } from "../../../src/crawlers/warc/types.ts";
import { syntheticExchange } from "./support/http-capture.ts";

// Standard tools must accept the files: webrecorder's warcio.js (the library ReplayWeb.page reads
// WARCs with) parses every record, and its CLI indexes them at the offsets we report.

const execFileAsync = promisify(execFile);
const warcioCli = join(dirname(createRequire(import.meta.url).resolve("warcio")), "cli.js");

let dir: string;
let file: string;
const exchanges: HttpExchange[] = [];
const locations: WarcLocation[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nianbao-warc-interop-"));
  exchanges.push(
    syntheticExchange(1, Buffer.from("<html>年报</html>")),
    { ...syntheticExchange(2, gzipSync(Buffer.from("x".repeat(5000)))), responseHeaders: [["Content-Type", "text/html"], ["Content-Encoding", "gzip"], ["Transfer-Encoding", "chunked"]] },
    { ...syntheticExchange(3, randomBytes(50_000), "http://www.example.gov.cn/attach/2023年报.pdf"), responseHeaders: [["Content-Type", "application/pdf"]] },
    { ...syntheticExchange(4, Buffer.alloc(0), "http://example.gov.cn/old"), status: 301, statusText: "Moved Permanently", responseHeaders: [["Location", "http://example.gov.cn/new"]] },
    { ...syntheticExchange(5, Buffer.from('{"total":3}'), "http://example.gov.cn/api/list"), method: "POST", requestBody: Buffer.from("page=2&size=20"), requestHeaders: [["Host", "example.gov.cn"], ["Content-Type", "application/x-www-form-urlencoded"]] },
    { ...syntheticExchange(6, Buffer.from("h2 body")), httpVersion: "h2", statusText: "" },
  );
  const writer = await WarcWriter.open({ dir, software: "nianbao/0.1.0-test" });
  for (const exchange of exchanges) locations.push(await writer.write(exchange));
  await writer.close();
  const names = await readdir(dir);
  expect(names).toHaveLength(1);
  file = join(dir, names[0]!);
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("warcio.js reads our files", () => {
  it("parses every record, with our offsets, types, links and payloads", async () => {
    const parser = new WARCParser(createReadStream(file), { keepHeadersCase: true });
    const seen: Array<{ type: string; offset: number; id: string; uri?: string; status?: number; payload: Uint8Array; concurrent: string[] }> = [];
    for await (const record of parser) {
      const payload = await record.readFully(false);
      seen.push({
        type: record.warcType ?? "",
        offset: parser.offset,
        id: record.warcHeader("WARC-Record-ID") ?? "",
        uri: record.warcTargetURI ?? undefined,
        status: record.httpHeaders?.statusCode as number | undefined,
        payload,
        concurrent: record.warcConcurrentTo ?? [],
      });
    }
    expect(seen.map((r) => r.type)).toEqual(["warcinfo", ...exchanges.flatMap(() => ["response", "request"])]);
    for (const [i, exchange] of exchanges.entries()) {
      const response = seen[1 + 2 * i]!;
      const request = seen[2 + 2 * i]!;
      expect(response.offset).toBe(locations[i]!.offset);
      expect(response.id).toBe(locations[i]!.recordId);
      expect(response.status).toBe(exchange.status);
      expect(response.uri).toBe(new URL(exchange.url).href);
      expect(Buffer.from(response.payload).equals(Buffer.from(exchange.body))).toBe(true);
      expect(request.concurrent).toEqual([response.id]);
      expect(response.concurrent).toEqual([request.id]);
      expect(request.offset).toBe(locations[i]!.offset + locations[i]!.length);
    }
    expect(Buffer.from(seen[10]!.payload).toString()).toBe("page=2&size=20");
  });

  it("indexes the file with the warcio CLI (cdx-index) at our offsets and lengths", async () => {
    const { stdout } = await execFileAsync(process.execPath, [warcioCli, "cdx-index", file], { maxBuffer: 1 << 24 });
    const lines = stdout.trim().split("\n").map((line) => {
      const [urlkey, timestamp, json] = line.split(/ (?=\S+ \{)| (?=\{)/);
      return { urlkey: urlkey!, timestamp: timestamp!, ...(JSON.parse(json!) as Record<"offset" | "length" | "status" | "digest" | "filename", string>) };
    });
    expect(lines).toHaveLength(exchanges.length);
    for (const [i, exchange] of exchanges.entries()) {
      const line = lines.find((l) => Number(l.offset) === locations[i]!.offset);
      expect(line, `no index line at offset ${locations[i]!.offset}`).toBeDefined();
      expect(Number(line!.length)).toBe(locations[i]!.length);
      expect(line!.status).toBe(String(exchange.status));
      expect(`sha1:${line!.digest}`).toBe(locations[i]!.payloadDigest);
      expect(line!.filename).toBe(locations[i]!.file);
      expect(line!.timestamp).toBe(exchange.date.toISOString().replace(/[-:T]/g, "").slice(0, 14));
    }
    // The POST list API is indexed under its form body, as replay tools look it up.
    expect(lines.find((l) => Number(l.offset) === locations[4]!.offset)!.urlkey).toContain("__wb_method=post");
  });

  it("lists every record with the warcio CLI (index)", async () => {
    const { stdout } = await execFileAsync(process.execPath, [warcioCli, "index", file, "-f", "warc-type,offset,length"], { maxBuffer: 1 << 24 });
    const rows = stdout.trim().split("\n").map((line) => JSON.parse(line) as { "warc-type": string; offset: number; length: number });
    expect(rows.map((r) => r["warc-type"])).toEqual(["warcinfo", ...exchanges.flatMap(() => ["response", "request"])]);
    for (const [i, location] of locations.entries()) expect(rows[1 + 2 * i]).toMatchObject({ offset: location.offset, length: location.length });
  });
});
