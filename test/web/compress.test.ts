import { request } from "node:http";
import { brotliDecompressSync, gunzipSync, zstdDecompressSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseCoding, encodeBody } from "../../src/web/compress.ts";
import { startWebServer, type WebServer } from "../../src/web/server.ts";
import { webArchive, type WebArchive } from "./support/web-archive.ts";

// Compressed answers: the coding chosen from Accept-Encoding, the bytes as sent (read with
// node:http, which does not decompress), the same ETag and body whatever the coding, and the
// page cache keeping each coding apart.

let w: WebArchive;
let cached: WebServer;
beforeAll(async () => {
  w = await webArchive();
  cached = await startWebServer({ db: w.reader, host: "127.0.0.1", port: 0, cacheBytes: 1 << 22, log: (l) => w.logged.push(l) });
});
afterAll(async () => {
  await cached?.close();
  await w?.close();
});

interface Raw { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }

function get(base: string, path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, base), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

const decode = (r: Raw) => {
  const coding = r.headers["content-encoding"];
  const bytes = coding === "zstd" ? zstdDecompressSync(r.body) : coding === "br" ? brotliDecompressSync(r.body) : coding === "gzip" ? gunzipSync(r.body) : r.body;
  return bytes.toString("utf8");
};

describe("chooseCoding", () => {
  it("zstd, then brotli, then gzip; q=0 refuses; none without the header", () => {
    expect(chooseCoding("gzip, deflate, br, zstd")).toBe("zstd");
    expect(chooseCoding("gzip, deflate, br")).toBe("br");
    expect(chooseCoding("gzip, deflate")).toBe("gzip");
    expect(chooseCoding("x-gzip")).toBe("gzip");
    expect(chooseCoding("zstd;q=0, br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(chooseCoding("zstd;q=0, *;q=0.1")).toBe("br");
    expect(chooseCoding("*")).toBe("zstd");
    expect(chooseCoding("identity")).toBe("identity");
    expect(chooseCoding("deflate")).toBe("identity");
    expect(chooseCoding(undefined)).toBe("identity");
    expect(chooseCoding("")).toBe("identity");
  });

  it("encodeBody: each coding decodes to the same bytes", () => {
    const bytes = Buffer.from("<tr><td>政府信息公开</td></tr>\n".repeat(500));
    expect(zstdDecompressSync(encodeBody(bytes, "zstd")).equals(bytes)).toBe(true);
    expect(brotliDecompressSync(encodeBody(bytes, "br")).equals(bytes)).toBe(true);
    expect(gunzipSync(encodeBody(bytes, "gzip")).equals(bytes)).toBe(true);
    expect(encodeBody(bytes, "identity")).toBe(bytes);
    expect(encodeBody(bytes, "zstd").length).toBeLessThan(bytes.length / 10);
  });
});

describe("compressed pages", () => {
  for (const server of ["without", "with"] as const) {
    it(`the page in every coding, one ETag, Vary: Accept-Encoding, 304 for any coding (${server} the page cache)`, async () => {
      const base = server === "with" ? cached.url : `${w.base}/`;
      const path = `/agencies/${w.ids.agencyId}`;
      const answers: Raw[] = [];
      for (const accept of ["gzip, deflate, br, zstd", "gzip, deflate, br", "gzip", ""]) {
        // Twice each: with the cache, the second comes from it.
        for (let i = 0; i < 2; i++) answers.push(await get(base, path, accept ? { "accept-encoding": accept } : {}));
      }
      expect(answers.map((a) => a.headers["content-encoding"] ?? "identity")).toEqual(["zstd", "zstd", "br", "br", "gzip", "gzip", "identity", "identity"]);
      const plain = answers[answers.length - 1];
      expect(plain.body.toString("utf8")).toContain("<!doctype html>");
      for (const a of answers) {
        expect(a.status).toBe(200);
        expect(a.headers.vary).toBe("accept-encoding");
        expect(a.headers.etag).toBe(plain.headers.etag);
        expect(decode(a)).toBe(plain.body.toString("utf8"));
        expect(Number(a.headers["content-length"])).toBe(a.body.length);
      }
      expect(answers[0].body.length).toBeLessThan(plain.body.length / 4);
      const revalidated = await get(base, path, { "accept-encoding": "br", "if-none-match": String(plain.headers.etag) });
      expect(revalidated.status).toBe(304);
      expect(revalidated.body.length).toBe(0);
    });
  }

  it("small answers and errors go as they are", async () => {
    const small = await get(`${w.base}/`, "/healthz", { "accept-encoding": "br" });
    expect(small.headers["content-encoding"]).toBeUndefined();
    const missing = await get(`${w.base}/`, "/reports/99999999", { "accept-encoding": "br" });
    expect(missing.status).toBe(404);
    expect(missing.headers["content-encoding"]).toBeUndefined();
    expect(missing.body.toString("utf8")).toContain("99999999");
  });
});
