import { describe, expect, it } from "vitest";
import { parseReport } from "../../../src/extract/parse/parse-report.ts";

// Which form the tables follow (never the year alone), and what is not a report even when it
// carries tables and numbers.

const PARTS = "\n\n一、总体情况\n\n正文。\n\n二、主动公开政府信息情况\n\n正文。\n\n";
const seven = (label: string, ...n: number[]) => `${label}\t${n.join("\t")}`;
const TABLE_3 = [
  "\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计",
  seven("一、本年新收政府信息公开申请数量", 2, 0, 0, 0, 0, 0, 2),
  seven("三、本年度办理结果\t（一）予以公开", 2, 0, 0, 0, 0, 0, 2),
  seven("（六）其他处理", 0, 0, 0, 0, 0, 0, 0),
].join("\n");

describe("template", () => {
  it("gives the pre-2019 统计表 template none, reads none of its numbers, and names the form", () => {
    const r = parseReport(`东山县2018年政府信息公开工作年度报告${PARTS}政府信息公开情况统计表\n\n统计指标\t单位\t统计数\n（一）主动公开政府信息数\t条\t158\n其中：主动公开规范性文件数\t条\t3\n（一）收到申请数\t件\t5\n2.同意公开答复数\t件\t3\n3.同意部分公开答复数\t件\t0`);
    expect(r).toMatchObject({ kind: "annual_report", template: "none", values: {} });
    expect(r.warnings.join()).toContain("政府信息公开情况统计表");
    expect(r.warnings.join()).not.toContain("template decided");
  });

  it("does not decide a template from the year: a 2018 report's lone 规范性文件 row is no form", () => {
    const r = parseReport(`东山县2018年政府信息公开工作年度报告${PARTS}规范性文件\t12`);
    expect(r.template).toBe("none");
    expect(r.values).toEqual({});
  });

  it("reads tables 三 and 四 but not table 二 when nothing tells 2019 from 2021, and says so", () => {
    const r = parseReport(`东山县2023年政府信息公开工作年度报告${PARTS}行政规范性文件\t2\t6\t27\n\n${TABLE_3}`);
    expect(r.template).toBe("2021");
    expect(r.values["requests.new.total"]).toBe(2);
    expect(r.values["requests.other_handling.total"]).toBe(0);
    expect(Object.keys(r.values).filter((k) => k.startsWith("active."))).toEqual([]);
    expect(r.warnings.join()).toMatch(/nothing in them tells 2019 from 2021.*"2021" is the form prescribed for reports on 2023.*table 二 not read/);
  });

  it("takes the 2019 form from rows only it has, whatever the year", () => {
    const r = parseReport(`东山县2021年政府信息公开工作年度报告${PARTS}政府集中采购\t5\t123.5\n\n${TABLE_3}`);
    expect(r.template).toBe("2019");
    expect(r.values["active.procurement.amount"]).toBe(123.5);
  });

  it("does not take a merged cell written out in every slot for the 2019 form's three columns", () => {
    const r = parseReport(`东山县2023年政府信息公开工作年度报告${PARTS}行政许可\t14\t14\t14\n\n${TABLE_3}`);
    expect(r.template).toBe("2021");
    expect(r.warnings.join()).toContain("table 二 not read");
  });

  it("does not take a one-cell 行政许可 row for the 2021 form in a report on 2020", () => {
    const r = parseReport(`东山县2020年政府信息公开工作年度报告${PARTS}行政许可\t14\n\n${TABLE_3}`);
    expect(r.template).toBe("2019");
    expect(r.values["active.licensing.decisions"]).toBeUndefined();
    expect(r.warnings.join()).toContain("table 二 not read");
  });
});

describe("not a report", () => {
  const tables = `\n\n${TABLE_3}`;
  it.each([
    ["关于《东山县2023年政府信息公开工作年度报告》的解读", "解读"],
    ["图解：东山县2023年政府信息公开工作年度报告", "解读"],
    ["一图读懂东山县2023年政府信息公开工作年度报告", "解读"],
    ["东山县2023年政府信息公开工作年度报告（图解）", "解读"],
    ["东山县人民政府信息公开指南", "公开指南"],
    ["东山县2024年政务公开工作要点", "工作要点"],
    ["关于2023年度政府信息公开工作年度报告考核情况的通报", "notice"],
    ["东山县人民政府门户网站2023年政府网站工作年度报表", "网站工作年度报表"],
  ])("%s, even with tables and numbers", (title, why) => {
    const r = parseReport(`${title}${PARTS}${tables}`);
    expect(r.kind).toBe("not_a_report");
    expect(r.values).toEqual({});
    expect(r.warnings[0]).toMatch(new RegExp(`^not an annual report: .*${why}`));
    expect(r.warnings.join()).not.toContain("template");
  });

  it("a website's statistics by their table alone", () => {
    const r = parseReport("2023年度报表\n\n网站名称\t东山县人民政府门户网站\n首页网址\thttp://www.example.gov.cn\n独立用户访问总量（单位：个）\t102345\n");
    expect(r.kind).toBe("not_a_report");
    expect(r.warnings[0]).toContain("网站工作年度报表");
  });

  it("keeps a report whose first paragraph cites a 工作要点 or a 公开指南", () => {
    const r = parseReport(`根据《东山县2023年政务公开工作要点》和《东山县政府信息公开指南》，现发布本报告。${PARTS}${tables}`);
    expect(r.kind).toBe("annual_report");
  });

  it("keeps a report issued by a covering notice (关于印发…年度报告的通知)", () => {
    const r = parseReport(`东山县人民政府办公室关于印发东山县2023年政府信息公开工作年度报告的通知\n\n各乡镇人民政府：现印发给你们。${PARTS}${tables}`);
    expect(r.kind).toBe("annual_report");
    expect(r.values["requests.new.total"]).toBe(2);
  });
});

describe("not a report: only what the document calls itself", () => {
  it("keeps a report whose text starts with a breadcrumb ending in a column's name", () => {
    const r = parseReport(`首页 > 政务公开 > 政府信息公开指南\n\n东山县2023年政府信息公开工作年度报告${PARTS}\n\n${TABLE_3}`);
    expect(r.kind).toBe("annual_report");
  });
});
