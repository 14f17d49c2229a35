import type { Hono } from "hono";
import { reportFacets } from "../../store/report-facets.ts";
import { hitsMatch, searchReportsPage } from "../../store/search-reports.ts";
import { csvLine } from "../../export/csv.ts";
import type { Deps } from "../app.ts";
import { decodeSearchCursor, encodeSearchCursor } from "../cursor.ts";
import { listFilter } from "../loaders.ts";
import * as P from "../params.ts";
import { sendHtml } from "../respond.ts";
import { streamDownload } from "../stream.ts";
import { searchPage } from "../views/search-view.ts";

// Full-text search: the page (hits, facets of the hits, paging) and the hits as CSV (the best
// CSV_MAX; ranked among the newest CSV_MAX reports holding every term when more do).

const CSV_MAX = 2000;

export function searchRoutes(app: Hono, { db, log }: Deps): void {
  app.get("/search", async (c) => {
    const q = new URL(c.req.url).searchParams;
    const query = P.optionalText(q, "q", P.MAX_QUERY);
    const { filter } = await listFilter(db, q);
    const after = decodeSearchCursor(P.optionalText(q, "cursor", 600));
    if (!query) return sendHtml(c, searchPage({ q, query, result: null, facets: null, next: null }));
    const result = await searchReportsPage(db, query, { ...filter, after, limit: P.limit(q, 20) });
    const facets = result.hits.length ? await reportFacets(db, filter, hitsMatch(result, query)) : null;
    return sendHtml(c, searchPage({ q, query, result, facets, next: encodeSearchCursor(result.next) }));
  });
  app.get("/search.csv", async (c) => {
    const q = new URL(c.req.url).searchParams;
    const query = P.optionalText(q, "q", P.MAX_QUERY);
    if (!query) return c.redirect("/search", 302);
    const { filter } = await listFilter(db, q);
    return streamDownload("text/csv; charset=utf-8", "search.csv", async (out) => {
      await out.write(csvLine(["report_id", "version_id", "agency_id", "agency", "region", "year", "title", "rank", "snippet"]));
      // One ranking of up to CSV_MAX candidates, not one per page of 100.
      const page = await searchReportsPage(db, query, { ...filter, limit: CSV_MAX, rankLimit: CSV_MAX });
      await out.write(page.hits.map((h) => csvLine([h.reportId, h.versionId, h.agencyId, h.agency, h.region, h.year, h.title, h.rank,
        h.snippet ? `${h.snippet.before}${h.snippet.hit}${h.snippet.after}` : null])).join(""));
    }, (err) => log(`/search.csv: ${(err as Error).message}`));
  });
}
