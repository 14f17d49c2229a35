import type { Hono } from "hono";
import { reportFacets } from "../../store/report-facets.ts";
import { exportParquetLong, exportParquetWide } from "../../export/export-parquet.ts";
import { exportCsvLong, exportCsvWide, exportJsonl } from "../../export/export-text.ts";
import { openParquetWriter } from "../../export/parquet-file.ts";
import type { Deps } from "../app.ts";
import { listFilter } from "../loaders.ts";
import * as P from "../params.ts";
import { sendHtml } from "../respond.ts";
import { streamDownload } from "../stream.ts";
import { downloadsPage } from "../views/downloads-view.ts";

// The export formats of `nianbao export` for the current filter, streamed as they are made.

export function downloadRoutes(app: Hono, { db, log }: Deps): void {
  const onError = (what: string) => (err: unknown) => log(`${what}: ${(err as Error)?.message ?? String(err)}`);
  app.get("/downloads", async (c) => {
    const q = new URL(c.req.url).searchParams;
    const { filter } = await listFilter(db, q);
    const facets = await reportFacets(db, filter);
    return sendHtml(c, downloadsPage({ q, total: facets.total }));
  });
  app.get("/export.jsonl", async (c) => {
    const { filter } = await listFilter(db, new URL(c.req.url).searchParams);
    return streamDownload("application/jsonl; charset=utf-8", "reports.jsonl", (out) => exportJsonl(db, out, filter), onError("/export.jsonl"));
  });
  app.get("/export.csv", async (c) => {
    const q = new URL(c.req.url).searchParams;
    const wide = P.oneOf(q, "layout", ["long", "wide"] as const) === "wide";
    const { filter } = await listFilter(db, q);
    return streamDownload("text/csv; charset=utf-8", wide ? "values-wide.csv" : "values-long.csv",
      (out) => (wide ? exportCsvWide : exportCsvLong)(db, out, filter), onError("/export.csv"));
  });
  app.get("/export.parquet", async (c) => {
    const q = new URL(c.req.url).searchParams;
    const wide = P.oneOf(q, "layout", ["long", "wide"] as const) === "wide";
    const { filter } = await listFilter(db, q);
    return streamDownload("application/vnd.apache.parquet", wide ? "values-wide.parquet" : "values-long.parquet",
      (out) => (wide ? exportParquetWide : exportParquetLong)(db, async (columns) => openParquetWriter(out, columns), filter), onError("/export.parquet"));
  });
}
