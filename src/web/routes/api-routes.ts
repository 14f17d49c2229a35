import type { Context, Hono } from "hono";
import { valuesAcrossReports } from "../../store/key-across-reports.ts";
import { listReportsPage } from "../../store/list-reports.ts";
import { searchReportsPage } from "../../store/search-reports.ts";
import { agencyJson, hitJson, recordDiffJson, reportDetailJson, reportSummaryJson } from "../api/serialize.ts";
import { openApiDocument } from "../api/openapi.ts";
import type { Deps } from "../app.ts";
import { decodeReportKey, decodeSearchCursor, encodeReportKey, encodeSearchCursor } from "../cursor.ts";
import { badRequest } from "../http-error.ts";
import { keyLabel } from "../labels.ts";
import { reportUrl, versionDiffUrl, versionUrl, yearDiffUrl } from "../links.ts";
import { listFilter, loadReport, loadVersionDiff, loadYearDiff } from "../loaders.ts";
import * as P from "../params.ts";
import { resolveAgencyParam } from "../resolve-agency.ts";
import { sendJson } from "../respond.ts";

// The JSON API: the pages' data for scripts, described by /api/openapi.json.

const abs = (c: Context) => { const origin = new URL(c.req.url).origin; return (path: string) => `${origin}${path}`; };
const query = (c: Context) => new URL(c.req.url).searchParams;

export function apiRoutes(app: Hono, { db }: Deps): void {
  app.get("/api/openapi.json", (c) => sendJson(c, openApiDocument(new URL(c.req.url).origin)));
  app.get("/api/reports", async (c) => {
    const q = query(c);
    const { filter } = await listFilter(db, q);
    const page = await listReportsPage(db, filter, { after: decodeReportKey(P.optionalText(q, "cursor", 600)), limit: P.limit(q) });
    return sendJson(c, { items: page.reports.map((r) => reportSummaryJson(r, abs(c))), next_cursor: encodeReportKey(page.next) });
  });
  app.get("/api/reports/:id", async (c) => sendJson(c, reportDetailJson(await loadReport(db, c.req.param("id")), abs(c))));
  app.get("/api/reports/:id/versions/:version", async (c) => sendJson(c, reportDetailJson(await loadReport(db, c.req.param("id"), c.req.param("version")), abs(c))));
  app.get("/api/diff", async (c) => {
    const q = query(c);
    const report = P.optionalText(q, "report"), agencyText = P.optionalText(q, "agency");
    if (report && agencyText) throw badRequest("参数 agency 与 report 只能给出一个", { parameter: "report" });
    if (!report && !agencyText) throw badRequest("请给出 agency（比较两个年度）或 report（比较两个版本）", { parameter: "agency" });
    const d = report ? await loadVersionDiff(db, report, q) : await loadYearDiff(db, await resolveAgencyParam(db, agencyText as string), q);
    const a = abs(c);
    const side = (s: typeof d.before) => ({ year: s.year, report_id: s.reportId, version_id: s.versionId, template: s.template, html_url: a(report ? versionUrl(s.reportId, s.versionId) : reportUrl(s.reportId)) });
    const page = report ? versionDiffUrl(d.before.reportId, d.before.versionId, d.after.versionId) : yearDiffUrl(d.agency.id, d.before.year, d.after.year);
    return sendJson(c, { html_url: a(page), agency: agencyJson(d.agency, a), before: side(d.before), after: side(d.after), ...recordDiffJson(d.diff) });
  });
  app.get("/api/values", async (c) => {
    const q = query(c);
    const key = P.cellKey(q, "key");
    if (!key) throw badRequest("请给出数据项 key（如 requests.new.total）", { parameter: "key" });
    if (key.startsWith("sum:")) throw badRequest("API 的 key 须为单个数据项（合计请分别取各项相加）", { parameter: "key" });
    const { filter } = await listFilter(db, q);
    const page = await valuesAcrossReports(db, [key], filter, { after: decodeReportKey(P.optionalText(q, "cursor", 600)), limit: P.limit(q) });
    const a = abs(c);
    return sendJson(c, {
      key, label: keyLabel(key),
      items: page.rows.map((r) => ({ report_id: r.reportId, html_url: a(reportUrl(r.reportId)), agency: agencyJson({ id: r.agencyId, name: r.agency, region: r.region }, a), year: r.year, key, value: r.values[key] })),
      next_cursor: encodeReportKey(page.next),
    });
  });
  app.get("/api/search", async (c) => {
    const q = query(c);
    const text = P.optionalText(q, "q", P.MAX_QUERY);
    if (!text) throw badRequest("请给出检索词 q", { parameter: "q" });
    const { filter } = await listFilter(db, q);
    const page = await searchReportsPage(db, text, { ...filter, after: decodeSearchCursor(P.optionalText(q, "cursor", 600)), limit: P.limit(q, 20) });
    return sendJson(c, { query: text, mode: page.mode, limited: page.limited, items: page.hits.map((h) => hitJson(h, abs(c))), next_cursor: encodeSearchCursor(page.next) });
  });
}
