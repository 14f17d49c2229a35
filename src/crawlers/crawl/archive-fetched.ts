import { sha256Hex } from "../../store/blobs.ts";
import { archiveDocument } from "../../store/ingest-document.ts";
import type { Outcome } from "./crawl-events.ts";
import type { FetchedPage } from "./fetched-page.ts";
import type { CrawlData, RunContext } from "./run-context.ts";

// A detail page or attachment into the archive. A 304, or the very bytes the URL gave last time,
// is a sighting of the report it gave (no capture, no version). Otherwise the document is
// extracted — with what the crawler knows as the weakest evidence: the link's text, the detail
// page's title and publisher — and archived under the portal's region: a new report, a new
// version of one, the same content again, or no report (kept as a skipped capture, with why). A
// report met again in the same crawl at another URL with the same values (its PDF beside its page,
// a twin discovery could not collapse) is the same version, not a new one.

export interface Archived {
  outcome: Outcome;
  detail?: string;
  captureId?: string;
  reportId?: string;
  sha256?: string;
}

export async function archiveFetched(rc: RunContext, data: CrawlData, page: FetchedPage): Promise<Archived> {
  const { result, previous } = page;
  if (result.notModified) {
    if (previous?.reportId) {
      await rc.log.sighting(previous.reportId, result.fetchedAt);
      return { outcome: "report_unchanged", reportId: previous.reportId, detail: "304 not modified" };
    }
    return { outcome: previous ? "not_a_report" : "not_modified", detail: "304 not modified" };
  }
  const bytes = result.body;
  const sha256 = sha256Hex(bytes);
  if (previous?.sha256 === sha256 && previous.reportId) {
    await rc.log.sighting(previous.reportId, result.fetchedAt);
    return { outcome: "report_unchanged", reportId: previous.reportId, sha256, detail: "same bytes as the last capture" };
  }
  const { portal } = rc.portal(data.portalId);
  const extraction = await rc.extractor.extract(bytes, result.url, result.contentType, {
    title: data.contextTitle ?? data.linkText, publisher: data.contextPublisher,
  });
  const archived = await archiveDocument(rc.db, {
    bytes, url: result.requestedUrl, finalUrl: result.url === result.requestedUrl ? undefined : result.url,
    httpStatus: result.status, httpHeaders: Object.fromEntries(result.headers.map(([n, v]) => [n.toLowerCase(), v])),
    contentType: result.contentType, fetchedAt: result.fetchedAt, origin: "crawl",
    region: portal.region ?? undefined, regionCode: portal.regionCode ?? undefined,
    warc: page.warc, twinsSince: rc.run.startedAt,
  }, extraction);
  if (archived.status === "skipped") return { outcome: "not_a_report", detail: archived.reason, captureId: archived.captureId, sha256 };
  const outcome: Outcome = archived.status === "unchanged" ? "report_unchanged" : archived.newReport ? "report_new" : "report_changed";
  return { outcome, captureId: archived.captureId, reportId: archived.reportId, sha256, detail: `${archived.agency} ${archived.year}` };
}
