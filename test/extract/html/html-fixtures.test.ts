import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { htmlToText } from "../../../src/extract/html/html-to-text.ts";
import { normalizeText } from "../../../src/extract/normalize-text.ts";
import { canonicalText, syntheticReport } from "../../support/synthetic-report.ts";
import { FIXTURES } from "../../fixtures/html/make-html-fixtures.ts";

const dir = join(import.meta.dirname, "../../fixtures/html");

interface Expected {
  agency: string;
  year: number;
  template: "2021" | "2019";
  title: string;
  contentType: string | null;
  values: Record<string, number>;
  tables: string[][][];
}

const CHROME = ["首页", "分享到", "版权所有", "网站地图", "打印本页", "关闭窗口", "上一篇", "下一篇", "当前位置", "相关文章",
  "浏览次数", "发布时间", "字体", "ICP备", "脚本", "注释", "隐藏", "索引号", "无障碍", "欢迎访问", "您的浏览器"];

const APPLICANT_COLS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other", "total"];
const APPEAL_GROUPS = ["review", "litigation_direct", "litigation_after_review"];
const APPEAL_COLS = ["upheld", "corrected", "other", "pending", "total"];

/** The output's lines as cells. */
const rowsOf = (text: string) => text.split("\n").map((l) => l.split("\t"));
/** The row whose first non-empty cells start with `label`. */
function row(rows: string[][], label: string): string[] {
  const found = rows.find((r) => r.some((c) => c.startsWith(label)));
  if (!found) throw new Error(`no row labelled ${label}`);
  return found;
}
const nums = (cells: string[]) => cells.filter((c) => /^-?[\d.]+$/.test(c)).map(Number);

describe.each(FIXTURES)("HTML fixture $file", (spec) => {
  const bytes = readFileSync(join(dir, `${spec.file}.html`));
  const expected = JSON.parse(readFileSync(join(dir, `${spec.file}.expected.json`), "utf8")) as Expected;
  const out = htmlToText(bytes, { name: `${spec.file}.html`, contentType: expected.contentType ?? undefined });
  const rows = rowsOf(out.text);

  it("reads every table row with its label and numbers in the right cells", () => {
    expect(expected.tables).toHaveLength(3);
    for (const grid of expected.tables) {
      const block = grid.map((r) => r.join("\t")).join("\n");
      expect(out.text).toContain(`\n\n${block}\n\n`);
    }
  });

  it("puts the contract values where their labels are", () => {
    const v = expected.values;
    const newRow = nums(row(rows, "一、本年新收政府信息公开申请数量"));
    expect(newRow).toEqual(APPLICANT_COLS.map((c) => v[`requests.new.${c}`]));
    expect(nums(row(rows, "（七）总计"))).toEqual(APPLICANT_COLS.map((c) => v[`requests.total.${c}`]));
    expect(nums(row(rows, "四、结转下年度继续办理"))).toEqual(APPLICANT_COLS.map((c) => v[`requests.carried_forward.${c}`]));
    expect(nums(row(rows, "8.属于行政查询事项"))).toEqual(APPLICANT_COLS.map((c) => v[`requests.denied.query_matter.${c}`]));
    const appeals = rows.find((r) => r.length === 15 && r.every((c) => /^\d+$/.test(c)));
    expect(appeals?.map(Number)).toEqual(APPEAL_GROUPS.flatMap((g) => APPEAL_COLS.map((c) => v[`appeals.${g}.${c}`])));
    if (expected.template === "2021") {
      expect(nums(row(rows, "行政规范性文件"))).toEqual(["issued", "repealed", "in_force"].map((c) => v[`active.normative_documents.${c}`]));
      expect(row(rows, "行政许可")).toEqual(["行政许可", String(v["active.licensing.decisions"]), "", ""]);
      expect(Number(row(rows, "行政事业性收费")[1])).toBe(v["active.fees.amount"]);
    } else {
      expect(nums(row(rows, "其他对外管理服务事项"))).toEqual(["prior_items", "change", "decisions"].map((c) => v[`active.other_services.${c}`]));
      expect(row(rows, "政府集中采购")).toEqual(["政府集中采购", String(v["active.procurement.items"]), v["active.procurement.amount"].toFixed(2), ""]);
      expect(nums(row(rows, "（六）其他处理"))).toEqual(APPLICANT_COLS.map((c) => v[`requests.other_handling.${c}`]));
    }
  });

  it("keeps page chrome, scripts, comments and hidden text out", () => {
    for (const word of CHROME) expect(out.text, word).not.toContain(word);
  });

  it("starts with the title, once", () => {
    expect(out.text.split("\n")[0]).toBe(expected.title);
    expect(out.text.split(expected.title)).toHaveLength(2);
  });

  it("gives exactly the canonical text of the report", () => {
    expect(out.text).toBe(normalizeText(canonicalText(syntheticReport(spec.options))));
    expect(out.format).toBe("html");
    expect(out.warnings).toEqual([]);
  });
});
