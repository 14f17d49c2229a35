import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apiChecker, documentProblems } from "./support/openapi-check.ts";
import { AGENCY, webArchive, type WebArchive } from "./support/web-archive.ts";

// The JSON API against a real PostgreSQL: every answer (successes and errors) validated against
// the OpenAPI document the server serves; paging, ETags, 304, and errors with their statuses.

let w: WebArchive;
let api: ReturnType<typeof apiChecker>;
let doc: any;

beforeAll(async () => {
  w = await webArchive();
  doc = await (await w.get("/api/openapi.json")).json();
  api = apiChecker(doc);
});
afterAll(async () => { await w?.close(); });

describe("/api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document naming this server", async () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers[0].url).toBe(w.base);
    expect(await documentProblems(doc)).toEqual([]);
  });
});

describe("/api/reports", () => {
  it("pages through every report with opaque keyset cursors", async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const body = await api.check(await w.get(`/api/reports?limit=3${cursor ? `&cursor=${cursor}` : ""}`));
      expect(body.items.length).toBeLessThanOrEqual(3);
      ids.push(...body.items.map((r: any) => r.id));
      cursor = body.next_cursor;
      pages++;
    } while (cursor && pages < 20);
    const { count } = await w.fresh.db.selectFrom("reports").select((eb) => eb.fn.countAll<string>().as("count")).executeTakeFirstOrThrow();
    expect(ids).toHaveLength(Number(count));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("filters by year, region, agency (id, name or unique part), template and failed checks", async () => {
    const byName = await api.check(await w.get(`/api/reports?agency=${encodeURIComponent(AGENCY)}`));
    expect(byName.items.map((r: any) => r.year)).toEqual([2021, 2022, 2023]);
    expect(byName.items[0].html_url).toBe(`${w.base}/reports/${byName.items[0].id}`);
    const byId = await api.check(await w.get(`/api/reports?agency=${w.ids.agencyId}&year=2023`));
    expect(byId.items.map((r: any) => r.id)).toEqual([w.ids.report2023]);
    expect(byId.items[0].versions).toBe(2);
    const byPart = await api.check(await w.get(`/api/reports?agency=${encodeURIComponent("青山")}&year=2022`));
    expect(byPart.items.map((r: any) => r.id)).toEqual([w.ids.report2022]);
    const region = await api.check(await w.get(`/api/reports?region=${encodeURIComponent("吕梁")}`));
    // 大孝堡镇 (a corpus report) is placed in 孝义市, 吕梁市 by the divisions; the synthetic agencies by their region.
    expect(region.items.map((r: any) => r.agency.name).sort()).toEqual([AGENCY, AGENCY, AGENCY, "绿水乡人民政府", "大孝堡镇人民政府"].sort());
    const failing = await api.check(await w.get("/api/reports?failed_checks=any"));
    expect(failing.items.map((r: any) => r.id)).toContain(w.ids.report2023); // the edited version fails its sums
    const rule = await api.check(await w.get("/api/reports?failed_checks=requests.balance"));
    expect(rule.items.every((r: any) => r.failed_checks.includes("requests.balance"))).toBe(true);
  });

  it("answers 400 listing the agencies a part of a name fits, 404 for none", async () => {
    const res = await w.get(`/api/reports?agency=${encodeURIComponent("人民政府")}`);
    expect(res.status).toBe(400);
    const body = await api.check(res);
    expect(body.error).toMatch(/不唯一/);
    expect(body.detail.candidates.length).toBeGreaterThan(1);
    const none = await w.get(`/api/reports?agency=${encodeURIComponent("不存在的机关")}`);
    expect(none.status).toBe(404);
    await api.check(none);
  });

  it("answers 400 naming a malformed parameter", async () => {
    for (const [query, parameter] of [["year=20x3", "year"], ["limit=1000", "limit"], ["template=2020", "template"], ["cursor=%25%25", "cursor"], ["cursor=eyJ4IjoxfQ", "cursor"], [`region=${"很".repeat(101)}`, "region"], ["failed_checks=DROP%20TABLE", "failed_checks"]]) {
      const res = await w.get(`/api/reports?${query}`);
      expect(res.status, query).toBe(400);
      expect((await api.check(res)).detail.parameter).toBe(parameter);
    }
  });

  it("carries an ETag and Cache-Control, and answers 304 to If-None-Match", async () => {
    const res = await w.get("/api/reports?year=2022");
    const tag = res.headers.get("etag");
    expect(tag).toMatch(/^W\/".+"$/);
    expect(res.headers.get("cache-control")).toBe("no-cache");
    await api.check(res);
    const again = await w.get("/api/reports?year=2022", { "if-none-match": tag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await w.get("/api/reports?year=2021", { "if-none-match": tag! })).status).toBe(200);
  });
});

describe("/api/reports/:id and its versions", () => {
  it("gives the current record, checks and every version with its captures", async () => {
    const r = await api.check(await w.get(`/api/reports/${w.ids.report2023}`));
    expect(r.current).toBe(true);
    expect(r.versions).toHaveLength(2);
    expect(r.values["requests.new.natural_person"]).toBe(999);
    expect(r.versions[1].captures[0].download_url).toMatch(/\/captures\/\d+\/original$/);
    expect(r.sections.length).toBeGreaterThan(3);
    const first = r.versions[0];
    const past = await api.check(await w.get(`/api/reports/${w.ids.report2023}/versions/${first.id}`));
    expect(past.current).toBe(false);
    expect(past.version_id).toBe(first.id);
    expect(past.values["requests.new.natural_person"]).not.toBe(999);
    expect(past.html_url).toBe(`${w.base}/reports/${w.ids.report2023}/versions/${first.id}`);
  });

  it("answers 404 for an unknown report or version, 400 for a malformed id", async () => {
    for (const [path, status] of [["/api/reports/99999999", 404], [`/api/reports/${w.ids.report2023}/versions/99999999`, 404], [`/api/reports/${w.ids.report2021}/versions/1`, 404], ["/api/reports/abc", 400], ["/api/reports/1e3", 400]] as const) {
      const res = await w.get(path);
      expect(res.status, path).toBe(status);
      expect((await api.check(res)).error).toBeTruthy();
    }
  });
});

