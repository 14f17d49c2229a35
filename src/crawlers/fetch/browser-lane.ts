import { existsSync } from "node:fs";
import type { PlaywrightCrawler, PlaywrightCrawlingContext } from "@crawlee/playwright";
import type { Cookie, Response, Route } from "playwright-core";
import { settle, turnPages, type Activity } from "./browser-pager.ts";
import { answerRoute, type Rendered, type RenderOptions } from "./render-page.ts";

export type { PageAnswer, PageRequest, Rendered, RenderOptions } from "./render-page.ts";

// The browser lane: a Crawlee PlaywrightCrawler on Debian's Chromium, started only when some page
// needs a browser, kept alive for the rest of the crawl, one page at a time. Two jobs:
// - solve a host's script challenge (412 / 521 / script 403): open the page, let its script set
//   the cookie and reload, and hand the cookies back to the plain HTTP client for that host;
// - render a list that exists only after its scripts run: every request the page makes is
//   answered by the caller (the crawler's edge: politeness, robots.txt, conditional requests,
//   WARC records), the list's pages are turned (browser-pager.ts), and the DOM of each is returned.
// The browser presents the crawler's own User-Agent, so the cookies it earns match later requests.

export const CHROMIUM = process.env.NIANBAO_CHROMIUM || "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"];

export interface BrowserCookie {
  name: string;
  value: string;
  domain: string;
  path: string;
  expires: number;
  httpOnly: boolean;
  secure: boolean;
}

type Job =
  | { kind: "challenge"; resolve: (c: BrowserCookie[]) => void; reject: (e: Error) => void }
  | { kind: "render"; options: RenderOptions; activity: Activity; resolve: (r: Rendered) => void; reject: (e: Error) => void };

export class BrowserLane {
  private starting: Promise<PlaywrightCrawler> | undefined;
  private running: Promise<unknown> | undefined;
  private readonly jobs = new Map<string, Job>();
  private serial = 0;
  private readonly userAgent: string;
  private readonly timeoutMs: number;
  private readonly renderBudgetMs: number;

  /** `timeoutMs`: a page's load, a challenge; `renderBudgetMs`: turning one list's pages (each request waits its host's politeness). */
  constructor(options: { userAgent: string; timeoutMs?: number; renderBudgetMs?: number }) {
    this.userAgent = options.userAgent;
    this.timeoutMs = options.timeoutMs ?? 45_000;
    this.renderBudgetMs = options.renderBudgetMs ?? 180_000;
  }

  /** True when Chromium is installed where the lane looks for it. */
  static available(): boolean {
    return existsSync(CHROMIUM);
  }

  /** Opens `url` in Chromium with `cookies`, waits for its challenge script to pass, returns the cookies then set. */
  solveChallenge(url: string, cookies: BrowserCookie[]): Promise<BrowserCookie[]> {
    return new Promise((resolve, reject) => this.submit(url, cookies, { kind: "challenge", resolve, reject }));
  }

  /** Renders `url` (scripts run, every request answered by `options.answer`), turns its list's pages, returns their DOMs. */
  render(url: string, options: RenderOptions): Promise<Rendered> {
    return new Promise((resolve, reject) => this.submit(url, options.cookies, { kind: "render", options, activity: { pending: 0, last: Date.now() }, resolve, reject }));
  }

  async close(): Promise<void> {
    if (!this.starting) return;
    const crawler = await this.starting.catch(() => undefined);
    this.starting = undefined;
    if (!crawler) return;
    await crawler.teardown().catch(() => undefined);
    await this.running?.catch(() => undefined);
    for (const job of this.jobs.values()) job.reject(new Error("the browser lane closed"));
    this.jobs.clear();
  }

  private submit(url: string, cookies: BrowserCookie[], job: Job): void {
    if (!BrowserLane.available()) {
      job.reject(new Error(`a browser is needed but Chromium was not found at ${CHROMIUM}; install it (apt-get install chromium) or set NIANBAO_CHROMIUM`));
      return;
    }
    const key = `job-${++this.serial}`;
    this.jobs.set(key, job);
    this.start().then((crawler) => crawler.addRequests([{ url, uniqueKey: key, userData: { key, kind: job.kind, cookies } }])).catch((err: Error) => {
      this.jobs.delete(key);
      job.reject(err);
    });
  }

