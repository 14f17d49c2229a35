import type { Page, Route } from "playwright-core";
import type { BrowserCookie } from "./browser-lane.ts";
import type { Activity, Snapshot, Stopped } from "./browser-pager.ts";

// A page the browser lane renders for a list: what it asks of its caller (every request the page
// makes, answered — or refused — by the caller: the crawler's edge) and what it hands back (the
// DOM of each page of the list shown).

/** A request the page being rendered makes. */
export interface PageRequest {
  url: string;
  method: string;
  /** As the browser would send them (its cookies included). */
  headers: Record<string, string>;
  postData?: Buffer;
  /** Playwright's resource type: document, script, xhr, fetch, stylesheet, image … */
  resourceType: string;
  /** The page's own document (the main frame's first navigation). */
  mainDocument: boolean;
}

/** The answer to hand the page: status, headers (a body already decoded) and body. */
export interface PageAnswer {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array;
}

export interface RenderOptions {
  cookies: BrowserCookie[];
  /** Answers each request of the page; undefined refuses it (images, trackers, robots.txt …). */
  answer: (request: PageRequest) => Promise<PageAnswer | undefined>;
  /** Pages of the list to show at most: the page as loaded, then one per click on its next-page control. */
  maxPages: number;
}

export interface Rendered {
  /** The DOM of each page of the list shown: as loaded, then after each turn. */
  snapshots: Snapshot[];
  /** Why no further page was shown. */
  stopped: Stopped;
}

/** One request of a page being rendered, answered by the caller (or refused). */
export async function answerRoute(page: Page, route: Route, options: RenderOptions, activity: Activity): Promise<void> {
  const r = route.request();
  activity.pending++;
  activity.last = Date.now();
  try {
    let mainDocument = false;
    try {
      mainDocument = r.isNavigationRequest() && r.frame() === page.mainFrame() && r.redirectedFrom() === null && page.url() === "about:blank";
    } catch { /* a worker's request has no frame */ }
    const answer = await options.answer({ url: r.url(), method: r.method(), headers: await r.allHeaders(), postData: r.postDataBuffer() ?? undefined, resourceType: r.resourceType(), mainDocument });
    if (answer) await route.fulfill({ status: answer.status, headers: answer.headers, body: Buffer.from(answer.body) });
    else await route.abort("blockedbyclient");
  } catch {
    await route.abort("failed").catch(() => undefined);
  } finally {
    activity.pending--;
    activity.last = Date.now();
  }
}
