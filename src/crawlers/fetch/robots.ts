import robotsModule from "robots-parser";

// robots.txt, once per origin and crawl: the group for our product token (`nianbao`), else `*`.
// A missing robots.txt (4xx) allows everything; one that cannot be fetched (5xx, network) is
// treated as allowing too, and said so in the log — most portals have none, and a transient
// error must not hide a portal's reports.

export interface RobotsRules {
  allowed(url: string): boolean;
  /** Crawl-delay in ms, when the file sets one for us. */
  delayMs: number | undefined;
  /** Where the rules came from, for logs: "robots.txt", "none (404)", "unreachable (…)". */
  source: string;
}

export const ROBOTS_TOKEN = "nianbao";

// robots-parser is CommonJS with ESM-style types: its function is the module itself at run time.
type Parse = typeof robotsModule.default;
const robotsParser: Parse = ((robotsModule as unknown as { default?: Parse }).default ?? robotsModule) as Parse;

export function parseRobots(robotsUrl: string, text: string): RobotsRules {
  const robots = robotsParser(robotsUrl, text);
  const delay = robots.getCrawlDelay(ROBOTS_TOKEN);
  return {
    allowed: (url) => robots.isAllowed(url, ROBOTS_TOKEN) !== false,
    delayMs: delay !== undefined && Number.isFinite(delay) ? Math.min(delay, 60) * 1000 : undefined,
    source: "robots.txt",
  };
}

export const ALLOW_ALL = (source: string): RobotsRules => ({ allowed: () => true, delayMs: undefined, source });
