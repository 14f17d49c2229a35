import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync, zstdDecompressSync } from "node:zlib";
import { headerValue } from "./warc-http.ts";
import type { HeaderList } from "./types.ts";

// Archived bodies are kept as received, still Content-Encoded. This undoes the encoding for a
// reader that needs the document (e.g. the crawler re-deriving links from a page stored earlier).

/** The body with its Content-Encoding(s) undone (last applied, first undone). Throws one line on an unknown or broken coding. */
export function decodeContent(headers: HeaderList, body: Uint8Array): Buffer {
  const codings = (headerValue(headers, "Content-Encoding") ?? "")
    .split(",")
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding && coding !== "identity");
  let data = Buffer.from(body.buffer, body.byteOffset, body.length);
  for (const coding of codings.reverse()) {
    try {
      data = decodeOne(coding, data);
    } catch (error) {
      throw new Error(`cannot undo Content-Encoding ${coding}: ${(error as Error).message}`);
    }
  }
  return data;
}

function decodeOne(coding: string, data: Buffer): Buffer {
  switch (coding) {
    case "gzip":
    case "x-gzip":
      return gunzipSync(data);
    case "deflate":
      // RFC 9110 says zlib-wrapped; some servers send raw deflate.
      return data.length >= 2 && (data[0]! & 0x0f) === 8 && ((data[0]! << 8) | data[1]!) % 31 === 0 ? inflateSync(data) : inflateRawSync(data);
    case "br":
      return brotliDecompressSync(data);
    case "zstd":
      return zstdDecompressSync(data);
    default:
      throw new Error("not a coding this reader knows");
  }
}
