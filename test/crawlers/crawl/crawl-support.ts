import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Kysely } from "kysely";
import { crawlPortals, type CrawlOptions, type CrawlSummary } from "../../../src/crawlers/crawl/crawl-portals.ts";
import type { CrawlEvent } from "../../../src/crawlers/crawl/crawl-events.ts";
import { readWarcRecords, type FileRecord } from "../../../src/crawlers/warc/warc-reader.ts";
import { validateWarcFile } from "../../../src/crawlers/warc/warc-validate.ts";
import type { Database } from "../../../src/store/database.ts";
import { addPortal, type Portal } from "../../../src/store/portals.ts";
import type { PortalSiteInfo } from "../fixture-portal/index.ts";

// Crawls of the fixture portals for the crawler's end-to-end tests: portals registered from the
// sites, a crawl with test-sized politeness, and what the archive then holds.

export const REGIONS: Record<string, string> = {
  trs: "示例省/示例市/西山县", hanweb: "示例省/示例市/桃源县", gkmlpt: "示例省/示例市/白云区", gbk: "示例省/示例市/青山镇",
  challenge: "示例省/示例市/石门县", xxgk: "示例省/示例市/金溪县", scriptlist: "示例省/示例市/云溪县",
};

export async function registerSites(db: Kysely<Database>, sites: PortalSiteInfo[]): Promise<Portal[]> {
  const portals: Portal[] = [];
  for (const site of sites) {
    portals.push((await addPortal(db, { name: site.name, startUrl: site.url, region: REGIONS[site.name], hosts: site.hosts.slice(1) })).portal);
  }
  return portals;
}

export async function tempStorage(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), "nianbao-crawl-"));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** A crawl of the portals with its events, and how long it took to finish after its last event (`tailMs`). */
export async function crawl(db: Kysely<Database>, storage: string, portals: Portal[], extra: Partial<CrawlOptions> = {}): Promise<CrawlSummary & { events: CrawlEvent[]; tailMs: number }> {
  const events: CrawlEvent[] = [];
  let lastEvent = Date.now();
  const summary = await crawlPortals(db, {
    storage, portals, userAgent: "nianbao/test (+https://example.org/contact)",
    politeness: { perHost: 1, delayMs: 5, maxWaitMs: 3000 },
    limits: { maxPages: 500, maxNavDepth: 4, maxListPages: 50 },
    concurrency: 6, browser: true, robots: true, timeoutMs: 15_000,
    onEvent: (e) => { events.push(e); lastEvent = Date.now(); },
    ...extra,
  });
  return { ...summary, events, tailMs: Date.now() - lastEvent };
}

/** The archive's current reports: agency, year, template, values, source URL, removal. */
export async function archived(db: Kysely<Database>) {
  const rows = await db.selectFrom("latest_versions").select(["report_id", "agency", "year", "template", "record", "source_url", "removed_at"]).execute();
  return rows.map((r) => ({ ...r, values: (r.record as { values: Record<string, number> }).values }));
}

export async function versionCount(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom("report_versions").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every record of every WARC file in the storage folder. */
export async function warcRecords(storage: string): Promise<FileRecord[]> {
  const dir = join(storage, "warc");
  const records: FileRecord[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(".warc.gz")).sort()) {
    for await (const record of readWarcRecords(join(dir, name))) records.push(record);
  }
  return records;
}

/** Validation errors of every WARC file in the storage folder (none expected). */
export async function warcProblems(storage: string): Promise<string[]> {
  const dir = join(storage, "warc");
  const problems: string[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(".warc.gz"))) {
    const { errors } = await validateWarcFile(join(dir, name));
    problems.push(...errors.map((e) => `${name}: ${typeof e === "string" ? e : JSON.stringify(e)}`));
  }
  return problems;
}
