import type { SyntheticReport } from "../../../support/synthetic-report.ts";
import type { ReportShelf } from "../report-shelf.ts";
import type { RequestLog } from "../request-log.ts";
import type { FixtureSite } from "../site-server.ts";
import type { ChallengeOptions, ExpectedReport, PortalSiteInfo } from "../types.ts";

// What each fixture site module builds: its running servers, what a crawl of it must find, and
// the hooks mutate.* uses.

export interface SiteContext {
  log: RequestLog;
  latencyMs?: number;
  challenge?: ChallengeOptions;
}

export interface SiteModule {
  info: PortalSiteInfo;
  servers: FixtureSite[];
  shelf: ReportShelf;
  /** Publishes a new inline report at the top of the site's report list. */
  addReport(report: SyntheticReport): Promise<ExpectedReport>;
  /** The body a new report is published for when mutate.addReport names none (a body of this site's place). */
  newAgency: string;
}
