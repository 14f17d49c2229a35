import { describe, expect, it } from "vitest";
import type { AgencyYears } from "../../src/store/agency-years.ts";
import { RANK_LIMIT, type SearchPage } from "../../src/store/search-reports.ts";
import { agencyPage } from "../../src/web/views/agency-view.ts";
import { searchPage } from "../../src/web/views/search-view.ts";

// Views rendered from data made here: the agency's values table (changes marked, a run of years
// without a key one hatched cell), and the search page's note when ranking was bounded.

const year = (y: number, values: Record<string, number>) => ({ year: y, reportId: String(y), versionId: String(y), template: "2021", title: null, failedChecks: [], removedAt: null, values });
const agency = { id: "7", name: "青山镇人民政府", region: null, regionCode: null, level: null, portalUrl: null };

describe("agency page: the values table", () => {
  it("plain and changed cells; absent years merged into one hatched cell", () => {
    const a: AgencyYears = {
      agency,
      years: [year(2019, { "requests.new.total": 5 }), year(2020, { "requests.new.total": 5 }), year(2021, { "requests.new.total": 8, "active.rules.issued": 0 }), year(2022, { "requests.new.total": 8 }), year(2023, { "active.rules.issued": 2 })],
      keys: ["active.rules.issued", "requests.new.total"],
    };
    const body = agencyPage(a).value;
    const rows = body.slice(body.indexOf('<table class="years">')).match(/<tr><th scope="row">.*?<\/tr>/g)!;
    expect(rows).toHaveLength(2);
    const cells = (row: string) => row.replace(/^<tr><th scope="row">.*?<\/th>/, "").replace(/<\/tr>$/, "");
    const absent = (span: number) => `<td${span > 1 ? ` colspan="${span}"` : ""} class="absent" title="原文未列出此项"><span aria-label="原文未列出">—</span></td>`;
    expect(cells(rows[0])).toBe(`${absent(2)}<td>0</td>${absent(1)}<td>2</td>`); // 2022 does not show it: nothing to compare
    expect(cells(rows[1])).toBe(`<td>5</td><td>5</td><td class="changed" title="较上年 +3">8</td><td>8</td>${absent(1)}`);
  });
});

describe("search page", () => {
  const page = (limited: boolean): SearchPage => ({
    mode: "phrase", next: null, limited, matched: ["1"],
    hits: [{ reportId: "1", versionId: "1", agencyId: "7", agency: agency.name, region: null, year: 2023, title: null, rank: 0.1, snippet: null }],
  });
  it("says when only the newest candidates were ranked", () => {
    const q = new URLSearchParams({ q: "主动公开" });
    expect(searchPage({ q, query: "主动公开", result: page(true), facets: null, next: null }).value).toContain(`超过 ${RANK_LIMIT} 份报告含有这些字词`);
    expect(searchPage({ q, query: "主动公开", result: page(false), facets: null, next: null }).value).not.toContain("超过");
  });
});
