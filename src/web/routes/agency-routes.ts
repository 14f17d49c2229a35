import type { Hono } from "hono";
import { agencyInfo, agencyYears } from "../../store/agency-years.ts";
import { cellLabel } from "../../store/form-layout.ts";
import { csvLine } from "../../export/csv.ts";
import type { Deps } from "../app.ts";
import { notFound } from "../http-error.ts";
import { agencyUrl } from "../links.ts";
import { loadYearDiff } from "../loaders.ts";
import * as P from "../params.ts";
import { resolveAgencyParam } from "../resolve-agency.ts";
import { sendHtml } from "../respond.ts";
import { streamDownload } from "../stream.ts";
import { agencyPage } from "../views/agency-view.ts";
import { diffPage } from "../views/diff-page.ts";
import { diffCsv } from "../diff-csv.ts";

// One agency across years, two of its years compared, its values as a wide CSV, and finding an
// agency by name (/agency?name=…, as the CLI's AGENCY argument).

export function agencyRoutes(app: Hono, { db }: Deps): void {
  const load = async (idText: string | undefined) => {
    const id = P.id(idText, "机关编号");
    const a = await agencyYears(db, id);
    if (!a) throw notFound(`档案中没有编号为 ${id} 的机关`);
    return a;
  };
  app.get("/agency", async (c) => {
    const q = new URL(c.req.url).searchParams;
    const name = P.optionalText(q, "name") ?? P.optionalText(q, "agency");
    if (!name) return c.redirect("/reports", 302);
    const agency = await resolveAgencyParam(db, name);
    return c.redirect(agencyUrl(agency.id), 302);
  });
  app.get("/agencies/:id", async (c) => sendHtml(c, agencyPage(await load(c.req.param("id")))));
  const yearDiff = async (idText: string | undefined, q: URLSearchParams) => {
    const id = P.id(idText, "机关编号");
    const agency = await agencyInfo(db, id);
    if (!agency) throw notFound(`档案中没有编号为 ${id} 的机关`);
    return loadYearDiff(db, agency, q);
  };
  app.get("/agencies/:id/diff", async (c) => {
    const q = new URL(c.req.url).searchParams;
    const d = await yearDiff(c.req.param("id"), q);
    const params = `from=${d.before.year}&to=${d.after.year}`;
    return sendHtml(c, diffPage(d, `/api/diff?agency=${d.agency.id}&${params}`, `/agencies/${d.agency.id}/diff.csv?${params}`));
  });
  app.get("/agencies/:id/diff.csv", async (c) => {
    const d = await yearDiff(c.req.param("id"), new URL(c.req.url).searchParams);
    const body = diffCsv(d);
    return streamDownload("text/csv; charset=utf-8", `agency-${d.agency.id}-${d.before.year}-${d.after.year}.csv`, (out) => out.write(body), () => undefined);
  });
  app.get("/agencies/:id/values.csv", async (c) => {
    const a = await load(c.req.param("id"));
    const header = csvLine(["key", "label", ...a.years.map((y) => String(y.year))]);
    const rows = a.keys.map((k) => csvLine([k, cellLabel(k), ...a.years.map((y) => y.values[k] ?? null)])).join("");
    return streamDownload("text/csv; charset=utf-8", `agency-${a.agency.id}-values.csv`, (out) => out.write(header + rows), () => undefined);
  });
}
