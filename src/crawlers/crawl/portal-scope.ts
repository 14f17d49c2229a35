import type { PageKind } from "../discovery/types.ts";

// Which hosts a portal's crawl may go to. Its own hosts (the start URL's, the ones registered
// with it), the same site on another port or scheme, and hosts under the same registered domain
// (www.x.gov.cn → xxgk.x.gov.cn, where the 信息公开目录 often lives). A 信息公开 platform on an
// unrelated domain (a city platform hosting every county's catalogue) is followed when a
// navigation or column link leads there: it joins the portal's hosts for the rest of the run.
// Documents (attachments) may come from any http(s) host a page in scope links to: they are
// leaves, nothing is crawled from them.

/** The registered domain of a host name: the last three labels under .gov.cn / .edu.cn / .com.cn …, else the last two. */
export function siteOf(hostname: string): string {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(hostname) || hostname === "localhost") return hostname;
  const labels = hostname.toLowerCase().split(".");
  const secondLevel = labels.length >= 3 && /^(gov|com|edu|org|net|ac)$/.test(labels[labels.length - 2]) && labels[labels.length - 1].length === 2;
  return labels.slice(secondLevel ? -3 : -2).join(".");
}

export class PortalScope {
  private readonly hosts = new Set<string>();
  private readonly sites = new Set<string>();

  constructor(startUrl: string, extraHosts: string[]) {
    for (const h of [new URL(startUrl).host, ...extraHosts]) this.add(h);
  }

  add(host: string): void {
    const name = host.replace(/:\d+$/, "").toLowerCase();
    this.hosts.add(name);
    this.sites.add(siteOf(name));
  }

  /** Whether a link of this kind, found on a page of the portal, may be fetched (or a redirect of a request of this kind followed). */
  allows(url: URL, kind: PageKind): boolean {
    if (url.protocol !== "http:" && url.protocol !== "https:") return false;
    const name = url.hostname.toLowerCase();
    if (this.hosts.has(name) || this.sites.has(siteOf(name))) return true;
    if (kind === "attachment") return true;
    // Another domain's 信息公开 platform, reached from the portal's own navigation.
    if ((kind === "nav" || kind === "column") && /\.gov\.cn$/.test(name)) {
      this.add(url.host);
      return true;
    }
    return false;
  }

  list(): string[] {
    return [...this.hosts];
  }
}
