import { sql, type Kysely } from "kysely";
import type { Database } from "./database.ts";
import { StoreError } from "./store-error.ts";

// The portal registry: where each crawl starts, which hosts belong to a portal, where its bodies
// sit (the region every report found on it is placed under), and the few overrides a portal may
// need. Adding a portal is data, never code.

export interface PortalInput {
  name: string;
  startUrl: string;
  region?: string | null;
  regionCode?: string | null;
  hosts?: string[];
  columnUrl?: string | null;
  needsBrowser?: boolean;
  delayMs?: number | null;
  maxPages?: number | null;
  adHoc?: boolean;
}

export interface Portal {
  id: string;
  name: string;
  startUrl: string;
  region: string | null;
  regionCode: string | null;
  hosts: string[];
  columnUrl: string | null;
  needsBrowser: boolean;
  delayMs: number | null;
  maxPages: number | null;
  adHoc: boolean;
}

export interface PortalListing extends Portal {
  lastCrawl: { runId: string; at: Date; status: string; pages: number; documents: number; reportsNew: number; reportsChanged: number; reportsUnchanged: number; failures: number; blockedHosts: string[] } | null;
  reports: number;
}

interface Row {
  id: string; name: string; start_url: string; region: string | null; region_code: string | null; hosts: string[];
  column_url: string | null; needs_browser: boolean; delay_ms: number | null; max_pages: number | null; ad_hoc: boolean;
}

const toPortal = (r: Row): Portal => ({
  id: r.id, name: r.name, startUrl: r.start_url, region: r.region, regionCode: r.region_code, hosts: r.hosts,
  columnUrl: r.column_url, needsBrowser: r.needs_browser, delayMs: r.delay_ms, maxPages: r.max_pages, adHoc: r.ad_hoc,
});

const COLUMNS = ["id", "name", "start_url", "region", "region_code", "hosts", "column_url", "needs_browser", "delay_ms", "max_pages", "ad_hoc"] as const;

/** Registers a portal, or updates the one with the same start URL (fields given replace theirs). */
export async function addPortal(db: Kysely<Database>, input: PortalInput): Promise<{ portal: Portal; created: boolean }> {
  const values = {
    name: input.name,
    start_url: input.startUrl,
    region: input.region ?? null,
    region_code: input.regionCode ?? null,
    hosts: input.hosts ?? [],
    column_url: input.columnUrl ?? null,
    needs_browser: input.needsBrowser ?? false,
    delay_ms: input.delayMs ?? null,
    max_pages: input.maxPages ?? null,
    ad_hoc: input.adHoc ?? false,
  };
  try {
    const row = await db.insertInto("portals").values(values)
      .onConflict((oc) => oc.column("start_url").doUpdateSet({
        name: values.name,
        region: sql`coalesce(${values.region}, portals.region)`,
        region_code: sql`coalesce(${values.region_code}, portals.region_code)`,
        hosts: values.hosts.length ? values.hosts : sql`portals.hosts`,
        column_url: sql`coalesce(${values.column_url}, portals.column_url)`,
        needs_browser: input.needsBrowser ?? sql`portals.needs_browser`,
        delay_ms: sql`coalesce(${values.delay_ms}::int, portals.delay_ms)`,
        max_pages: sql`coalesce(${values.max_pages}::int, portals.max_pages)`,
        // A portal registered on the fly becomes a regular one when it is added for real.
        ad_hoc: sql`portals.ad_hoc and ${values.ad_hoc}`,
      }))
      .returning([...COLUMNS, sql<boolean>`(xmax = 0)`.as("created")])
      .executeTakeFirstOrThrow();
    return { portal: toPortal(row as Row), created: (row as { created: boolean }).created };
  } catch (err) {
    if ((err as { code?: string }).code === "23514") throw new StoreError(`portal ${input.startUrl}: region code '${input.regionCode}' is not a 6- or 9-digit 行政区划代码`);
    throw err;
  }
}

/** Every portal, or those with the given ids / start URLs; unknown ones are an error naming them. */
export async function findPortals(db: Kysely<Database>, refs?: string[]): Promise<Portal[]> {
  let query = db.selectFrom("portals").select(COLUMNS).orderBy("id");
  if (!refs) return (await query.where("ad_hoc", "=", false).execute()).map((r) => toPortal(r as Row));
  const ids = refs.filter((r) => /^\d+$/.test(r));
  const urls = refs.filter((r) => !/^\d+$/.test(r));
  query = query.where((eb) => eb.or([
    ...(ids.length ? [eb("id", "in", ids)] : []),
    ...(urls.length ? [eb("start_url", "in", urls), eb("name", "in", urls)] : []),
  ]));
  const rows = (await query.execute()).map((r) => toPortal(r as Row));
  const missing = refs.filter((r) => !rows.some((p) => p.id === r || p.startUrl === r || p.name === r));
  if (missing.length) throw new StoreError(`no portal ${missing.map((m) => `'${m}'`).join(", ")} in the registry; list them with 'nianbao portals'`);
  return rows;
}

/** Every portal with its last crawl (when, what it found, failures) and how many reports it holds. */
export async function listPortals(db: Kysely<Database>): Promise<PortalListing[]> {
  const { rows } = await sql<Row & { run_id: string | null; started_at: Date | null; status: string | null; pages: number | null; documents: number | null; reports_new: number | null; reports_changed: number | null; reports_unchanged: number | null; failures: number | null; blocked_hosts: string[] | null; reports: string }>`
    select p.*, last.run_id, last.started_at, last.status, last.pages, last.documents, last.reports_new, last.reports_changed,
      last.reports_unchanged, last.failures, last.blocked_hosts,
      (select count(distinct f.report_id) from crawl_fetches f where f.portal_id = p.id and f.report_id is not null) as reports
    from portals p
    left join lateral (
      select s.*, r.started_at, r.status from crawl_portal_stats s join crawl_runs r on r.id = s.run_id
      where s.portal_id = p.id order by r.started_at desc limit 1
    ) last on true
    order by p.id`.execute(db);
  return rows.map((r) => ({
    ...toPortal(r),
    reports: Number(r.reports),
    lastCrawl: r.run_id === null ? null : {
      runId: r.run_id, at: r.started_at!, status: r.status!, pages: r.pages ?? 0, documents: r.documents ?? 0,
      reportsNew: r.reports_new ?? 0, reportsChanged: r.reports_changed ?? 0, reportsUnchanged: r.reports_unchanged ?? 0,
      failures: r.failures ?? 0, blockedHosts: r.blocked_hosts ?? [],
    },
  }));
}
