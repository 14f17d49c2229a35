import { discoverPage } from "../discovery/discover-page.ts";
import type { Link } from "../discovery/types.ts";
import { cookiesForBrowser } from "../fetch/host-state.ts";
import { RenderEdge, type PageFetched } from "./render-edge.ts";
import type { CrawlData, RunContext } from "./run-context.ts";

// A list that exists only after its scripts run: rendered in the browser lane from the bytes the
// crawler fetched (on a recrawl, a 304's bytes read back from the WARC files), its pages turned
// as a reader would. Every request the page makes goes through the crawler's edge (render-edge.ts):
// archived in the WARC files, asked conditionally on a recrawl, read by discovery as the list's
// data when it may be (its list API's answers above all). The DOM of each page of the list shown
// is read as a list page too. A recrawl renders again, because a list's data can change behind an
// unchanged page; its requests are conditional, so an unchanged list costs 304s, not downloads.

export async function renderList(rc: RunContext, data: CrawlData, page: PageFetched, why: string): Promise<Link[]> {
  const lane = rc.lane;
  const host = new URL(page.url).host;
  if (!lane) {
    rc.event({ type: "host", host, message: `${why}; not rendered: no browser (crawl without --no-browser, with Chromium installed, to read the rest of ${page.url})` });
    return [];
  }
  rc.event({ type: "host", host, message: `${why}; rendering ${page.url} in Chromium` });
  const edge = new RenderEdge(rc, data, page);
  let snapshots, stopped;
  try {
    ({ snapshots, stopped } = await lane.render(page.url, {
      cookies: await cookiesForBrowser(rc.fetcher.host(host).jar, page.url),
      answer: (request) => edge.answer(request),
      maxPages: rc.limits.maxListPages,
    }));
  } catch (err) {
    rc.event({ type: "host", host, message: `rendering ${page.url} failed: ${(err as Error).message.split("\n")[0]}` });
    return edge.links;
  }
  const links = [...edge.links];
  for (const snapshot of snapshots) {
    const dom = discoverPage({ url: snapshot.url, bytes: Buffer.from(snapshot.html, "utf8"), contentType: "text/html; charset=utf-8", status: 200, kind: data.kind, linkText: data.linkText });
    links.push(...dom.links);
  }
  const items = new Set(links.filter((l) => l.kind === "detail" || l.kind === "attachment").map((l) => l.url));
  const limit = stopped === "max-pages" ? `; stopped at the list-page limit (${rc.limits.maxListPages})` : stopped === "time" ? "; stopped: out of time for turning pages" : "";
  rc.event({ type: "host", host, message: `rendered ${page.url}: ${snapshots.length} pages of its list shown, ${edge.listAnswers} list answers read, ${items.size} items${limit}` });
  return links;
}
