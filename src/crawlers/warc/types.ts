// WARC 1.1 records for raw captures: every HTTP exchange the crawler makes (request + response,
// including redirects, list APIs and attachments) is kept as the bytes that crossed the wire.

export type HeaderList = Array<[name: string, value: string]>;

export interface HttpExchange {
  /** The requested URL (for a redirect hop: that hop's URL). */
  url: string;
  method: string;
  /** Request headers as sent (Host included). */
  requestHeaders: HeaderList;
  requestBody?: Uint8Array;
  /** e.g. "HTTP/1.1" */
  httpVersion: string;
  status: number;
  statusText: string;
  /** Response headers as received, in order, duplicates kept (Set-Cookie). */
  responseHeaders: HeaderList;
  /** The response body as received on the wire: still Content-Encoded (gzip …), transfer-decoded. */
  body: Uint8Array;
  /** When the response began (WARC-Date). */
  date: Date;
  /** The server's IP address, if known (WARC-IP-Address). */
  ip?: string;
}

/** Where a capture's response record is: the file (name relative to the WARC folder) and the gzip member's byte range. */
export interface WarcLocation {
  file: string;
  offset: number;
  /** Length of the compressed member (the response record). */
  length: number;
  /** WARC-Record-ID of the response record, e.g. "<urn:uuid:…>". */
  recordId: string;
  /** WARC-Payload-Digest, "sha1:BASE32". */
  payloadDigest: string;
}
