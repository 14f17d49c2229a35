import type { Request } from "@crawlee/cheerio";
import { sha256Hex } from "../../store/blobs.ts";
import { discoverPage } from "../discovery/discover-page.ts";
import type { Findings, Link } from "../discovery/types.ts";
import { renderList } from "./render-list.ts";
import { handleDocument } from "./handle-document.ts";
import { fetchedPage } from "./fetched-page.ts";
import type { CrawlData, RunContext } from "./run-context.ts";

// Navigation, column, list and list-API pages: read for their links. A 304 is read from its last
// capture. Pager traps are cut: a list page whose body repeats one already seen in its column, or
// that lists nothing, leads to no further list pages. A list that exists only after its scripts
// run is rendered in the browser lane. A column link that turns out to be a report itself (a
// column with no list in it and a report's title) is handled as a detail page.

const REPORT_TITLE = /(?:年度报告|年报)/;

export async function handlePage(rc: RunContext, request: Request): Promise<void> {
  const started = Date.now();
  const data = request.userData as CrawlData;
  const page = await fetchedPage(rc, request);
  const { result } = page;
  const row = { finalUrl: result.url, httpStatus: result.status, etag: result.etag, lastModified: result.lastModified, contentType: page.contentType, size: result.body.length, warc: page.warc };
  if (result.status >= 400) {
    await rc.outcome(request, data, result.status === 404 || result.status === 410 ? "not_found" : "failed", { ...row, detail: `HTTP ${result.status}` }, started);
    return;
  }
  if (!page.bytes) {
    await rc.outcome(request, data, "not_modified", { ...row, detail: "304, and the last capture could not be read back" }, started);
    return;
  }
  const findings = discoverPage({
    url: result.url, bytes: page.bytes, contentType: page.contentType, status: result.status, kind: data.kind, linkText: data.linkText, request: data.api,
  });
  const detail = [findings.family, findings.title].filter(Boolean).join(": ").slice(0, 200) || undefined;
  const sha256 = result.notModified ? page.previous?.sha256 ?? null : sha256Hex(page.bytes);
  if (findings.softNotFound) {
    await rc.outcome(request, data, "not_found", { ...row, sha256, detail: `soft 404: ${findings.softNotFound}` }, started);
    return;
  }
  if (findings.redirect) {
    await rc.enqueue(data, [{ url: findings.redirect, kind: data.kind, family: "redirect", why: "redirect shell", text: data.linkText }]);
    await rc.outcome(request, data, result.notModified ? "not_modified" : "page", { ...row, sha256, detail: `redirect shell → ${findings.redirect}` }, started);
    return;
  }
  if ((data.kind === "column" || data.kind === "list") && looksLikeReportItself(findings)) {
    await handleDocument(rc, request, { ...data, kind: "detail" }, page, started);
    return;
  }
  let links = findings.links;
  if (sha256 && (data.kind === "list" || data.kind === "list-api" || data.kind === "column")) links = cutRepeatingPager(rc, data, sha256, links);
  // A portal registered as needing a browser has its columns rendered whatever discovery makes of them.
  const forced = rc.portal(data.portalId).portal.needsBrowser && data.kind === "column" ? "the portal is registered as needing a browser" : undefined;
  const why = findings.needsBrowser ?? forced;
  if (why) links = [...links, ...(await renderList(rc, data, { url: result.url, bytes: page.bytes, contentType: page.contentType }, why))];
  const added = await rc.enqueue(data, links, { title: findings.title });
  await rc.outcome(request, data, result.notModified ? "not_modified" : "page", { ...row, sha256, detail: `${detail ?? ""}${detail ? "; " : ""}${links.length} links, ${added} new` }, started);
}

/** A page reached as a column that holds no list but a report's title: the report itself. */
function looksLikeReportItself(findings: Findings): boolean {
  const listed = findings.links.some((l) => l.kind === "detail" || l.kind === "list" || l.kind === "list-api" || l.kind === "column");
  return !listed && findings.title !== undefined && REPORT_TITLE.test(findings.title) && /\d{4}|[〇零一二][〇零一二三四五六七八九]{3}/.test(findings.title);
}

/**
 * Pagination traps: a list page with the same body as another of its column, or with nothing to
 * list, ends the pager there (its list links are dropped; its items are still taken).
 */
function cutRepeatingPager(rc: RunContext, data: CrawlData, sha256: string, links: Link[]): Link[] {
  const p = rc.portal(data.portalId);
  const key = data.column ?? "";
  const seen = p.listBodies.get(key) ?? new Set<string>();
  p.listBodies.set(key, seen);
  const repeats = seen.has(sha256);
  seen.add(sha256);
  const empty = !links.some((l) => l.kind === "detail" || l.kind === "attachment");
  if (!repeats && !(empty && data.kind === "list")) return links;
  return links.filter((l) => l.kind !== "list" && l.kind !== "list-api");
}