describe("/api/diff", () => {
  it("compares two years of an agency: cells with deltas, checks, text", async () => {
    const d = await api.check(await w.get(`/api/diff?agency=${encodeURIComponent(AGENCY)}&from=2022&to=2023`));
    expect(d.before.year).toBe(2022);
    expect(d.after.report_id).toBe(w.ids.report2023);
    const cell = d.cells.find((c: any) => c.key === "requests.new.natural_person");
    expect(cell.delta).toBe(999 - cell.before);
    expect(d.checks.some((c: any) => c.rule === "requests.balance")).toBe(true);
    expect(d.sections.some((s: any) => s.status === "changed")).toBe(true);
  });

  it("compares two versions of one report", async () => {
    const r: any = await (await w.get(`/api/reports/${w.ids.report2023}`)).json();
    const d = await api.check(await w.get(`/api/diff?report=${w.ids.report2023}&from=${r.versions[0].id}&to=${r.versions[1].id}`));
    expect(d.cells.map((c: any) => c.key)).toContain("requests.new.natural_person");
  });

  it("answers 404 for a missing year, 400 for missing or malformed years", async () => {
    for (const [query, status] of [[`agency=${w.ids.agencyId}&from=2019&to=2023`, 404], [`agency=${w.ids.agencyId}&from=2022`, 400], [`agency=${w.ids.agencyId}&from=x&to=2023`, 400], ["from=2022&to=2023", 400]] as const) {
      const res = await w.get(`/api/diff?${query}`);
      expect(res.status, query).toBe(status);
      await api.check(res);
    }
  });
});

describe("/api/values", () => {
  it("gives one key across agencies in long form, filtered and paged", async () => {
    const all = await api.check(await w.get("/api/values?key=requests.new.total&limit=2"));
    expect(all.label).toMatch(/本年新收/);
    expect(all.items).toHaveLength(2);
    expect(all.next_cursor).toBeTruthy();
    const more = await api.check(await w.get(`/api/values?key=requests.new.total&limit=2&cursor=${all.next_cursor}`));
    expect(more.items[0].report_id).not.toBe(all.items[0].report_id);
    const region = await api.check(await w.get(`/api/values?key=requests.new.natural_person&year=2023&region=${encodeURIComponent("孝义市")}`));
    expect(region.items.map((v: any) => v.agency.name).sort()).toEqual([AGENCY, "绿水乡人民政府"].sort());
    expect(region.items.find((v: any) => v.agency.name === AGENCY).value).toBe(999); // the current (edited) version
  });

  it("answers 400 for a missing or unknown key", async () => {
    for (const q of ["", "key=requests.nothing.total", "key=sum:requests.denied.total"]) {
      const res = await w.get(`/api/values?${q}`);
      expect(res.status, q).toBe(400);
      expect((await api.check(res)).detail.parameter).toBe("key");
    }
  });
});

describe("/api/search", () => {
  it("ranks hits with snippets and pages them", async () => {
    const first = await api.check(await w.get(`/api/search?q=${encodeURIComponent("政府信息公开")}&limit=2`));
    expect(first.mode).toBe("phrase");
    expect(first.items).toHaveLength(2);
    expect(first.items[0].snippet.hit).toBe("政府信息公开");
    expect(first.items[0].html_url).toBe(`${w.base}/reports/${first.items[0].id}`);
    const seen = new Set(first.items.map((h: any) => h.id));
    let cursor = first.next_cursor;
    for (let i = 0; cursor && i < 20; i++) {
      const page = await api.check(await w.get(`/api/search?q=${encodeURIComponent("政府信息公开")}&limit=2&cursor=${cursor}`));
      for (const h of page.items) { expect(seen.has(h.id)).toBe(false); seen.add(h.id); }
      cursor = page.next_cursor;
    }
    const { count } = await w.fresh.db.selectFrom("reports").select((eb) => eb.fn.countAll<string>().as("count")).executeTakeFirstOrThrow();
    expect(seen.size).toBe(Number(count));
    const filtered = await api.check(await w.get(`/api/search?q=${encodeURIComponent("政府信息公开")}&year=2021&region=${encodeURIComponent("吕梁")}`));
    expect(filtered.items.map((h: any) => h.id)).toEqual([w.ids.report2021]);
  });

  it("answers 400 for a missing or over-long query", async () => {
    expect((await api.check(await w.get("/api/search"))).detail.parameter).toBe("q");
    const long = await w.get(`/api/search?q=${"字".repeat(201)}`);
    expect(long.status).toBe(400);
    expect((await api.check(long)).detail.parameter).toBe("q");
  });
});

describe("unknown API paths", () => {
  it("answer JSON 404", async () => {
    const res = await w.get("/api/nothing");
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: expect.stringContaining("/api/nothing") });
  });

  it("every documented operation was exercised", () => {
    for (const path of Object.keys(doc.paths)) expect([...api.seen].some((s) => s.startsWith(`get ${path} 200`)), path).toBe(true);
    expect(w.logged).toEqual([]);
  });
});
