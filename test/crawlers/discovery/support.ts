import { readFileSync } from "node:fs";
import { join } from "node:path";
import { discoverPage } from "../../../src/crawlers/discovery/discover-page.ts";
import type { Findings, Link, PageInput } from "../../../src/crawlers/discovery/types.ts";
import { portalPage } from "../../fixtures/portal-pages/all-pages.ts";

const dir = join(import.meta.dirname, "../../fixtures/portal-pages");

/** The saved page's bytes and serving metadata as the crawler would pass them. */
export function fixtureInput(file: string, overrides: Partial<PageInput> = {}): PageInput {
  const page = portalPage(file);
  return {
    url: page.url,
    bytes: new Uint8Array(readFileSync(join(dir, file))),
    contentType: page.contentType,
    status: page.status,
    kind: page.kind,
    linkText: page.linkText,
    request: page.request,
    ...overrides,
  };
}

export function discoverFixture(file: string, overrides: Partial<PageInput> = {}): Findings {
  return discoverPage(fixtureInput(file, overrides));
}

/** A link in one line: kind, method (APIs), URL, body, file name, year hint. */
export function show(l: Link): string {
  const method = l.kind === "list-api" || (l.method && l.method !== "GET") ? `${l.method ?? "GET"} ` : "";
  return `${l.kind} ${method}${l.url}${l.body ? ` body=${l.body}` : ""}${l.fileName ? ` file=${l.fileName}` : ""}${l.year !== undefined ? ` y${l.year}` : ""}`;
}

/** Every link of the findings in one line each, sorted (order is the priority's business). */
export function shown(f: Findings): string[] {
  return f.links.map(show).sort();
}

/** Findings for an inline HTML page (UTF-8). */
export function discoverHtml(url: string, kind: PageInput["kind"], html: string, extra: Partial<PageInput> = {}): Findings {
  return discoverPage({ url, kind, bytes: new TextEncoder().encode(html), contentType: "text/html; charset=utf-8", ...extra });
}
