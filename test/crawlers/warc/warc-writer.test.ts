import { randomBytes } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WarcWriter } from "../../../src/crawlers/warc/warc-writer.ts";
import { readRecordAt, readWarcRecords, type FileRecord } from "../../../src/crawlers/warc/warc-reader.ts";
import { validateWarcFile } from "../../../src/crawlers/warc/warc-validate.ts";
import type { HttpExchange, WarcLocation } from "../../../src/crawlers/warc/types.ts";
import { capture, startServer, syntheticExchange } from "./support/http-capture.ts";
import { firstRecord } from "./support/first-record.ts";

const PAGE = Buffer.from(`<html><head><meta charset="utf-8"><title>政府信息公开工作年度报告</title></head><body>${"<p>年报 2023</p>".repeat(200)}</body></html>`);
const BINARY = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(100_000)]);
const FILE_NAME_BYTES = Buffer.from('attachment; filename="2023年度报告.pdf"', "utf8");

let server: Awaited<ReturnType<typeof startServer>>;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "nianbao-warc-"));
  server = await startServer((req, res, body) => {
    const path = decodeURIComponent(new URL(req.url!, "http://x").pathname);
    if (path === "/plain") {
      res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Content-Length": PAGE.length, "Set-Cookie": ["a=1", "b=2"] });
      res.end(PAGE);
    } else if (path === "/gzip-chunked") {
      const gz = gzipSync(PAGE);
      res.writeHead(200, { "Content-Type": "text/html", "Content-Encoding": "gzip" }); // no length: Node sends it chunked
      res.write(gz.subarray(0, 100));
      res.end(gz.subarray(100));
    } else if (path === "/binary.pdf") {
      res.writeHead(200, { "Content-Type": "application/pdf", "Content-Length": BINARY.length });
      res.end(BINARY);
    } else if (path === "/年报/2023") {
      // The header's bytes are UTF-8 on the wire: Node takes header strings one char per byte.
      res.writeHead(200, { "Content-Type": "application/pdf", "Content-Disposition": FILE_NAME_BYTES.toString("latin1") });
      res.end(BINARY.subarray(0, 1000));
    } else if (path === "/redirect") {
      res.writeHead(302, "Found", { Location: "/plain" });
      res.end();
    } else if (path === "/api") {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ got: body.toString() }));
    } else {
      res.writeHead(404);
      res.end("not found");
    }
  });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

async function roundTrip(exchanges: HttpExchange[]): Promise<{ locations: WarcLocation[]; folder: string }> {
  const folder = await mkdtemp(join(dir, "w-"));
  const writer = await WarcWriter.open({ dir: folder, software: "nianbao/0.1.0-test", operator: "tests" });
  const locations: WarcLocation[] = [];
  for (const exchange of exchanges) locations.push(await writer.write(exchange));
  await writer.close();
  return { locations, folder };
}

