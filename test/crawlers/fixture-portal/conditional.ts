import { createHash } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";

// Validators (ETag, Last-Modified) for the fixture portals and the 304 decision for conditional
// requests (RFC 9110 §13). Each path keeps the date its bytes last changed, on a clock that only
// moves forward, so a republished page always gets a later Last-Modified than the one before.

/** Which validators a site sends: real servers send both, one, or none. */
export interface Validators { etag: boolean; lastModified: boolean }

export const BOTH: Validators = { etag: true, lastModified: true };

/** A strong ETag from the bytes, in the form nginx-like servers use ("hex"). */
export function etagOf(body: Uint8Array): string {
  return `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
}

/** Whole seconds: HTTP dates carry no milliseconds. */
const seconds = (ms: number) => Math.floor(ms / 1000) * 1000;

/** Per-path modification dates: the first date a path is served with, moved forward when its bytes change. */
export class ModificationClock {
  private readonly known = new Map<string, { etag: string; date: number }>();
  private latest = 0;

  /** The Last-Modified of `path` now that it holds bytes with this ETag (`first`: the date to give a path never seen). */
  dateOf(path: string, etag: string, first: Date): Date {
    const seen = this.known.get(path);
    if (seen && seen.etag === etag) return new Date(seen.date);
    const date = seen ? Math.max(seconds(Date.now()), seen.date + 1000, this.latest) : seconds(first.getTime());
    this.known.set(path, { etag, date });
    if (seen) this.latest = date;
    return new Date(date);
  }
}

const listed = (header: string) => header.split(",").map((t) => t.trim().replace(/^W\//, ""));

/**
 * Whether a GET/HEAD with these request headers is answered 304 Not Modified: If-None-Match wins
 * when present (and the site sends ETags); If-Modified-Since is used only without it.
 */
export function notModified(headers: IncomingHttpHeaders, etag: string | undefined, lastModified: Date | undefined): boolean {
  const inm = headers["if-none-match"];
  if (inm !== undefined) return etag !== undefined && (inm.trim() === "*" || listed(inm).includes(etag));
  const ims = headers["if-modified-since"];
  if (ims === undefined || lastModified === undefined) return false;
  const since = Date.parse(ims);
  return !Number.isNaN(since) && lastModified.getTime() <= since;
}
