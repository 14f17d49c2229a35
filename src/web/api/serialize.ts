import type { AgencyRef } from "../../store/find-agency.ts";
import type { RecordDiff } from "../../store/diff/record-diff.ts";
import type { ReportSummary } from "../../store/list-reports.ts";
import type { ReportDetail } from "../../store/report-detail.ts";
import type { SearchHit } from "../../store/search-reports.ts";
import { keyLabel } from "../labels.ts";
import { agencyUrl, originalUrl, reportUrl, versionUrl } from "../links.ts";

// The API's JSON: snake_case, ISO 8601 times (UTC), ids as strings (they are PostgreSQL bigints),
// and beside every report, version and hit its page (html_url, absolute).

export type Abs = (path: string) => string;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const agencyJson = (a: Pick<AgencyRef, "id" | "name" | "region">, abs: Abs) => ({ id: a.id, name: a.name, region: a.region, html_url: abs(agencyUrl(a.id)) });

export function reportSummaryJson(r: ReportSummary, abs: Abs) {
  return {
    id: r.id, html_url: abs(reportUrl(r.id)), agency: agencyJson({ id: r.agencyId, name: r.agency, region: r.region }, abs),
    year: r.year, template: r.template, title: r.title, version_id: r.versionId, versions: r.versions,
    failed_checks: r.failedChecks, removed_at: iso(r.removedAt), source_url: r.sourceUrl,
  };
}

export function reportDetailJson(r: ReportDetail, abs: Abs) {
  return {
    id: r.id, html_url: abs(r.versionId === r.latestVersionId ? reportUrl(r.id) : versionUrl(r.id, r.versionId)),
    agency: { ...agencyJson(r.agency, abs), region_code: r.agency.regionCode, level: r.agency.level, portal_url: r.agency.portalUrl },
    year: r.year, title: r.title, template: r.template, source_url: r.sourceUrl,
    first_seen: iso(r.firstSeen), last_seen: iso(r.lastSeen), removed_at: iso(r.removedAt),
    version_id: r.versionId, current_version_id: r.latestVersionId, current: r.versionId === r.latestVersionId,
    values: r.values, checks: r.checks, warnings: r.warnings, sections: r.sections,
    versions: r.versions.map((v) => ({
      id: v.id, html_url: abs(versionUrl(r.id, v.id)), extractor_version: v.extractorVersion, template: v.template, content_hash: v.contentHash,
      first_seen: iso(v.firstSeen), last_seen: iso(v.lastSeen), failed_checks: v.failedChecks,
      captures: v.captures.map((c) => ({
        id: c.id, url: c.url, final_url: c.finalUrl, sha256: c.sha256, size: c.size, fetched_at: iso(c.fetchedAt), origin: c.origin, download_url: abs(originalUrl(c.id)),
      })),
    })),
  };
}

export function recordDiffJson(d: RecordDiff) {
  return {
    cells: d.cells.map((c) => ({ key: c.key, label: keyLabel(c.key), status: c.status, before: c.before, after: c.after, delta: c.delta })),
    checks: d.checks,
    sections: d.sections.map((s) => ({
      number: s.number, title: s.title, status: s.status,
      changes: s.changes.map((c) => ({ line_before: c.lineBefore, line_after: c.lineAfter, before: c.before, after: c.after })),
    })),
  };
}

export function hitJson(h: SearchHit, abs: Abs) {
  return {
    id: h.reportId, html_url: abs(reportUrl(h.reportId)), version_id: h.versionId, agency: agencyJson({ id: h.agencyId, name: h.agency, region: h.region }, abs),
    year: h.year, title: h.title, rank: h.rank, snippet: h.snippet,
  };
}
