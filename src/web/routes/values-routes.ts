import type { Hono } from "hono";
import { valuesAcrossReports } from "../../store/key-across-reports.ts";
import type { ReportFilter, ReportKey } from "../../store/list-reports.ts";
import { csvLine } from "../../export/csv.ts";
import type { Deps } from "../app.ts";
import { keyValue } from "../key-values.ts";
import { keyLabel, keyParts } from "../labels.ts";
import { listFilter, type Db } from "../loaders.ts";
import * as P from "../params.ts";
import { sendHtml } from "../respond.ts";
import { streamDownload } from "../stream.ts";
import { valuesPage, type ValueRow, type ValueSort } from "../views/values-view.ts";

// One key (or a sum, or a ratio per 100 of a second key) across agencies: the page, sortable
// and charted, and the CSV of all rows (streamed page by page).

const PAGE_ROWS = 2000;
const SORTS = ["value", "-value", "agency", "year"] as const;

async function* valueRows(db: Db, key: string, per: string | undefined, filter: ReportFilter): AsyncGenerator<ValueRow[]> {
  const keys = [...new Set([...keyParts(key), ...(per ? keyParts(per) : [])])];
  let after: ReportKey | undefined;
  for (;;) {
    const page = await valuesAcrossReports(db, keys, filter, { after, limit: 1000 });
    yield page.rows.map((r) => {
      const value = keyValue(r.values, key);
      const perValue = per ? keyValue(r.values, per) : null;
      const ratio = value !== null && perValue ? (value / perValue) * 100 : null;
      return { reportId: r.reportId, agencyId: r.agencyId, agency: r.agency, region: r.region, year: r.year, value, per: perValue, ratio };
    });
    if (!page.next) return;
    after = page.next;
  }
}

/** Chinese collation, made once (localeCompare with a locale sets one up on every call: three times slower). */
const zh = new Intl.Collator("zh");

function sortRows(rows: ValueRow[], sort: ValueSort, per: boolean): ValueRow[] {
  const m = (r: ValueRow) => (per ? r.ratio : r.value);
  const byName = (a: ValueRow, b: ValueRow) => zh.compare(a.agency, b.agency) || a.year - b.year;
  if (sort === "agency") return rows.sort(byName);
  if (sort === "year") return rows.sort((a, b) => b.year - a.year || byName(a, b));
  const dir = sort === "value" ? 1 : -1;
  // Rows without the figure go last whichever the direction.
  return rows.sort((a, b) => (m(a) === null ? 1 : 0) - (m(b) === null ? 1 : 0) || dir * ((m(a) ?? 0) - (m(b) ?? 0)) || byName(a, b));
}

export function valuesRoutes(app: Hono, { db, log }: Deps): void {
  app.get("/values", async (c) => {
    const q = new URL(c.req.url).searchParams;
    const key = P.cellKey(q, "key"), per = P.cellKey(q, "per");
    const sort = P.oneOf(q, "sort", SORTS) ?? "-value";
    const { filter } = await listFilter(db, q);
    const rows: ValueRow[] = [];
    let truncated = false;
    if (key) {
      for await (const batch of valueRows(db, key, per, filter)) {
        rows.push(...batch);
        if (rows.length >= PAGE_ROWS) { truncated = true; rows.length = PAGE_ROWS; break; }
      }
    }
    return sendHtml(c, valuesPage({ q, key, per, rows: sortRows(rows, sort, Boolean(per)), truncated, sort }));
  });
  app.get("/values.csv", async (c) => {
    const q = new URL(c.req.url).searchParams;
    const key = P.cellKey(q, "key"), per = P.cellKey(q, "per");
    if (!key) return c.redirect("/values", 302);
    const { filter } = await listFilter(db, q);
    const header = ["report_id", "agency_id", "agency", "region", "year", "key", "label", "value", ...(per ? ["per_key", "per_label", "per_value", "per_100"] : [])];
    return streamDownload("text/csv; charset=utf-8", `values-${key.replace(/[^a-z0-9_.]/gi, "_")}.csv`, async (out) => {
      await out.write(csvLine(header));
      for await (const batch of valueRows(db, key, per, filter)) {
        await out.write(batch.map((r) => csvLine([r.reportId, r.agencyId, r.agency, r.region, r.year, key, keyLabel(key), r.value,
          ...(per ? [per, keyLabel(per), r.per, r.ratio === null ? null : Number(r.ratio.toFixed(4))] : [])])).join(""));
      }
    }, (err) => log(`/values.csv: ${(err as Error).message}`));
  });
}
