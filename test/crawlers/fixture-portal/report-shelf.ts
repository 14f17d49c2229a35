import { withActiveValue } from "./set-value.ts";
import { expectedOf, rerendered, type ReportAsset } from "./report-assets.ts";
import type { FixtureSite } from "./site-server.ts";
import type { ExpectedReport, RepublishChange } from "./types.ts";

// The reports one site publishes, by id, as its pages render them now: republishing replaces a
// report's model (its pages then render new bytes, so new validators), removing one takes it off
// the lists and answers its URLs 404/410. The site's expected list follows in place.

export interface Shelved {
  id: string;
  asset: ReportAsset;
  expected: ExpectedReport;
  /** Where the report (and its cover page) is served: removed together. */
  paths: { site: FixtureSite; path: string }[];
  removed: boolean;
}

export interface Placement { url: string; via: string; alsoAt?: string[]; notes?: string[]; paths: { site: FixtureSite; path: string }[] }

export class ReportShelf {
  private readonly byId = new Map<string, Shelved>();
  readonly site: string;
  /** The site's live expected list (PortalSiteInfo.expected). */
  readonly expected: ExpectedReport[];

  constructor(site: string, expected: ExpectedReport[]) {
    this.site = site;
    this.expected = expected;
  }

  /** Shelves a report under `site/name`; `expect: false` for one a crawl must not reach (robots). */
  put(name: string, asset: ReportAsset, at: Placement, expect = true): Shelved {
    const id = `${this.site}/${name}`;
    const expected = expectedOf(asset, { id, site: this.site, ...at });
    const entry: Shelved = { id, asset, expected, paths: at.paths, removed: false };
    this.byId.set(id, entry);
    if (expect) this.expected.push(expected);
    return entry;
  }

  get(name: string): Shelved {
    const entry = this.byId.get(name.includes("/") ? name : `${this.site}/${name}`);
    if (!entry) throw new Error(`no report ${name} on the ${this.site} fixture site (ids: ${[...this.byId.keys()].join(", ")})`);
    return entry;
  }

  has(id: string): boolean { return this.byId.has(id); }
  /** Whether a report is still published (list pages skip removed ones). */
  live(name: string): boolean { return !this.get(name).removed; }

  async republish(id: string, change?: RepublishChange): Promise<ExpectedReport> {
    const entry = this.get(id);
    if (entry.removed) throw new Error(`${id} was removed; it cannot be republished`);
    if (!entry.asset.synthetic) throw new Error(`${id} is a copy of ${entry.asset.source}; republish a synthetic report (see README)`);
    if (entry.expected.alsoAt.some((u) => u.endsWith(".pdf"))) throw new Error(`${id} has a PDF twin that cannot be re-rendered; republish another report`);
    const key = change?.key ?? "active.penalty.decisions";
    const value = change?.value ?? (entry.asset.values[key] ?? 0) + 1;
    entry.asset = await rerendered(entry.asset, withActiveValue(entry.asset.synthetic, key, value));
    const next: ExpectedReport = { ...entry.expected, values: { ...entry.asset.values } };
    this.replaceExpected(entry.expected, next);
    entry.expected = next;
    return next;
  }

  remove(id: string, status: 404 | 410 = 404): void {
    const entry = this.get(id);
    entry.removed = true;
    for (const { site, path } of entry.paths) site.remove(path, status);
    const at = this.expected.indexOf(entry.expected);
    if (at >= 0) this.expected.splice(at, 1);
  }

  private replaceExpected(old: ExpectedReport, next: ExpectedReport): void {
    const at = this.expected.indexOf(old);
    if (at >= 0) this.expected[at] = next;
  }
}
