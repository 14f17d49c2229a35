import { discoverPage } from "../discovery/discover-page.ts";
import type { Link } from "../discovery/types.ts";
import { cookiesForBrowser } from "../fetch/host-state.ts";
import type { HeaderList } from "../warc/types.ts";
import type { CrawlData, RunContext } from "./run-context.ts";

// A list that exists only after its scripts run: rendered in the browser lane. Every response the
// page fetched (its list API's answers above all) is archived in the WARC files and read by
// discovery as a list-API answer; the rendered DOM is read as the list page itself.

export async function renderList(rc: RunContext, data: CrawlData, url: string, why: string): Promise<Link[]> {
  const lane = rc.lane;
  if (!lane) return [];
  const host = new URL(url).host;
  rc.event({ type: "host", host, message: `${why}; rendering ${url} in Chromium` });
  let rendered;
  try {
    rendered = await lane.render(url, await cookiesForBrowser(rc.fetcher.host(host).jar, url));
  } catch (err) {
    rc.event({ type: "host", host, message: `rendering ${url} failed: ${(err as Error).message.split("\n")[0]}` });
    return [];
  }
  const links: Link[] = [];
  for (const r of rendered.responses) {
    // Stored decoded (the browser hands bodies back without their Content-Encoding).
    const responseHeaders: HeaderList = Object.entries(r.headers).filter(([n]) => !/^(content-encoding|content-length|transfer-encoding)$/i.test(n));
    responseHeaders.push(["Content-Length", String(r.body.length)]);
    await rc.fetcher.archive({
      url: r.url, method: r.method, requestHeaders: Object.entries(r.requestHeaders), requestBody: r.postData === undefined ? undefined : Buffer.from(r.postData),
      httpVersion: "HTTP/1.1", status: r.status, statusText: r.statusText, responseHeaders, body: r.body, date: r.date,
    });
    if (r.resourceType === "xhr" || r.resourceType === "fetch") {
      const found = discoverPage({ url: r.url, bytes: r.body, contentType: r.headers["content-type"], status: r.status, kind: "list-api", request: { url: r.url, method: r.method === "POST" ? "POST" : "GET", body: r.postData } });
      links.push(...found.links);
    }
  }
  const dom = discoverPage({ url: rendered.finalUrl, bytes: Buffer.from(rendered.html, "utf8"), contentType: "text/html; charset=utf-8", status: 200, kind: data.kind, linkText: data.linkText });
  links.push(...dom.links.filter((l) => l.kind !== "list" || !dom.needsBrowser));
  return links;
}
