import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";

// The HTTP body as received may be Content-Encoded (gzip, deflate, br); WARC keeps it so, the
// crawler reads it decoded. Bounded: a body that inflates past maxBytes is refused.

export function decodeContent(body: Uint8Array, encoding: string | undefined, maxBytes: number): Uint8Array {
  const codings = (encoding ?? "").toLowerCase().split(",").map((c) => c.trim()).filter((c) => c && c !== "identity");
  let out: Uint8Array = body;
  for (const coding of codings.reverse()) {
    const opts = { maxOutputLength: maxBytes };
    if (coding === "gzip" || coding === "x-gzip") out = gunzipSync(out, opts);
    else if (coding === "br") out = brotliDecompressSync(out, opts);
    else if (coding === "deflate") {
      // Servers send either zlib-wrapped or raw deflate under this name.
      try { out = inflateSync(out, opts); } catch { out = inflateRawSync(out, opts); }
    } else throw new Error(`unsupported Content-Encoding ${coding}`);
  }
  return out;
}
