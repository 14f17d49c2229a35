import { STATUS_CODES } from "node:http";
import { parseHeaderLines } from "./header-lines.ts";
import type { HeaderList, HttpExchange } from "./types.ts";

// The HTTP messages inside request and response records (Content-Type application/http): start
// line, headers, blank line, body — the bytes as they crossed the wire, with one exception: the
// body is stored transfer-decoded (de-chunked), so a Transfer-Encoding header would lie about it.
// It is kept under the name X-Crawler-Transfer-Encoding (Common Crawl's and StormCrawler's
// convention), which readers ignore; every other header is kept as received, in order.

export const TRANSFER_ENCODING_RENAMED = "X-Crawler-Transfer-Encoding";

/**
 * Header strings as Node gives them are one char per byte (latin1), so latin1 gives the bytes back
 * exactly. A string with characters above U+00FF cannot have come that way (a browser's decoded
 * header): it is written as UTF-8.
 */
export function headerBytes(text: string): Buffer {
  return /[^\x00-\xff]/.test(text) ? Buffer.from(text, "utf8") : Buffer.from(text, "latin1");
}

function headerLines(headers: HeaderList, rename: boolean): string[] {
  const lines: string[] = [];
  for (const [rawName, value] of headers) {
    if (/[\r\n]/.test(rawName) || /[\r\n]/.test(value) || !rawName.trim()) throw new TypeError(`HTTP header cannot be archived: ${JSON.stringify(`${rawName}: ${value}`).slice(0, 120)}`);
    const name = rename && rawName.toLowerCase() === "transfer-encoding" ? TRANSFER_ENCODING_RENAMED : rawName;
    lines.push(`${name}: ${value}\r\n`);
  }
  return lines;
}

/** "HTTP/1.1" stays; "h2", "HTTP/2" become "HTTP/2.0" (an HTTP/2 answer has no status line of its own: one is written). */
export function httpVersionLabel(version: string): string {
  const v = version.trim();
  if (/^HTTP\/\d\.\d$/i.test(v)) return v.toUpperCase();
  if (/^HTTP\/\d$/i.test(v)) return `${v.toUpperCase()}.0`;
  const short = /^h(\d)$/i.exec(v);
  if (short) return `HTTP/${short[1]}.0`;
  if (/^\d\.\d$/.test(v)) return `HTTP/${v}`;
  return "HTTP/1.1";
}

/** The response's status line and headers (the block's head, up to and including the blank line). */
export function responseHead(exchange: HttpExchange): Buffer {
  const reason = exchange.statusText.replace(/[\r\n]/g, " ") || STATUS_CODES[exchange.status] || "";
  const statusLine = `${httpVersionLabel(exchange.httpVersion)} ${exchange.status}${reason ? ` ${reason}` : ""}\r\n`;
  return Buffer.concat([statusLine, ...headerLines(exchange.responseHeaders, true), "\r\n"].map(headerBytes));
}

/** The request line (origin form: path and query, as sent) and headers. */
export function requestHead(exchange: HttpExchange, url: URL): Buffer {
  const method = exchange.method.toUpperCase();
  if (!/^[A-Z0-9!#$%&'*+.^_`|~-]+$/.test(method)) throw new TypeError(`HTTP method cannot be archived: ${JSON.stringify(exchange.method)}`);
  const target = `${url.pathname || "/"}${url.search}`;
  const requestLine = `${method} ${target} ${httpVersionLabel(exchange.httpVersion)}\r\n`;
  return Buffer.concat([requestLine, ...headerLines(exchange.requestHeaders, true), "\r\n"].map(headerBytes));
}

export interface ParsedHttp {
  /** "HTTP/1.1 200 OK" or "GET /path HTTP/1.1". */
  startLine: string;
  /** As stored, one char per byte (latin1): what Node would have given for the same bytes. */
  headers: HeaderList;
  body: Uint8Array;
}

/** Splits an application/http block into start line, headers and body (lenient: bare LF accepted). */
export function parseHttpBlock(block: Uint8Array): ParsedHttp {
  const buf = Buffer.from(block.buffer, block.byteOffset, block.length);
  let end = buf.indexOf("\r\n\r\n");
  let bodyStart = end + 4;
  const bareLf = buf.indexOf("\n\n");
  if (bareLf >= 0 && (end < 0 || bareLf < end)) {
    end = bareLf;
    bodyStart = bareLf + 2;
  }
  if (end < 0) throw new Error("HTTP message has no end of headers");
  const lines = buf.subarray(0, end).toString("latin1").split(/\r?\n/);
  const startLine = lines.shift() ?? "";
  return { startLine, headers: parseHeaderLines(lines, "HTTP"), body: buf.subarray(bodyStart) };
}
