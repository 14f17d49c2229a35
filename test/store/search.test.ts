import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatHits, run } from "../../src/cli/search-command.ts";
import { paint } from "../../src/cli/format/ansi.ts";
import { searchReports } from "../../src/store/search-reports.ts";
import { snippet } from "../../src/store/snippet.ts";
import { freshDatabase, type FreshDatabase } from "./support/index.ts";
import { capture, ingestSynthetic } from "./read-side-fixtures.ts";

let fresh: FreshDatabase;
const SPECIAL = "本机关全年开展政务公开专题培训三次，培训覆盖全体工作人员。";

beforeAll(async () => {
  fresh = await freshDatabase();
  await ingestSynthetic(fresh.db, { seed: 1, agency: "青山镇人民政府", year: 2022 });
  await ingestSynthetic(fresh.db, { seed: 2, agency: "青山镇人民政府", year: 2023, edit: (t) => t.replace("五、存在的主要问题及改进情况\n\n", `五、存在的主要问题及改进情况\n\n${SPECIAL}\n\n`) });
  await ingestSynthetic(fresh.db, { seed: 3, agency: "绿水县人民政府办公室", year: 2020, template: "2019" });
  // An old version that mentions a phrase the current one no longer has: it must not be found.
  await ingestSynthetic(fresh.db, { seed: 4, agency: "白云乡人民政府", year: 2023, edit: (t) => t.replace("本机关", "旧版本独有措辞。本机关"), fetchedAt: new Date("2024-01-01T00:00:00Z") });
  await ingestSynthetic(fresh.db, { seed: 4, agency: "白云乡人民政府", year: 2023, fetchedAt: new Date("2024-06-01T00:00:00Z") });
  process.env.DATABASE_URL = fresh.url;
});
afterAll(async () => {
  delete process.env.DATABASE_URL;
  await fresh?.drop();
});

describe("searchReports", () => {
  it("finds a Chinese phrase by its bigrams, with a snippet around the hit", async () => {
    const hits = await searchReports(fresh.db, "专题培训");
    expect(hits.map((h) => [h.agency, h.year])).toEqual([["青山镇人民政府", 2023]]);
    // ±30 characters of the text (the blank line before the paragraph counts), then flattened
    expect(hits[0].snippet).toEqual({ before: "6 五、存在的主要问题及改进情况 本机关全年开展政务公开", hit: "专题培训", after: "三次，培训覆盖全体工作人员。 2023年，青山镇人民政府围" });
  });

  it("matches each word as a phrase (its bigrams in order), all words required", async () => {
    expect((await searchReports(fresh.db, "全体工作人员")).map((h) => h.year)).toEqual([2023]);
    expect((await searchReports(fresh.db, "全体工作人员 专题培训")).map((h) => h.year)).toEqual([2023]);
    expect(await searchReports(fresh.db, "全体工作人员 旧版本独有措辞")).toEqual([]);
  });

  it("ANDs the words: words apart in the text still match, each word as a phrase", async () => {
    const hits = await searchReports(fresh.db, "工作人员 专题");
    expect(hits.map((h) => h.year)).toEqual([2023]);
    expect(hits[0].snippet!.hit).toBe("工作"); // the earliest term in the text (the title: …公开工作年度报告)
    expect(await searchReports(fresh.db, "培训专题")).toEqual([]); // its bigram 训专 is nowhere
  });

  it("searches current versions only", async () => {
    expect(await searchReports(fresh.db, "旧版本独有措辞")).toEqual([]);
    expect((await searchReports(fresh.db, "未收取信息处理费")).map((h) => h.agency).sort()).toEqual(["白云乡人民政府", "绿水县人民政府办公室", "青山镇人民政府", "青山镇人民政府"].sort());
  });

  it("filters by year and agency, and limits", async () => {
    expect((await searchReports(fresh.db, "信息处理费", { year: 2023 })).map((h) => h.agency).sort()).toEqual(["白云乡人民政府", "青山镇人民政府"]);
    expect((await searchReports(fresh.db, "信息处理费", { agency: "绿水" })).map((h) => h.year)).toEqual([2020]);
    expect(await searchReports(fresh.db, "信息处理费", { limit: 2 })).toHaveLength(2);
  });

  it("ranks the report that uses the words more above the others", async () => {
    const hits = await searchReports(fresh.db, "培训");
    expect(hits[0].year).toBe(2023);
  });

  it("falls back to ILIKE for one character, ranked by occurrences", async () => {
    const hits = await searchReports(fresh.db, "训");
    expect(hits.map((h) => h.year)).toEqual([2023]);
    expect(hits[0].rank).toBe(2);
    expect(hits[0].snippet!.hit).toBe("训");
  });

  it("uses the GIN index for bigram queries", async () => {
    const plan = await fresh.db.transaction().execute(async (trx) => {
      await sql`set local enable_seqscan = off`.execute(trx); // a handful of rows: make the planner show its index path
      const { rows } = await sql<{ "QUERY PLAN": string }>`explain select id from report_versions where search @@ plainto_tsquery('simple', ${"专题 题培 培训"})`.execute(trx);
      return rows.map((r) => r["QUERY PLAN"]).join("\n");
    });
    expect(plan).toMatch(/Bitmap Index Scan on report_versions_search/);
  });
});

describe("snippet", () => {
  it("takes ±radius characters around the first hit, whitespace flattened", () => {
    expect(snippet("甲乙丙\n丁戊己庚辛", "戊己", 3)).toEqual({ before: "丙 丁", hit: "戊己", after: "庚辛" });
    expect(snippet("no match here", "培训")).toBeNull();
    expect(snippet("Report PDF version", "pdf", 3)).toEqual({ before: "rt ", hit: "PDF", after: " ve" });
  });
});

describe("nianbao search", () => {
  it("prints agency, year and snippet; highlights only on a TTY", async () => {
    const { result, stdout } = await capture(() => run(["专题培训"]));
    expect(result).toBe(0);
    expect(stdout).toContain("青山镇人民政府 2023");
    expect(stdout).toContain("…6 五、存在的主要问题及改进情况 本机关全年开展政务公开专题培训三次");
    expect(stdout).not.toContain("\x1b[");
    const coloured = formatHits([{ reportId: "1", versionId: "1", agencyId: "1", agency: "甲", region: null, year: 2023, title: null, rank: 0.1, snippet: { before: "a", hit: "培训", after: "b" } }], paint(true));
    expect(coloured).toContain("\x1b[7m培训\x1b[27m");
  });

  it("--json, --limit", async () => {
    const { stdout } = await capture(() => run(["信息处理费", "--json", "--limit", "1"]));
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ snippet: { hit: "信息处理费" } });
    expect(Object.keys(lines[0])).toEqual(["report_id", "version_id", "agency_id", "agency", "region", "year", "title", "rank", "snippet"]);
  });

  it("a query of punctuation only is a usage error", async () => {
    await expect(run(["。，"])).rejects.toMatchObject({ exitCode: 2 });
  });
});