describe("WarcWriter round trip", () => {
  it("gives back each response's status, headers and body bytes exactly, gzip bodies still encoded", async () => {
    const exchanges = [
      await capture(`${server.origin}/plain`),
      await capture(`${server.origin}/gzip-chunked`),
      await capture(`${server.origin}/binary.pdf`),
      await capture(`${server.origin}/年报/2023?名称=政府&page=2`),
      await capture(`${server.origin}/redirect`),
      await capture(`${server.origin}/api`, { method: "POST", body: Buffer.from("columnid=123&unitid=456&keyword=年报"), headers: { "Content-Type": "application/x-www-form-urlencoded" } }),
    ];
    const { locations, folder } = await roundTrip(exchanges);
    for (const [i, exchange] of exchanges.entries()) {
      const record = await readRecordAt(folder, locations[i]!);
      expect(record.type).toBe("response");
      expect(record.status).toBe(exchange.status);
      expect(record.statusText).toBe(exchange.statusText);
      expect(Buffer.from(record.body).equals(Buffer.from(exchange.body))).toBe(true);
      const expected = exchange.responseHeaders.map(([name, value]) => [name.toLowerCase() === "transfer-encoding" ? "X-Crawler-Transfer-Encoding" : name, value]);
      expect(record.headers).toEqual(expected);
      expect(record.date).toBe(exchange.date.toISOString());
      expect(record.date).toMatch(/T\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(record.recordId).toBe(locations[i]!.recordId);
    }
    // The gzip answer: kept encoded, and it came chunked, so its Transfer-Encoding was renamed.
    expect(exchanges[1]!.chunked).toBe(true);
    const gz = await readRecordAt(folder, locations[1]!);
    expect(gz.body[0]).toBe(0x1f);
    expect(gunzipSync(gz.body).equals(PAGE)).toBe(true);
    expect(gz.headers).toContainEqual(["X-Crawler-Transfer-Encoding", "chunked"]);
    expect(gz.headers!.some(([name]) => name.toLowerCase() === "transfer-encoding")).toBe(false);
    // Chinese URL: the target URI is the URL as sent (percent-encoded UTF-8).
    const chinese = await readRecordAt(folder, locations[3]!);
    expect(chinese.targetUri).toBe(`${server.origin}/%E5%B9%B4%E6%8A%A5/2023?%E5%90%8D%E7%A7%B0=%E6%94%BF%E5%BA%9C&page=2`);
    // The Content-Disposition header's UTF-8 bytes are stored as they came.
    expect(Buffer.from(chinese.block).includes(FILE_NAME_BYTES)).toBe(true);
    expect(Buffer.from(chinese.headers!.find(([n]) => n === "Content-Disposition")![1], "latin1").equals(FILE_NAME_BYTES)).toBe(true);
    // Duplicate headers keep their order.
    const plain = await readRecordAt(folder, locations[0]!);
    expect(plain.headers!.filter(([n]) => n.toLowerCase() === "set-cookie").map(([, v]) => v)).toEqual(["a=1", "b=2"]);
    expect((await validateWarcFile(join(folder, locations[0]!.file))).errors).toEqual([]);
  });

  it("writes request records with the body sent and links each pair both ways", async () => {
    const exchange = await capture(`${server.origin}/api`, { method: "POST", body: Buffer.from("a=1&b=年报"), headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    const { locations, folder } = await roundTrip([exchange]);
    const records: FileRecord[] = [];
    for await (const record of readWarcRecords(join(folder, locations[0]!.file))) records.push(record);
    expect(records.map((r) => r.type)).toEqual(["warcinfo", "response", "request"]);
    const [, response, request] = records;
    expect(request!.method).toBe("POST");
    expect(Buffer.from(request!.body).toString()).toBe("a=1&b=年报");
    expect(Buffer.from(request!.block).toString("latin1")).toMatch(/^POST \/api HTTP\/1\.1\r\n/);
    expect(request!.headers).toContainEqual(["Host", new URL(server.origin).host]);
    const concurrent = (r: (typeof records)[number]) => r.warcFields.find(([n]) => n === "WARC-Concurrent-To")?.[1];
    expect(concurrent(request!)).toBe(response!.recordId);
    expect(concurrent(response!)).toBe(request!.recordId);
    expect(response!.warcFields).toContainEqual(["WARC-IP-Address", "127.0.0.1"]);
    expect(response!.warcFields).toContainEqual(["Content-Type", "application/http;msgtype=response"]);
    expect(request!.warcFields).toContainEqual(["Content-Type", "application/http;msgtype=request"]);
  });

  it("opens every file with a warcinfo record naming the file and the software", async () => {
    const { locations, folder } = await roundTrip([syntheticExchange(1, PAGE)]);
    const first = await firstRecord(join(folder, locations[0]!.file));
    expect(first!.type).toBe("warcinfo");
    expect(first!.warcFields).toContainEqual(["WARC-Filename", locations[0]!.file]);
    const info = Buffer.from(first!.body).toString();
    expect(info).toContain("software: nianbao/0.1.0-test\r\n");
    expect(info).toContain("operator: tests\r\n");
    expect(info).toContain("format: WARC File Format 1.1\r\n");
  });

  it("makes each record its own gzip member: the bytes at a location inflate alone", async () => {
    const { locations, folder } = await roundTrip([syntheticExchange(1, PAGE), syntheticExchange(2, BINARY), syntheticExchange(3, Buffer.alloc(0))]);
    const file = await readFile(join(folder, locations[0]!.file));
    for (const location of locations) {
      const member = file.subarray(location.offset, location.offset + location.length);
      const text = gunzipSync(member).toString("latin1");
      expect(text.startsWith("WARC/1.1\r\n")).toBe(true);
      expect(text).toContain("WARC-Type: response\r\n");
      expect(text).toContain(`WARC-Record-ID: ${location.recordId}\r\n`);
      expect(text.endsWith("\r\n\r\n")).toBe(true);
      // The member after it is the request, also alone.
      const next = file.subarray(location.offset + location.length);
      const request = gunzipSync(next.subarray(0, next.readUInt32LE(16))).toString("latin1");
      expect(request).toContain("WARC-Type: request\r\n");
      expect(request).toContain(`WARC-Concurrent-To: ${location.recordId}\r\n`);
    }
  });

  it("computes sha1 base32 digests of the payload as received and of the block", async () => {
    const { locations, folder } = await roundTrip([syntheticExchange(1, Buffer.alloc(0)), syntheticExchange(2, Buffer.from("hello"))]);
    expect(locations[0]!.payloadDigest).toBe("sha1:3I42H3S6NNFQ2MSVX7XZKYAYSCX5QBYJ");
    expect(locations[1]!.payloadDigest).toBe("sha1:VL2MMHO4YXUKFWV63YHTWSBM3GXKSQ2N");
    const record = await readRecordAt(folder, locations[1]!);
    expect(record.warcFields).toContainEqual(["WARC-Payload-Digest", "sha1:VL2MMHO4YXUKFWV63YHTWSBM3GXKSQ2N"]);
    expect(record.warcFields.find(([n]) => n === "WARC-Block-Digest")![1]).toMatch(/^sha1:[A-Z2-7]{32}$/);
  });

  it("writes resource and metadata records", async () => {
    const folder = await mkdtemp(join(dir, "w-"));
    const writer = await WarcWriter.open({ dir: folder, software: "nianbao/0.1.0-test" });
    const page = await writer.write(syntheticExchange(1, PAGE));
    const dom = await writer.writeResource({ uri: "http://example.gov.cn/list_1.html", contentType: "text/html; charset=utf-8", block: Buffer.from("<html>rendered 年报</html>"), refersTo: page.recordId });
    const log = await writer.writeMetadata({ uri: "http://example.gov.cn/list_1.html", fields: [["via", "http://example.gov.cn/"], ["why", "link text 政府信息公开年报"]], refersTo: page.recordId });
    await writer.close();
    const resource = await readRecordAt(folder, dom);
    expect(resource.type).toBe("resource");
    expect(Buffer.from(resource.body).toString()).toBe("<html>rendered 年报</html>");
    expect(resource.warcFields).toContainEqual(["WARC-Refers-To", page.recordId]);
    const metadata = await readRecordAt(folder, log);
    expect(Buffer.from(metadata.body).toString()).toBe("via: http://example.gov.cn/\r\nwhy: link text 政府信息公开年报\r\n");
    const check = await validateWarcFile(join(folder, page.file));
    expect(check).toMatchObject({ errors: [], warnings: [], records: 5 });
  });

  it("refuses exchanges it cannot archive faithfully, with a one-line reason", async () => {
    const folder = await mkdtemp(join(dir, "w-"));
    const writer = await WarcWriter.open({ dir: folder, software: "nianbao/0.1.0-test" });
    await expect(writer.write({ ...syntheticExchange(1, PAGE), url: "not a url" })).rejects.toThrow(/invalid URL/);
    await expect(writer.write({ ...syntheticExchange(1, PAGE), status: 0 })).rejects.toThrow(/HTTP status 0/);
    await expect(writer.write({ ...syntheticExchange(1, PAGE), responseHeaders: [["X-Bad", "a\r\nInjected: 1"]] })).rejects.toThrow(/header cannot be archived/);
    await expect(writer.write({ ...syntheticExchange(1, PAGE), date: new Date(Number.NaN) })).rejects.toThrow(/invalid date/);
    const ok = await writer.write(syntheticExchange(2, PAGE));
    await writer.close();
    await expect(writer.write(syntheticExchange(3, PAGE))).rejects.toThrow(/closed/);
    expect((await readRecordAt(folder, ok)).status).toBe(200);
    expect((await readdir(folder)).filter((name) => name.endsWith(".open"))).toEqual([]);
  });

  it("names a missing file or a wrong offset in one line", async () => {
    const { locations, folder } = await roundTrip([syntheticExchange(1, PAGE), syntheticExchange(2, PAGE)]);
    await expect(readRecordAt(folder, { ...locations[0]!, file: "nianbao-gone.warc.gz" })).rejects.toThrow(/nianbao-gone\.warc\.gz is not in/);
    await expect(readRecordAt(folder, { ...locations[1]!, recordId: locations[0]!.recordId })).rejects.toThrow(/holds record .* not /);
    await expect(readRecordAt(folder, { ...locations[0]!, offset: locations[0]!.offset + 5 })).rejects.toThrow(/^WARC .* at offset \d+: /);
  });
});
