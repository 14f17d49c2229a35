import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { extractDocument } from "../../../src/extract/index.ts";
import { startFixturePortals, type FixturePortals, type PortalSiteInfo } from "./index.ts";
import { httpsGet, solveChallenge } from "./test-helpers.ts";

// What the sites promise the crawler's end-to-end tests: every expected report, at its URL and
// at each twin, is a document the extractor reads to exactly the expected agency, year, template
// and values; every non-report is read as something else; no two reports claim one (agency, year).

let portals: FixturePortals;
let challengeCookie = "";

beforeAll(async () => {
  portals = await startFixturePortals();
  const host = portals.sites.challenge.host;
  const solve = async (path: string) => {
    const res = await fetch(`http://${host}${path}`);
    return solveChallenge(await res.text(), res.headers.get("set-cookie"));
  };
  challengeCookie = `${await solve("/")}; ${await solve("/zwgk/xxgknb/bm/")}`;
});
afterAll(() => portals.close());

/** The bytes at a URL, retrying the answers the sites fail once (500, 503). */
async function bytesAt(url: string): Promise<{ bytes: Uint8Array; contentType?: string }> {
  if (url.startsWith("https:")) {
    const res = await httpsGet(url);
    expect(res.status).toBe(200);
    return { bytes: res.body, contentType: String(res.headers["content-type"]) };
  }
  for (let attempt = 0; ; attempt++) {
    const res = await fetch(url, { headers: { cookie: challengeCookie } });
    if (res.status >= 500 && attempt < 2) continue;
    expect(res.status, url).toBe(200);
    return { bytes: new Uint8Array(await res.arrayBuffer()), contentType: res.headers.get("content-type") ?? undefined };
  }
}

const sites = (): PortalSiteInfo[] => Object.values(portals.sites);

describe("expected reports", () => {
  it("are all there, one per (agency, year) across all sites", () => {
    const all = sites().flatMap((s) => s.expected);
    expect(all.length).toBe(27);
    expect(new Set(all.map((e) => e.id)).size).toBe(all.length);
    expect(new Set(all.map((e) => `${e.agency}/${e.year}`)).size).toBe(all.length);
    expect(new Set(all.map((e) => e.format))).toEqual(new Set(["html", "pdf", "docx", "doc"]));
  });

  it("extract to exactly their expected values, at every URL they are served at", async () => {
    for (const report of sites().flatMap((s) => s.expected)) {
      for (const url of [report.url, ...report.alsoAt]) {
        const { bytes, contentType } = await bytesAt(url);
        const { record } = await extractDocument(bytes, { contentType, name: url });
        expect({ kind: record.kind, agency: record.agency, year: record.year, template: record.template }, url).toEqual({ kind: "annual_report", agency: report.agency, year: report.year, template: report.template });
        expect(record.values, url).toEqual(report.values);
      }
    }
  });

  it("leave the non-reports to be read as something else", async () => {
    for (const trap of sites().flatMap((s) => s.nonReports)) {
      const { bytes, contentType } = await bytesAt(trap.url);
      const { record } = await extractDocument(bytes, { contentType, name: trap.url });
      expect(record.kind, `${trap.url}: ${trap.what}`).not.toBe("annual_report");
    }
  });
});
