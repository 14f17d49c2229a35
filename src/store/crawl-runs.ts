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
  const v = {
    pages: c.pages ?? 0, documents: c.documents ?? 0, reports_new: c.reportsNew ?? 0, reports_changed: c.reportsChanged ?? 0,
    reports_unchanged: c.reportsUnchanged ?? 0, not_reports: c.notReports ?? 0, failures: c.failures ?? 0, blocked_hosts: c.blockedHosts ?? [],
  };
  await db.insertInto("crawl_portal_stats").values({ run_id: runId, portal_id: portalId, ...v })
    .onConflict((oc) => oc.columns(["run_id", "portal_id"]).doUpdateSet({
      pages: sql`crawl_portal_stats.pages + ${v.pages}`,
      documents: sql`crawl_portal_stats.documents + ${v.documents}`,
      reports_new: sql`crawl_portal_stats.reports_new + ${v.reports_new}`,
      reports_changed: sql`crawl_portal_stats.reports_changed + ${v.reports_changed}`,
      reports_unchanged: sql`crawl_portal_stats.reports_unchanged + ${v.reports_unchanged}`,
      not_reports: sql`crawl_portal_stats.not_reports + ${v.not_reports}`,
      failures: sql`crawl_portal_stats.failures + ${v.failures}`,
      blocked_hosts: sql`(select coalesce(array_agg(distinct h), '{}') from unnest(crawl_portal_stats.blocked_hosts || ${v.blocked_hosts}::text[]) h)`,
    })).execute();
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
