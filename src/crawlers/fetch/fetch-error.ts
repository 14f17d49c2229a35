// Why a fetch gave no usable answer, in words a crawl log and summary can show.

export type FetchFailureKind =
  | "robots"      // robots.txt forbids it (for our User-Agent, else *)
  | "blocked"     // a challenge that could not be passed, or a host that keeps refusing us
  | "network"     // refused, reset, DNS, TLS — after retries and fallbacks
  | "timeout"     // no complete answer within the time limit
  | "too_large"   // the body passed the size limit
  | "redirects"   // too many redirects, or a loop
  | "out_of_scope"; // a redirect left the portal's hosts

export class FetchError extends Error {
  override readonly name = "FetchError";
  readonly kind: FetchFailureKind;
  readonly url: string;
  constructor(kind: FetchFailureKind, url: string, message: string) {
    super(message);
    this.kind = kind;
    this.url = url;
  }
}
