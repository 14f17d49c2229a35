import { parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchReportsPage } from "../../src/store/search-reports.ts";
import { CSP } from "../../src/web/app.ts";
import { AGENCY, REGION, webArchive, type WebArchive } from "./support/web-archive.ts";

// The pages against a real PostgreSQL: status, content, the form layout (absent ≠ 0), diffs,
// charts, facets, downloads (streamed CSV, JSONL, Parquet), originals, and errors.

let w: WebArchive;
beforeAll(async () => { w = await webArchive(); });
afterAll(async () => { await w?.close(); });

async function page(path: string, status = 200): Promise<string> {
  const res = await w.get(path);
  expect(res.status, path).toBe(status);
  expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
  expect(res.headers.get("content-security-policy")).toBe(CSP);
  return res.text();
}

describe("pages", () => {
  it("home: search box, regions, years, latest changes", async () => {
    const body = await page("/");
    expect(body).toContain('<input type="search" name="q"');
    expect(body).toContain('<a href="/regions?path=%E5%B1%B1%E8%A5%BF%E7%9C%81">山西省</a>');
    expect(body).toMatch(/<a href="\/reports\?year=2023">2023 年度<\/a>/);
    expect(body).toContain("新版本"); // the edited 2023 report
    expect(body).toContain('<a class="skip" href="#main">跳到正文</a>');
    expect(body).toMatch(/<title>政府信息公开工作年度报告 · 政府信息公开年报档案<\/title>/);
  });

  it("regions: the places below, the agencies placed there", async () => {
    expect(await page(`/regions?path=${encodeURIComponent("山西省")}`)).toContain(">吕梁市</a>");
    const county = await page(`/regions?path=${encodeURIComponent(REGION)}`);
    expect(county).toContain(`>${AGENCY}</a>`);
    expect(county).toContain("2021、2022、2023");
    expect(await page("/regions?path=")).toContain("未标注地区的机关");
  });

  it("report: the form's tables, absent cells apart from 0, checks, sections, versions, links", async () => {
    const body = await page(`/reports/${w.ids.report2023}`);
    expect(body).toContain("<caption>三、收到和处理政府信息公开申请情况</caption>");
    expect(body).toMatch(/<th scope="row">一、本年新收政府信息公开申请数量<\/th><td class="num">999<\/td>/);
    expect(body).toContain("requests.balance"); // the edit breaks the balance
    expect(body).toContain('<span class="bad">未通过</span>');
    expect(body).toContain("<h3>一、总体情况</h3>");
    expect(body).toMatch(/与上一版本比较/);
    expect(body).toMatch(/<a href="\/captures\/\d+\/original">下载原件<\/a>/);
    expect(body).toContain('href="https://example.gov.cn/');
    expect(body).toContain('<link rel="alternate" type="application/json" href="/api/reports/');
    // A seed report that leaves cells out shows them hatched, not as 0.
    const seeds = await w.fresh.db.selectFrom("reports as r").innerJoin("report_versions as v", "v.id", "r.latest_version_id")
      .select(["r.id", "v.record"]).where("v.template", "=", "2021").execute();
    const sparse = seeds.find((s) => Object.keys((s.record as { values: object }).values).length < 150)!;
    const sparseBody = await page(`/reports/${sparse.id}`);
    expect(sparseBody).toContain('<td class="absent" title="原文未列出此项"><span aria-label="原文未列出">—</span></td>');
    expect(sparseBody).toContain('<td class="num">0</td>');
  });

  it("a past version, and two versions compared", async () => {
    const api: any = await (await w.get(`/api/reports/${w.ids.report2023}`)).json();
    const [v1, v2] = api.versions.map((v: { id: string }) => v.id);
    const past = await page(`/reports/${w.ids.report2023}/versions/${v1}`);
    expect(past).toContain("这是本报告过去的一个版本");
    const diff = await page(`/reports/${w.ids.report2023}/diff?from=${v1}&to=${v2}`);
    expect(diff).toContain(`版本 ${v1}`);
    expect(diff).toMatch(/<td class="num up">\+\d+<\/td>|<td class="num down">-\d+<\/td>/);
    expect(diff).toContain("<ins>");
  });

  it("agency across years: one row per key, changes marked, a trend chart, year pairs", async () => {
    const body = await page(`/agencies/${w.ids.agencyId}`);
    expect(body).toMatch(/<th scope="col" class="num"><a href="\/reports\/\d+">2021<\/a><\/th>/);
    expect(body).toContain('<td class="changed" title="较上年 ');
    expect(body).toContain('<svg class="chart"');
    expect(body).toMatch(/<title id="trend-t">/);
    expect(body).toContain(`/agencies/${w.ids.agencyId}/diff?from=2022&amp;to=2023`);
  });

  it("year diff: changed cells with deltas, checks, text", async () => {
    const body = await page(`/agencies/${w.ids.agencyId}/diff?from=2022&to=2023`);
    expect(body).toContain("数据变化");
    expect(body).toContain("校验状态变化");
    expect(body).toContain("正文变化");
    const csv = (await (await w.get(`/agencies/${w.ids.agencyId}/diff.csv?from=2022&to=2023`)).text()).split("\r\n");
    expect(csv[0]).toBe("key,label,status,before (2022 年),after (2023 年),delta");
    expect(csv.find((l) => l.startsWith("requests.new.natural_person,"))).toMatch(/,changed,\d+,999,-?\d+$/);
    await page(`/agencies/${w.ids.agencyId}/diff?from=2019&to=2023`, 404);
    await page(`/agencies/${w.ids.agencyId}/diff?from=20&to=2023`, 400);
  });

  it("key across agencies: table sorted by value, ratio per 100, chart", async () => {
    const body = await page(`/values?key=${encodeURIComponent("sum:requests.denied.total")}&per=requests.new.total&year=2023&region=${encodeURIComponent("吕梁")}`);
    expect(body).toContain("每百");
    expect(body).toContain('<svg class="chart"');
    expect(body).toContain('aria-sort="descending"');
    expect(body).toContain('<option value="sum:requests.denied.total" selected>');
    expect(body.match(/ selected>/g)).toHaveLength(2); // the key and the denominator
    const byAgency = await page(`/values?key=requests.new.total&sort=agency`);
    expect(byAgency).toContain('aria-sort="descending"');
    expect(byAgency.match(/ selected>/g)).toHaveLength(1);
    await page("/values?key=requests.bogus.total", 400);
    expect(await page("/values")).toContain("<optgroup label=\"三、收到和处理政府信息公开申请情况\">");
  });

  it("reports list: facets with counts, filters, paging", async () => {
    const body = await page("/reports?limit=2");
    expect(body).toMatch(/<a href="\/reports\?limit=2&amp;year=2023">2023 年<\/a> <span class="muted">\d+<\/span>/);
    expect(body).toContain('rel="next"');
    const filtered = await page("/reports?year=2023&failed_checks=any");
    expect(filtered).toContain("× 取消");
    expect(filtered).toContain(`>${AGENCY}</a>`);
    const ambiguous = await w.get(`/reports?agency=${encodeURIComponent("人民政府")}`);
    expect(ambiguous.status).toBe(400);
    expect(await ambiguous.text()).toContain("您要找的可能是");
  });

  it("search: hits with marked snippets, facets, paging; nothing found said so", async () => {
    const body = await page(`/search?q=${encodeURIComponent("政府信息公开")}&limit=2`);
    expect(body).toContain("<mark>政府信息公开</mark>");
    expect(body).toContain('rel="next"');
    expect(body).toContain("年度</h2>");
    expect(await page(`/search?q=${encodeURIComponent("绝无此词组合")}`)).toContain("没有报告的正文包含");
    await page(`/search?q=${"字".repeat(201)}`, 400);
  });

  it("downloads page and its streamed formats for the current filter", async () => {
    expect(await page("/downloads?year=2023")).toContain("/export.parquet?year=2023&amp;layout=wide");
    const csv = await w.get("/export.csv?year=2021");
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="values-long.csv"/);
    const rows = (await csv.text()).trim().split("\r\n");
    expect(rows[0]).toBe("report_id,version_id,agency,region,year,template,key,table,row_key,column_key,value");
    expect(rows.slice(1).every((r) => r.includes(",2021,"))).toBe(true);
    const wide = (await (await w.get("/export.csv?layout=wide&agency=" + encodeURIComponent(AGENCY))).text()).trim().split("\r\n");
    expect(wide).toHaveLength(4);
    const jsonl = (await (await w.get(`/export.jsonl?agency=${w.ids.agencyId}`)).text()).trim().split("\n").map((l) => JSON.parse(l));
    expect(jsonl.map((r) => r.year)).toEqual([2021, 2022, 2023]);
    const parquet = await parquetReadObjects({ file: await (await w.get(`/export.parquet?agency=${w.ids.agencyId}&layout=wide`)).arrayBuffer() });
    expect(parquet.map((r) => r.year)).toEqual([2021, 2022, 2023]);
    expect(parquet[2]["requests.new.natural_person"]).toBe(999);
    const list = (await (await w.get("/reports.csv?year=2022")).text()).trim().split("\r\n");
    expect(list[0]).toMatch(/^report_id,agency_id,agency/);
    const values = (await (await w.get(`/values.csv?key=requests.new.total&per=requests.granted.total`)).text()).trim().split("\r\n");
    expect(values[0]).toMatch(/,per_100$/);
    expect((await (await w.get(`/agencies/${w.ids.agencyId}/values.csv`)).text()).split("\r\n")[0]).toBe("key,label,2021,2022,2023");
    const hits = (await (await w.get(`/search.csv?q=${encodeURIComponent("政府信息公开")}`)).text()).trim().split("\r\n");
    expect(hits[0]).toMatch(/^report_id,version_id/);
    expect(hits.length - 1).toBe((await searchReportsPage(w.reader, "政府信息公开")).matched.length); // every match, in one ranking
  });

  it("the archived original, with its type and file name, never as a page of this site", async () => {
    const r: any = await (await w.get(`/api/reports/${w.ids.report2022}`)).json();
    const res = await w.get(`/captures/${r.versions[0].captures[0].id}/original`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename=".*\.txt"; filename\*=UTF-8''/);
    expect(res.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
    expect(await res.text()).toContain("2022年政府信息公开工作年度报告");
    expect((await w.get("/captures/99999999/original")).status).toBe(404);
  });

  it("every page's JSON and CSV twins are links that answer", async () => {
    for (const path of ["/", `/reports/${w.ids.report2022}`, `/agencies/${w.ids.agencyId}`, `/agencies/${w.ids.agencyId}/diff?from=2021&to=2022`, "/reports?year=2022", `/search?q=${encodeURIComponent("公开")}`, "/values?key=requests.new.total"]) {
      const body = await page(path);
      for (const m of body.matchAll(/<link rel="alternate" type="[^"]+" href="([^"]+)">/g)) {
        const res = await w.get(m[1].replace(/&amp;/g, "&"));
        expect(res.status, `${path} → ${m[1]}`).toBe(200);
        await res.arrayBuffer();
      }
    }
  });
});

describe("errors", () => {
  it("unknown pages and ids are 404 pages, malformed ids 400, none with a stack", async () => {
    for (const [path, status] of [["/nothing", 404], ["/reports/99999999", 404], ["/agencies/99999999", 404], ["/reports/x1", 400], ["/reports?year=1800", 400], ["/reports?cursor=!!", 400]] as const) {
      const body = await page(path, status);
      expect(body).not.toMatch(/at .*\.ts:\d+|Error:/);
      expect(body).toContain("回到首页");
    }
  });

  it("static files carry their types; the trivial route answers", async () => {
    expect((await w.get("/static/style.css")).headers.get("content-type")).toBe("text/css; charset=utf-8");
    expect((await w.get("/static/app.js")).headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await (await w.get("/healthz")).text()).toBe("ok\n");
  });

  it("logged nothing unexpected", () => { expect(w.logged).toEqual([]); });
});
