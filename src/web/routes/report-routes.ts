import type { Hono } from "hono";
import { captureOriginal } from "../../store/capture-original.ts";
import { cellLabel, compareKeys } from "../../store/form-layout.ts";
import { listReportsPage } from "../../store/list-reports.ts";
import { reportFacets } from "../../store/report-facets.ts";
import { csvLine } from "../../export/csv.ts";
import type { Deps } from "../app.ts";
import { decodeReportKey, encodeReportKey } from "../cursor.ts";
import { notFound } from "../http-error.ts";
import { listFilter, loadReport, loadVersionDiff } from "../loaders.ts";
import { originalType, originalName } from "../original-file.ts";
import * as P from "../params.ts";
import { sendHtml } from "../respond.ts";
import { streamDownload } from "../stream.ts";
import { diffPage } from "../views/diff-page.ts";
import { diffCsv } from "../diff-csv.ts";
import { reportListPage } from "../views/report-list-view.ts";
import { reportPage } from "../views/report-view.ts";

// The report list, one report (current or past version), two versions compared, a report's
// values as CSV, and the archived original of a capture.

const LIST_HEADER = ["report_id", "agency_id", "agency", "region", "year", "template", "title", "version_id", "versions", "failed_checks", "removed_at", "source_url"];

export function reportRoutes(app: Hono, { db, log }: Deps): void {
  app.get("/reports", async (c) => {
    const q = new URL(c.req.url).searchParams;
    const { filter, agency } = await listFilter(db, q);
    const [page, facets] = await Promise.all([
      listReportsPage(db, filter, { after: decodeReportKey(P.optionalText(q, "cursor", 600)), limit: P.limit(q) }),
      reportFacets(db, filter),
    ]);
    return sendHtml(c, reportListPage({ reports: page.reports, facets, q, next: encodeReportKey(page.next), agencyName: agency?.name }));
  });
  app.get("/reports.csv", async (c) => {
    const q = new URL(c.req.url).searchParams;
    const { filter } = await listFilter(db, q);
    return streamDownload("text/csv; charset=utf-8", "reports.csv", async (out) => {
      await out.write(csvLine(LIST_HEADER));
      for (let after: ReturnType<typeof decodeReportKey> | null = undefined; after !== null;) {
        const page = await listReportsPage(db, filter, { after: after ?? undefined, limit: 500 });
        await out.write(page.reports.map((r) => csvLine([r.id, r.agencyId, r.agency, r.region, r.year, r.template, r.title, r.versionId, r.versions, r.failedChecks.join(" "), r.removedAt?.toISOString(), r.sourceUrl])).join(""));
        after = page.next;
      }
    }, (err) => log(`/reports.csv: ${(err as Error).message}`));
  });
  app.get("/reports/:id", async (c) => sendHtml(c, reportPage(await loadReport(db, c.req.param("id")))));
  app.get("/reports/:id/versions/:version", async (c) => sendHtml(c, reportPage(await loadReport(db, c.req.param("id"), c.req.param("version")))));
  app.get("/reports/:id/diff", async (c) => {
    const q = new URL(c.req.url).searchParams;
    const d = await loadVersionDiff(db, c.req.param("id"), q);
    const params = `from=${d.before.versionId}&to=${d.after.versionId}`;
    return sendHtml(c, diffPage(d, `/api/diff?report=${d.reportId}&${params}`, `/reports/${d.reportId}/diff.csv?${params}`));
  });
  app.get("/reports/:id/diff.csv", async (c) => {
    const d = await loadVersionDiff(db, c.req.param("id"), new URL(c.req.url).searchParams);
    const body = diffCsv(d);
    return streamDownload("text/csv; charset=utf-8", `report-${d.reportId}-${d.before.versionId}-${d.after.versionId}.csv`, (out) => out.write(body), () => undefined);
  });
  app.get("/reports/:id/values.csv", async (c) => {
    const q = new URL(c.req.url).searchParams;
    const r = await loadReport(db, c.req.param("id"), P.optionalText(q, "version"));
    const keys = Object.keys(r.values).sort(compareKeys);
    const body = csvLine(["report_id", "version_id", "agency", "year", "key", "label", "value"]) + keys.map((k) => csvLine([r.id, r.versionId, r.agency.name, r.year, k, cellLabel(k), r.values[k]])).join("");
    return streamDownload("text/csv; charset=utf-8", `report-${r.id}-${r.versionId}.csv`, (out) => out.write(body), () => undefined);
  });
  app.get("/captures/:id/original", async (c) => {
    const id = P.id(c.req.param("id"), "抓取记录编号");
    const capture = await captureOriginal(db, id);
    if (!capture) throw notFound(`档案中没有编号为 ${id} 的抓取记录`);
    return new Response(capture.bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        "content-type": originalType(capture), "content-disposition": originalName(capture), "content-length": String(capture.bytes.length),
        etag: `"${capture.sha256}"`, "cache-control": "public, max-age=31536000, immutable",
        // Bytes from the open web: never rendered as a page of this site.
        "content-security-policy": "sandbox; default-src 'none'", "x-content-type-options": "nosniff",
      },
    });
  });
}
