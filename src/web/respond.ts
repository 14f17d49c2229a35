import { createHash } from "node:crypto";
import type { Context } from "hono";
import { chooseCoding, encodeBody, MIN_COMPRESS_BYTES } from "./compress.ts";
import type { Html } from "./html.ts";
import type { CachedAnswer } from "./page-cache.ts";

// Responses with validators: a weak ETag from the body's hash (304 when the client has it),
// Cache-Control that makes browsers and proxies revalidate (the archive changes whenever
// something is ingested), the content type with its charset, and the body compressed as the
// client accepts (compress.ts; the ETag is of the uncompressed bytes, the same for every coding,
// as a weak validator may be).

export const REVALIDATE = "no-cache";

function etagFor(body: Uint8Array): string {
  return `W/"${createHash("sha1").update(body).digest("base64url").slice(0, 27)}"`;
}

function matches(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  return header.split(",").map((t) => t.trim()).some((t) => t === "*" || t === tag || t.replace(/^W\//, "") === tag.replace(/^W\//, ""));
}

/** The answers sendText made, by response: what the page cache keeps. */
const answers = new WeakMap<Response, CachedAnswer>();
export const answerOf = (res: Response) => answers.get(res);

/** An answer (fresh or from the cache), or 304 when the client holds it already. */
export function answer(c: Context, a: CachedAnswer): Response {
  const headers: Record<string, string> = { etag: a.etag, "cache-control": a.cacheControl, vary: "accept-encoding" };
  if (matches(c.req.header("if-none-match"), a.etag)) return new Response(null, { status: 304, headers });
  if (a.coding !== "identity") headers["content-encoding"] = a.coding;
  const res = new Response(a.body as Uint8Array<ArrayBuffer>, { status: 200, headers: { ...headers, "content-type": a.type } });
  answers.set(res, a);
  return res;
}

export function sendText(c: Context, body: string, type: string, status = 200, extra: Record<string, string> = {}): Response {
  if (status !== 200) return new Response(body, { status, headers: { "content-type": type, ...extra, "cache-control": "no-store" } });
  // Encoded once: the same bytes are hashed for the ETag, compressed, sent, and kept by the page cache.
  const bytes = Buffer.from(body, "utf8");
  const coding = bytes.length >= MIN_COMPRESS_BYTES ? chooseCoding(c.req.header("accept-encoding")) : "identity";
  return answer(c, { body: encodeBody(bytes, coding), coding, type, etag: etagFor(bytes), cacheControl: extra["cache-control"] ?? REVALIDATE });
}

export const sendHtml = (c: Context, body: Html, status = 200) => sendText(c, body.value, "text/html; charset=utf-8", status);

export const sendJson = (c: Context, value: unknown, status = 200) => sendText(c, `${JSON.stringify(value)}\n`, "application/json; charset=utf-8", status);

/** Content-Disposition for a download: an ASCII fallback and the UTF-8 name (RFC 6266/5987). */
export function attachment(name: string): string {
  const safe = name.replace(/[\u0000-\u001f<>:"/\\|?*;]/g, "_");
  const ascii = safe.replace(/[^A-Za-z0-9._ ()-]/g, "_") || "download";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}
