import type { Request } from "@crawlee/cheerio";
import { goneTwice } from "../../store/crawl-fetches.ts";
import { markRemoved } from "../../store/mark-removed.ts";
import { discoverPage } from "../discovery/discover-page.ts";
import { archiveFetched } from "./archive-fetched.ts";
import { fetchedPage, type FetchedPage } from "./fetched-page.ts";
import type { CrawlData, RunContext } from "./run-context.ts";

// Detail pages and attachments: the candidates for reports. A detail page fetched anew is read for its
// attachments (links, names in alt/link text, links written by scripts, redirect shells, soft
// 404s) and archived itself when it is a report inline; an attachment is archived. A report URL
// that answers 404/410 on two crawls in a row has its report marked removed (never deleted).

export async function handleDocumentRequest(rc: RunContext, request: Request): Promise<void> {
  const started = Date.now();
  const data = request.userData as CrawlData;
  await handleDocument(rc, request, data, await fetchedPage(rc, request, false), started);
}

export async function handleDocument(rc: RunContext, request: Request, data: CrawlData, page: FetchedPage, started: number): Promise<void> {
  const { result } = page;
  const row = { finalUrl: result.url, httpStatus: result.status, etag: result.etag, lastModified: result.lastModified, contentType: page.contentType, size: result.body.length, warc: page.warc };
  if (result.status >= 400) {
    const gone = result.status === 404 || result.status === 410;
    await rc.outcome(request, data, gone ? "not_found" : "failed", { ...row, detail: `HTTP ${result.status}` }, started);
    if (gone) await rc.log.flush(); // goneTwice reads this run's answer back
    const removed = gone ? await goneTwice(rc.db, request.url) : undefined;
    if (removed && (await markRemoved(rc.db, removed, result.fetchedAt))) {
      rc.event({ type: "host", host: new URL(request.url).host, message: `report ${removed} marked removed: ${request.url} answered ${result.status} on two crawls` });
    }
    return;
  }
  // A detail page that answers 304 is read no further: what it linked last time and gave a report
  // is revisited anyway (every run starts from the report URLs of earlier runs), and nothing else
  // it links can have changed without the page changing.
  if (data.kind === "detail" && page.bytes && !result.notModified) {
    const findings = discoverPage({ url: result.url, bytes: page.bytes, contentType: page.contentType, status: result.status, kind: "detail", linkText: data.linkText });
    if (findings.softNotFound) {
      await rc.outcome(request, data, "not_found", { ...row, detail: `soft 404: ${findings.softNotFound}` }, started);
      return;
    }
    if (findings.redirect) {
      await rc.enqueue(data, [{ url: findings.redirect, kind: "detail", family: "redirect", why: "redirect shell", text: data.linkText }]);
      await rc.outcome(request, data, "page", { ...row, detail: `redirect shell → ${findings.redirect}` }, started);
      return;
    }
    await rc.enqueue(data, findings.links.filter((l) => l.kind === "attachment" || l.kind === "detail"), { title: findings.title ?? data.linkText });
  }
  const archived = await archiveFetched(rc, data, page);
  await rc.outcome(request, data, archived.outcome, { ...row, sha256: archived.sha256 ?? null, captureId: archived.captureId, reportId: archived.reportId, detail: archived.detail }, started);
}
