import { sql, type Kysely } from "kysely";
import type { CrawlStatus, Database } from "./database.ts";

// Crawl runs: one row per `nianbao crawl`, resumable while 'running' or 'interrupted' (its Crawlee
// request queue still on disk), and per-portal counts of what it found.

export interface CrawlRun {
  id: string;
  startedAt: Date;
  status: CrawlStatus;
  portalIds: string[];
  queueName: string;
}

export async function startRun(db: Kysely<Database>, portalIds: string[], options: Record<string, unknown>): Promise<CrawlRun> {
  const row = await db.insertInto("crawl_runs")
    .values({ portal_ids: portalIds, queue_name: "pending", options: JSON.stringify(options) })
    .returning(["id", "started_at"]).executeTakeFirstOrThrow();
  const queueName = `crawl-${row.id}`;
  await db.updateTable("crawl_runs").set({ queue_name: queueName }).where("id", "=", row.id).execute();
  return { id: row.id, startedAt: row.started_at, status: "running", portalIds, queueName };
}

/** The newest run over exactly these portals that did not finish (a crash, Ctrl-C), to resume. */
export async function unfinishedRun(db: Kysely<Database>, portalIds: string[]): Promise<CrawlRun | undefined> {
  const sorted = [...portalIds].sort();
  const row = await db.selectFrom("crawl_runs").select(["id", "started_at", "status", "portal_ids", "queue_name"])
    .where("status", "in", ["running", "interrupted"])
    .where(sql<boolean>`(select array_agg(x order by x) from unnest(portal_ids) x) = ${sorted}::bigint[]`)
    .orderBy("id", "desc").limit(1).executeTakeFirst();
  return row && { id: row.id, startedAt: row.started_at, status: row.status, portalIds: row.portal_ids, queueName: row.queue_name };
}

export async function setRunStatus(db: Kysely<Database>, runId: string, status: CrawlStatus, stats?: unknown): Promise<void> {
  await db.updateTable("crawl_runs").set({
    status,
    ...(status === "finished" || status === "failed" ? { finished_at: new Date() } : {}),
    ...(stats !== undefined ? { stats: JSON.stringify(stats) } : {}),
  }).where("id", "=", runId).execute();
}

export interface PortalCounts {
  pages?: number;
  documents?: number;
  reportsNew?: number;
  reportsChanged?: number;
  reportsUnchanged?: number;
  notReports?: number;
  failures?: number;
  blockedHosts?: string[];
}

/** Adds to a portal's counts for a run (creating its row). */
export async function addPortalCounts(db: Kysely<Database>, runId: string, portalId: string, c: PortalCounts): Promise<void> {
  await sql`${countsUpsert(runId, portalId, countValues(c))}`.execute(db);
}

export function countValues(c: PortalCounts) {
  return {
    pages: c.pages ?? 0, documents: c.documents ?? 0, reports_new: c.reportsNew ?? 0, reports_changed: c.reportsChanged ?? 0,
    reports_unchanged: c.reportsUnchanged ?? 0, not_reports: c.notReports ?? 0, failures: c.failures ?? 0, blocked_hosts: c.blockedHosts ?? [],
  };
}

/** The upsert adding counts to a portal's row for a run, as a statement other statements can hold in a WITH. */
export function countsUpsert(runId: string, portalId: string, v: ReturnType<typeof countValues>) {
  return sql`insert into crawl_portal_stats as s (run_id, portal_id, pages, documents, reports_new, reports_changed, reports_unchanged, not_reports, failures, blocked_hosts)
    values (${runId}, ${portalId}, ${v.pages}, ${v.documents}, ${v.reports_new}, ${v.reports_changed}, ${v.reports_unchanged}, ${v.not_reports}, ${v.failures}, ${v.blocked_hosts}::text[])
    on conflict (run_id, portal_id) do update set
      pages = s.pages + excluded.pages, documents = s.documents + excluded.documents,
      reports_new = s.reports_new + excluded.reports_new, reports_changed = s.reports_changed + excluded.reports_changed,
      reports_unchanged = s.reports_unchanged + excluded.reports_unchanged, not_reports = s.not_reports + excluded.not_reports,
      failures = s.failures + excluded.failures,
      blocked_hosts = (select coalesce(array_agg(distinct h), '{}') from unnest(s.blocked_hosts || excluded.blocked_hosts) h)`;
}

export interface PortalRunStats {
  portalId: string;
  name: string;
  pages: number;
  documents: number;
  reportsNew: number;
  reportsChanged: number;
  reportsUnchanged: number;
  notReports: number;
  failures: number;
  blockedHosts: string[];
}

/** Each portal's counts in a run, with the portal's name. */
export async function runPortalStats(db: Kysely<Database>, runId: string): Promise<PortalRunStats[]> {
  const rows = await db.selectFrom("crawl_portal_stats as s").innerJoin("portals as p", "p.id", "s.portal_id")
    .select(["s.portal_id", "p.name", "s.pages", "s.documents", "s.reports_new", "s.reports_changed", "s.reports_unchanged", "s.not_reports", "s.failures", "s.blocked_hosts"])
    .where("s.run_id", "=", runId).orderBy("s.portal_id").execute();
  return rows.map((r) => ({
    portalId: r.portal_id, name: r.name, pages: r.pages, documents: r.documents, reportsNew: r.reports_new, reportsChanged: r.reports_changed,
    reportsUnchanged: r.reports_unchanged, notReports: r.not_reports, failures: r.failures, blockedHosts: r.blocked_hosts,
  }));
}

/** The failures of a run (URL, kind, outcome, why), for the summary. */
export async function runFailures(db: Kysely<Database>, runId: string, limit = 20): Promise<{ url: string; kind: string; outcome: string; detail: string | null }[]> {
  return db.selectFrom("crawl_fetches").select(["url", "kind", "outcome", "detail"])
    .where("run_id", "=", runId).where("outcome", "in", ["failed", "blocked"]).orderBy("id").limit(limit).execute();
}
