// What a crawl reports while it runs: one event per fetch with its outcome, host events (retries,
// TLS fallbacks, challenges, blocks), and running totals for a live progress line.

export type Outcome =
  | "page"              // a page read for its links
  | "not_modified"      // 304: unchanged since the last crawl (links re-read from the WARC record)
  | "report_new"        // a report the archive did not have
  | "report_changed"    // a new version of a report the archive had
  | "report_unchanged"  // the same report content again (or a 304 on a report)
  | "not_a_report"      // a document or detail page that is no annual report (解读, 报表, 指南 …)
  | "not_found"         // 404, 410, or a soft 404
  | "failed"            // no usable answer (5xx after retries, network, too large …)
  | "blocked"           // a challenge not passed, or a host refusing us
  | "skipped";          // robots.txt, out of scope, budget

export interface FetchEvent {
  type: "fetch";
  portal: string;
  url: string;
  kind: string;
  status: number | null;
  outcome: Outcome;
  detail?: string;
  ms: number;
}

export interface HostEvent {
  type: "host";
  host: string;
  message: string;
}

export interface RunEvent {
  type: "run";
  runId: string;
  message: string;
}

export type CrawlEvent = FetchEvent | HostEvent | RunEvent;

export class CrawlTotals {
  pages = 0;
  documents = 0;
  reportsNew = 0;
  reportsChanged = 0;
  reportsUnchanged = 0;
  notReports = 0;
  notModified = 0;
  failures = 0;
  currentHost = "";

  count(e: FetchEvent): void {
    this.currentHost = new URL(e.url).host;
    if (e.kind === "detail" || e.kind === "attachment") this.documents++;
    else this.pages++;
    if (e.outcome === "not_modified") this.notModified++;
    if (e.outcome === "report_new") this.reportsNew++;
    else if (e.outcome === "report_changed") this.reportsChanged++;
    else if (e.outcome === "report_unchanged") this.reportsUnchanged++;
    else if (e.outcome === "not_a_report") this.notReports++;
    else if (e.outcome === "failed" || e.outcome === "blocked") this.failures++;
  }

  line(): string {
    return `crawl: ${this.pages} pages, ${this.documents} documents · reports ${this.reportsNew} new, ${this.reportsChanged} changed, ${this.reportsUnchanged} unchanged · ${this.failures} failures · ${this.currentHost}`;
  }
}
