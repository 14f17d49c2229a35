import { randomUUID } from "node:crypto";
import { sha1Digest } from "./warc-digest.ts";
import { requestHead, responseHead } from "./warc-http.ts";
import { serializeRecord, warcDate, warcFieldsBlock } from "./warc-record.ts";
import type { HeaderList, HttpExchange } from "./types.ts";

// What goes in a file, record by record, before compression: the response and request records of
// an exchange (response first, as pywb and warcio write them, each naming the other in
// WARC-Concurrent-To), resource/metadata records, and the warcinfo record that opens a file.

export interface RecordBytes {
  parts: Buffer[];
  recordId: string;
  payloadDigest: string;
}

export const newRecordId = (): string => `<urn:uuid:${randomUUID()}>`;

/** The URL as it went on the wire: WHATWG-normalised (IDN host in punycode, non-ASCII percent-encoded), no fragment. */
export function wireUrl(url: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(`cannot archive an exchange with an invalid URL: ${JSON.stringify(url).slice(0, 200)}`);
  }
  parsed.hash = "";
  return parsed;
}

export function exchangeRecords(exchange: HttpExchange): { response: RecordBytes; request: RecordBytes } {
  if (!Number.isInteger(exchange.status) || exchange.status < 100 || exchange.status > 999) throw new TypeError(`cannot archive an exchange with HTTP status ${exchange.status} (${exchange.url})`);
  const url = wireUrl(exchange.url);
  const date = warcDate(exchange.date);
  const responseId = newRecordId();
  const requestId = newRecordId();

  const head = responseHead(exchange);
  const payloadDigest = sha1Digest(exchange.body);
  const responseFields: HeaderList = [
    ["WARC-Type", "response"],
    ["WARC-Record-ID", responseId],
    ["WARC-Date", date],
    ["WARC-Target-URI", url.href],
    ["WARC-Concurrent-To", requestId],
  ];
  if (exchange.ip) responseFields.push(["WARC-IP-Address", exchange.ip]);
  responseFields.push(
    ["Content-Type", "application/http;msgtype=response"],
    ["WARC-Payload-Digest", payloadDigest],
    ["WARC-Block-Digest", sha1Digest(head, exchange.body)],
  );

  const requestBody = exchange.requestBody ?? new Uint8Array(0);
  const requestHeadBytes = requestHead(exchange, url);
  const requestPayloadDigest = sha1Digest(requestBody);
  const requestFields: HeaderList = [
    ["WARC-Type", "request"],
    ["WARC-Record-ID", requestId],
    ["WARC-Date", date],
    ["WARC-Target-URI", url.href],
    ["WARC-Concurrent-To", responseId],
    ["Content-Type", "application/http;msgtype=request"],
    ["WARC-Payload-Digest", requestPayloadDigest],
    ["WARC-Block-Digest", sha1Digest(requestHeadBytes, requestBody)],
  ];

  return {
    response: { parts: serializeRecord(responseFields, [head, exchange.body]), recordId: responseId, payloadDigest },
    request: { parts: serializeRecord(requestFields, [requestHeadBytes, requestBody]), recordId: requestId, payloadDigest: requestPayloadDigest },
  };
}

/** A record of another type: the block is stored as given. */
export interface OtherRecord {
  type: "resource" | "metadata" | "conversion";
  /** WARC-Target-URI: the page the record is about (a rendered DOM: the page's URL), or a urn: for a crawl log. */
  uri: string;
  contentType: string;
  block: Uint8Array;
  date?: Date;
  /** WARC-Refers-To: the record (e.g. the response a rendered DOM or a metadata record is about). */
  refersTo?: string;
  /** More WARC fields (e.g. ["WARC-Concurrent-To", id]). */
  fields?: HeaderList;
}

export function otherRecord(record: OtherRecord): RecordBytes {
  const recordId = newRecordId();
  const digest = sha1Digest(record.block);
  const fields: HeaderList = [
    ["WARC-Type", record.type],
    ["WARC-Record-ID", recordId],
    ["WARC-Date", warcDate(record.date ?? new Date())],
    ["WARC-Target-URI", record.uri],
  ];
  if (record.refersTo) fields.push(["WARC-Refers-To", record.refersTo]);
  fields.push(...(record.fields ?? []), ["Content-Type", record.contentType], ["WARC-Payload-Digest", digest], ["WARC-Block-Digest", digest]);
  return { parts: serializeRecord(fields, [record.block]), recordId, payloadDigest: digest };
}

export function warcinfoRecord(fileName: string, info: HeaderList): RecordBytes {
  const recordId = newRecordId();
  const block = warcFieldsBlock(info);
  const digest = sha1Digest(block);
  const fields: HeaderList = [
    ["WARC-Type", "warcinfo"],
    ["WARC-Record-ID", recordId],
    ["WARC-Date", warcDate(new Date())],
    ["WARC-Filename", fileName],
    ["Content-Type", "application/warc-fields"],
    ["WARC-Block-Digest", digest],
  ];
  return { parts: serializeRecord(fields, [block]), recordId, payloadDigest: digest };
}
