import type { RequestLog } from "./request-log.ts";

// What startFixturePortals() hands a test: each site's URLs and the exact reports (and
// non-reports) a crawl of it must (and must not) archive.

export type ReportFormat = "html" | "pdf" | "docx" | "doc";

/** One report a crawl from the site's start URL must archive, with the values it must read. */
export interface ExpectedReport {
  /** Stable id, "site/name" (what mutate.* takes). */
  id: string;
  site: string;
  /** The document the report is read from: the detail page (inline report) or the attachment's URL. */
  url: string;
  /** Other URLs serving the same report (mobile twin, https twin, the inline page of a PDF): one report, not several. */
  alsoAt: string[];
  /** The page that links the document (list page for inline reports, detail page for attachments). */
  via: string;
  format: ReportFormat;
  agency: string;
  year: number;
  template: "2021" | "2019";
  title: string;
  /** Every table value the document shows, by contract key. */
  values: Record<string, number>;
  /** Where the document comes from: a file under test/fixtures, or "synthetic seed N". */
  source: string;
  /** What makes this one hard for a crawler (script-written link, redirect chain, …). */
  notes: string[];
}

/** A page a crawler meets that must never be archived as a report (a trap, or a cover page). */
export interface ExpectedNonReport { url: string; what: string }

/** A URL a polite crawler must never request (robots.txt), with the report it hides. */
export interface ForbiddenUrl { url: string; why: string }

export interface PortalSiteInfo {
  name: string;
  /** The CMS family the site imitates (trs, hanweb, gkmlpt, …). */
  family: string;
  /** Where a crawl starts: the site's homepage (gkmlpt: given as https although the port speaks plain http). */
  url: string;
  /** 127.0.0.1:port of the homepage. */
  host: string;
  /** Every host the site spans (its 信息公开 platform may be another). */
  hosts: string[];
  /** The reports a crawl must archive, exactly (live: mutate.* updates it). */
  expected: ExpectedReport[];
  nonReports: ExpectedNonReport[];
  forbidden: ForbiddenUrl[];
  /** Behaviours a test may want to know about, in a sentence each. */
  notes: string[];
}

export type SiteName = "trs" | "hanweb" | "gkmlpt" | "gbk" | "challenge" | "xxgk" | "scriptlist";

export interface ChallengeOptions {
  /** A solved cookie stops working after this many milliseconds (default 10 minutes). */
  ttlMs?: number;
  /** … or after this many requests carrying it (default unlimited). */
  maxUses?: number;
  /** Keep the host blocked: every request answers the challenge, solved or not. */
  blocked?: boolean;
}

export interface FixturePortalOptions {
  /** Start only these sites (all by default). */
  sites?: SiteName[];
  /** Delay before every answer, in milliseconds (default 0): makes per-host concurrency observable. */
  latencyMs?: number;
  challenge?: ChallengeOptions;
}

export interface RepublishChange { key: string; value: number }

export interface Mutations {
  /** Republishes a report with one table-二 number changed (default: active.penalty.decisions + 1): new bytes, new ETag and Last-Modified. Returns the new expected report. */
  republish(id: string, change?: RepublishChange): Promise<ExpectedReport>;
  /** Removes a report: its list rows disappear and its URLs answer 404 (or 410). */
  remove(id: string, status?: 404 | 410): void;
  /** Publishes a new synthetic inline report at the top of the site's report list. Returns its expected report. */
  addReport(site: SiteName, report?: { agency?: string; year?: number; seed?: number }): Promise<ExpectedReport>;
  /** Blocks the challenge site forever (or lifts the block). */
  blockChallenge(blocked: boolean): void;
}

export interface FixturePortals {
  /** The started sites by name; naming a site that was not started throws (its enumeration lists the started ones). */
  sites: Record<SiteName, PortalSiteInfo>;
  log: RequestLog;
  mutate: Mutations;
  close(): Promise<void>;
}
