import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/show-command.ts";
import { reportDetail } from "../../src/store/report-detail.ts";
import { freshDatabase, type FreshDatabase } from "./support/index.ts";
import { capture, ingestSynthetic } from "./read-side-fixtures.ts";

let fresh: FreshDatabase;
let reportId: string, versionId: string, values: Record<string, number>, values2019: Record<string, number>;
const AGENCY = "大孝堡镇人民政府";

beforeAll(async () => {
  fresh = await freshDatabase();
  const r = await ingestSynthetic(fresh.db, { seed: 3, agency: AGENCY, year: 2023, url: "https://xy.gov.cn/dxb/2023.txt" });
  if (r.status === "skipped") throw new Error("skipped");
  [reportId, versionId, values] = [r.reportId, r.versionId, r.values];
  values2019 = (await ingestSynthetic(fresh.db, { seed: 4, agency: AGENCY, year: 2020, template: "2019" })).values;
  process.env.DATABASE_URL = fresh.url;
});
afterAll(async () => {
  delete process.env.DATABASE_URL;
  await fresh?.drop();
});

describe("reportDetail", () => {
  it("lays tables 二/三/四 out as on the form, from the stored values", async () => {
    const d = (await reportDetail(fresh.db, reportId))!;
    expect(d.agency.name).toBe(AGENCY);
    expect(d.template).toBe("2021");
    expect(d.versionId).toBe(versionId);
    const active = d.tables.filter((t) => t.table === "active");
    expect(active.map((t) => t.rows.map((r) => r.key))).toEqual([["rules", "normative_documents"], ["licensing", "penalty", "coercion"], ["fees"]]);
    expect(active[0].rows[1].cells).toEqual([values["active.normative_documents.issued"], values["active.normative_documents.repealed"], values["active.normative_documents.in_force"]]);
    const requests = d.tables.find((t) => t.table === "requests")!;
    expect(requests.rows).toHaveLength(25); // 一, 二, 18 outcome rows, （六） in three parts, （七）, 四
    expect(requests.rows[0].cells).toEqual(["natural_person", "commercial", "research", "nonprofit", "legal_services", "other", "total"].map((c) => values[`requests.new.${c}`]));
    const appeals = d.tables.find((t) => t.table === "appeals")!;
    expect(appeals.rows.map((r) => r.cells[4])).toEqual(["review", "litigation_direct", "litigation_after_review"].map((g) => values[`appeals.${g}.total`]));
    expect(d.checks.every((c) => c.ok)).toBe(true);
    expect(d.versions).toHaveLength(1);
    expect(d.versions[0].captures[0].url).toBe("https://xy.gov.cn/dxb/2023.txt");
    expect(d.versions[0].captures[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it("leaves a cell the document does not show blank (null), never 0", async () => {
    const id = (await fresh.db.selectFrom("reports").select("id").where("year", "=", 2023).executeTakeFirstOrThrow()).id;
    await fresh.db.deleteFrom("report_values").where("version_id", "=", versionId).where("key", "=", "requests.granted.research").execute();
    try {
      const d = (await reportDetail(fresh.db, id))!;
      const granted = d.tables.find((t) => t.table === "requests")!.rows.find((r) => r.key === "granted")!;
      expect(granted.cells[2]).toBeNull();
    } finally {
      await fresh.db.insertInto("report_values").values({ version_id: versionId, key: "requests.granted.research", table: "requests", row_key: "granted", column_key: "research", value: values["requests.granted.research"] }).execute();
    }
  });

  it("shows a 2019-format report with its own rows (one （六） row, 采购)", async () => {
    const id = (await fresh.db.selectFrom("reports").select("id").where("year", "=", 2020).executeTakeFirstOrThrow()).id;
    const d = (await reportDetail(fresh.db, id))!;
    expect(d.template).toBe("2019");
    const requests = d.tables.find((t) => t.table === "requests")!;
    expect(requests.rows.map((r) => r.key)).toContain("other_handling");
    expect(requests.rows).toHaveLength(23); // （六） as one row
    const procurement = d.tables.find((t) => t.rows.some((r) => r.key === "procurement"))!;
    expect(procurement.rows[0].cells).toEqual([values2019["active.procurement.items"], values2019["active.procurement.amount"]]);
  });
});

describe("nianbao show", () => {
  it("prints metadata, tables, checks and versions", async () => {
    const { result, stdout } = await capture(() => run([AGENCY, "2023"]));
    expect(result).toBe(0);
    expect(stdout).toContain(`${AGENCY} 2023 (report ${reportId})`);
    expect(stdout).toContain("source     https://xy.gov.cn/dxb/2023.txt");
    expect(stdout).toContain("三、收到和处理政府信息公开申请情况");
    const row = stdout.split("\n").find((l) => l.includes("一、本年新收政府信息公开申请数量"))!;
    expect(row.trim().split(/\s+/).slice(1).map(Number)).toEqual(["natural_person", "commercial", "research", "nonprofit", "legal_services", "other", "total"].map((c) => values[`requests.new.${c}`]));
    expect(stdout).toContain("ok     requests.balance");
    expect(stdout).toMatch(/sha256 [0-9a-f]{64}/);
  });

  it("--json by id", async () => {
    const { stdout } = await capture(() => run([reportId, "--json"]));
    const json = JSON.parse(stdout);
    expect(json.id).toBe(reportId);
    expect(json.values["requests.total.total"]).toBe(values["requests.total.total"]);
    expect(json.versions[0].captures[0].url).toBe("https://xy.gov.cn/dxb/2023.txt");
    expect(json.first_seen).toBe("2024-03-01T00:00:00.000Z");
  });

  it("an unknown id or year is one clear line", async () => {
    await expect(run(["999999"])).rejects.toThrow("no report with id 999999; run 'nianbao reports' to list them");
    await expect(run([AGENCY, "2019"])).rejects.toThrow(`no 2019 report of ${AGENCY} in the archive (archived years: 2020, 2023)`);
  });
});
