import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync, zstdDecompressSync } from "node:zlib";
import type { HeaderList } from "../warc/types.ts";
import { header } from "./http-exchange.ts";

// A body as received may be Content-Encoded (gzip, deflate, br, zstd; several, stacked); WARC keeps
// it so, the crawler reads it decoded — an answer fresh from the wire, or one read back from a WARC
// file after a 304. Bounded: a body that inflates past maxBytes is refused (a compression bomb).

const DEFAULT_MAX = 64 * 1024 * 1024;

/** The body with its Content-Encoding(s) undone, last applied first. Throws one line on an unknown, broken or oversized coding. */
export function decodeContent(headers: HeaderList, body: Uint8Array, maxBytes = DEFAULT_MAX): Buffer {
  const codings = (header(headers, "content-encoding") ?? "")
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding && coding !== "identity");
  let data = Buffer.from(body.buffer, body.byteOffset, body.length);
  for (const coding of codings.reverse()) {
    try {
      data = decodeOne(coding, data, maxBytes);
    } catch (error) {
      throw new Error(`cannot undo Content-Encoding ${coding}: ${(error as Error).message}`);
    }
  }
  return data;
}

function decodeOne(coding: string, data: Buffer, maxOutputLength: number): Buffer {
  switch (coding) {
    case "gzip":
    case "x-gzip":
      return gunzipSync(data, { maxOutputLength });
    case "deflate":
      // RFC 9110 says zlib-wrapped; some servers send raw deflate.
      return data.length >= 2 && (data[0]! & 0x0f) === 8 && ((data[0]! << 8) | data[1]!) % 31 === 0
        ? inflateSync(data, { maxOutputLength }) : inflateRawSync(data, { maxOutputLength });
    case "br":
      return brotliDecompressSync(data, { maxOutputLength });
    case "zstd":
      return zstdDecompressSync(data, { maxOutputLength });
    default:
      throw new Error("not a coding this reader knows");
  }
}
