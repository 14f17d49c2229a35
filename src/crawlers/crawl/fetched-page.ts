import type { Request } from "@crawlee/cheerio";
import { previousFetch, type PreviousFetch } from "../../store/crawl-fetches.ts";
import { decodeContent } from "../fetch/content-decoding.ts";
import type { FetchResult } from "../fetch/fetcher.ts";
import { readRecordAt } from "../warc/warc-reader.ts";
import type { RunContext } from "./run-context.ts";

// A handled request's answer as the handlers need it: the bytes to read (for a 304, the bytes of
// the last capture of that URL, read back from its WARC record), the answer's metadata, and the
// URL's previous capture (for conditional requests, sightings and "same bytes as last time").

export interface FetchedPage {
  result: FetchResult;
  /** The body to read: this answer's, or the last capture's on a 304 (undefined if not read back, or if it cannot be). */
  bytes: Uint8Array | undefined;
  contentType: string | undefined;
  previous: PreviousFetch | undefined;
  /** The WARC record of this answer, as crawl_fetches stores it. */
  warc: { file: string; offset: number; length: number };
}

/** The answer to a handled request; on a 304, with the last capture's bytes when `readBack` (pages, read for their links). */
export async function fetchedPage(rc: RunContext, request: Request, readBack = true): Promise<FetchedPage> {
  const result = rc.client.take(request);
  if (!result) throw new Error(`no answer kept for ${request.url} (the edge client was bypassed)`);
  return fetchedAnswer(rc, result, readBack);
}

/** An answer of the edge with what fetchedPage adds: the URL's previous capture and, on a 304, its bytes. */
export async function fetchedAnswer(rc: RunContext, result: FetchResult, readBack = true): Promise<FetchedPage> {
  // The final URL's last capture (for a redirect, the target's: that is what a 304 answers for).
  const previous = rc.previous.has(result.url) ? rc.previous.get(result.url) : await previousFetch(rc.db, result.url, result.method);
  rc.previous.delete(result.url);
  rc.previous.delete(result.requestedUrl);
  const warc = { file: result.warc.file, offset: result.warc.offset, length: result.warc.length };
  if (!result.notModified) return { result, bytes: result.body, contentType: result.contentType, previous, warc };
  let bytes: Uint8Array | undefined;
  if (readBack && previous?.warc) {
    try {
      const record = await readRecordAt(rc.warcDir, previous.warc);
      bytes = decodeContent(record.headers ?? [], record.body);
    } catch {
      bytes = undefined; // the WARC file was moved away: the page is re-fetched in full next time
    }
  }
  return { result, bytes, contentType: previous?.contentType ?? result.contentType, previous, warc };
}

/**
 * The conditional headers for a URL: from its last good capture — the run's preloaded ones
 * (RunContext.previous), else looked up — kept for fetchedPage, which needs it again.
 */
export async function conditionalFor(rc: RunContext, url: string, method = "GET"): Promise<{ etag?: string | null; lastModified?: string | null } | undefined> {
  const previous = rc.previous.has(url) ? rc.previous.get(url) : await previousFetch(rc.db, url, method);
  rc.previous.set(url, previous);
  return previous && (previous.etag || previous.lastModified) && previous.warc ? { etag: previous.etag, lastModified: previous.lastModified } : undefined;
}