  /** The browser crawler, its modules loaded on first use (a crawl that needs no browser never loads them). */
  private start(): Promise<PlaywrightCrawler> {
    this.starting ??= this.launch();
    return this.starting;
  }

  private async launch(): Promise<PlaywrightCrawler> {
    const [{ Configuration, Log, LogLevel, PlaywrightCrawler }, { MemoryStorage }, { chromium }] = await Promise.all([
      import("@crawlee/playwright"), import("@crawlee/memory-storage"), import("playwright-core"),
    ]);
    const config = new Configuration({ persistStorage: false, storageClient: new MemoryStorage({ persistStorage: false, writeMetadata: false }) });
    const crawler = new PlaywrightCrawler({
      launchContext: { launcher: chromium, launchOptions: { executablePath: CHROMIUM, args: ARGS, headless: true }, userAgent: this.userAgent },
      browserPoolOptions: { useFingerprints: false },
      log: new Log({ level: LogLevel.OFF }), // failures reach the caller through the job's promise
      useSessionPool: false,
      keepAlive: true,
      maxConcurrency: 1,
      maxRequestRetries: 1,
      navigationTimeoutSecs: this.timeoutMs / 1000,
      requestHandlerTimeoutSecs: (this.timeoutMs * 2 + this.renderBudgetMs) / 1000,
      preNavigationHooks: [async ({ page, request }) => {
        const cookies = request.userData.cookies as BrowserCookie[];
        if (cookies.length) await page.context().addCookies(cookies.map((c) => ({ ...c, sameSite: "Lax" as const })));
        const job = this.jobs.get(request.userData.key as string);
        if (job?.kind === "render") {
          await page.route("**/*", (route: Route) => answerRoute(page, route, job.options, job.activity));
          return;
        }
        const responses: Response[] = [];
        page.on("response", (r: Response) => responses.push(r));
        (request.userData as { responses?: Response[] }).responses = responses;
      }],
      requestHandler: (ctx) => this.handle(ctx),
      failedRequestHandler: ({ request }, error) => {
        const job = this.jobs.get(request.userData.key as string);
        this.jobs.delete(request.userData.key as string);
        job?.reject(error);
      },
    }, config);
    this.running = crawler.run();
    return crawler;
  }

  private async handle({ page, request }: PlaywrightCrawlingContext): Promise<void> {
    const key = request.userData.key as string;
    const job = this.jobs.get(key);
    if (!job) return;
    if (job.kind === "challenge") {
      const responses = (request.userData as { responses?: Response[] }).responses ?? [];
      const host = new URL(request.url).host;
      const deadline = Date.now() + this.timeoutMs;
      // Passed when the last document this host served is no longer a refusal.
      for (;;) {
        const docs = responses.filter((r) => r.request().resourceType() === "document" && new URL(r.url()).host === host);
        const last = docs[docs.length - 1];
        if (last && last.status() < 400 && docs.length > 1) break;
        if (last && last.status() < 400 && !(await page.content()).match(/document\.cookie/)) break;
        if (Date.now() > deadline) throw new Error(`the challenge on ${host} did not pass within ${this.timeoutMs / 1000} s in Chromium`);
        await page.waitForTimeout(250);
      }
      const cookies = await page.context().cookies();
      this.jobs.delete(key);
      job.resolve(cookies.map(toBrowserCookie));
      return;
    }
    const deadline = Date.now() + this.renderBudgetMs;
    await settle(page, job.activity, 10_000);
    const turned = await turnPages(page, job.activity, job.options.maxPages, deadline);
    this.jobs.delete(key);
    job.resolve(turned);
  }
}

function toBrowserCookie(c: Cookie): BrowserCookie {
  return { name: c.name, value: c.value, domain: c.domain, path: c.path, expires: c.expires, httpOnly: c.httpOnly, secure: c.secure };
}
