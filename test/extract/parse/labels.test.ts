import { describe, expect, it } from "vitest";
import { parseReport } from "../../../src/extract/parse/parse-report.ts";

// What real reports do to the tables, one case at a time. Each text is a small report: a title,
// then the rows under test. A cell the document does not show must get no number.

const title = "青山镇人民政府2023年政府信息公开工作年度报告\n\n";
const seven = (...n: (number | string)[]) => n.join("\t");
const read = (body: string) => parseReport(title + body);

describe("table 三 labels", () => {
  it("reads labels with spaces inside them", () => {
    const r = read([
      "三、收到和处理政府信息公开申请情况",
      "\t自然人\t商业 企业\t科研 机构\t社会公益组织\t法律服务机构\t其他\t总计",
      `一、本 年 新 收政府信息公开申请数量\t${seven(1, 2, 3, 4, 5, 6, 21)}`,
      `三 、本 年 度办 理 结果\t（一）予 以 公 开\t${seven(1, 0, 0, 0, 0, 0, 1)}`,
    ].join("\n"));
    expect(r.values["requests.new.commercial"]).toBe(2);
    expect(r.values["requests.new.total"]).toBe(21);
    expect(r.values["requests.granted.natural_person"]).toBe(1);
  });

  it("reads typos in labels", () => {
    const r = read(`（三）不予公开\t2.其他法律行政止公开\t${seven(3, 0, 0, 0, 0, 0, 3)}`);
    expect(r.values["requests.denied.prohibited_by_law.total"]).toBe(3);
  });

  it("reads a label wrapped onto lines of its own around the numbers", () => {
    const r = read([
      "（六）其",
      "1、申请人无正当理由逾期不补",
      `正、行政机关不再处理其政府信\t${seven(67, 3, 0, 0, 1, 0, 71)}`,
      "息公开申请",
      "他处理",
      "2、申请人逾期未按收费通知要",
      `求缴纳费用、行政机关不再处理\t${seven(6, 0, 0, 0, 0, 0, 6)}`,
      "其政府信息公开申请",
      `3、其他\t${seven(108, 2, 0, 0, 0, 0, 110)}`,
    ].join("\n"));
    expect(r.values["requests.other_handling.no_correction.total"]).toBe(71);
    expect(r.values["requests.other_handling.unpaid_fee.natural_person"]).toBe(6);
    expect(r.values["requests.other_handling.other.total"]).toBe(110);
  });

  it("reads the single-row （六）其他处理 of a 2021 report as other_handling", () => {
    const r = read([
      "第二十条第（一）项", "信息内容\t本年制发件数\t本年废止件数\t现行有效件数", "规章\t0\t0\t0",
      `三、本年度办理结果\t（六）其他处理\t\t${seven(2, 0, 0, 0, 0, 0, 2)}`,
    ].join("\n"));
    expect(r.template).toBe("2021");
    expect(r.values["requests.other_handling.total"]).toBe(2);
    expect(r.values["requests.other_handling.other.total"]).toBeUndefined();
  });

  it("reads a row that fills only its 总计 cell, leaving the others blank", () => {
    const r = read(`三、本年度办理结果\t（一）予以公开\t\t\t\t\t\t\t4`);
    expect(r.values["requests.granted.total"]).toBe(4);
    expect(r.values["requests.granted.natural_person"]).toBeUndefined();
  });

  it("gives blank, dash and slash cells no value", () => {
    const r = read(`（三）不予公开\t1.属于国家秘密\t—\t/\t\t0\t0\t0\t0`);
    expect(r.values["requests.denied.state_secret.natural_person"]).toBeUndefined();
    expect(r.values["requests.denied.state_secret.commercial"]).toBeUndefined();
    expect(r.values["requests.denied.state_secret.research"]).toBeUndefined();
    expect(r.values["requests.denied.state_secret.nonprofit"]).toBe(0);
    expect(r.values["requests.denied.state_secret.total"]).toBe(0);
  });

  it("leaves out a row with more numbers than columns, and says so", () => {
    const r = read(`（三）不予公开\t1.属于国家秘密\t1\t2\t3\t4\t5\t6\t21\t9`);
    expect(Object.keys(r.values).filter((k) => k.includes("state_secret"))).toEqual([]);
    expect(r.warnings.join()).toContain("state_secret");
  });

  it("leaves out a key the document shows twice with different numbers", () => {
    const r = read([`（三）不予公开\t1.属于国家秘密\t${seven(1, 0, 0, 0, 0, 0, 1)}`, `1.属于国家秘密\t${seven(2, 0, 0, 0, 0, 0, 2)}`].join("\n"));
    expect(r.values["requests.denied.state_secret.total"]).toBeUndefined();
    expect(r.values["requests.denied.state_secret.commercial"]).toBe(0);
    expect(r.warnings.join()).toContain("both 1 and 2");
  });

  it("reads thousands separators and full-width digits", () => {
    const r = read(`一、本年新收政府信息公开申请数量\t3,001\t５３\t0\t0\t61\t4\t3,119`);
    expect(r.values["requests.new.natural_person"]).toBe(3001);
    expect(r.values["requests.new.commercial"]).toBe(53);
    expect(r.values["requests.new.total"]).toBe(3119);
  });
});

describe("table 二", () => {
  it("reads the header typo 本年度止件数 as 本年废止件数", () => {
    const r = read("信息内容\t本年制发件数\t本年度止件数\t现行有效件数\n规章\t1\t2\t3");
    expect(r.values).toMatchObject({ "active.rules.issued": 1, "active.rules.repealed": 2, "active.rules.in_force": 3 });
  });

  it("places numbers of a row whose header is lost by the form's column order", () => {
    const r = read("二、主动公开政府信息情况\n\n行政规范性文件\t2\t6\t27\n行政许可\t14");
    expect(r.values).toMatchObject({
      "active.normative_documents.issued": 2, "active.normative_documents.repealed": 6,
      "active.normative_documents.in_force": 27, "active.licensing.decisions": 14,
    });
  });

  it("leaves out a headerless row whose count of numbers does not fit", () => {
    // 行政许可 with one value cell is the 2021 form's row: the form is known, the columns are not.
    const r = read("行政规范性文件\t2\t6\n行政许可\t14");
    expect(Object.keys(r.values).filter((k) => k.startsWith("active.normative_documents"))).toEqual([]);
    expect(r.warnings.join()).toContain("table 二 row 行政规范性文件: 2 number(s) for 3 column(s)");
  });

  it("reads 2019 columns, decimals and negative changes", () => {
    const r = read([
      "信息内容\t上一年项目数量\t本年增/减\t处理决定数量", "行政许可\t12\t-3\t450",
      "信息内容\t采购项目数量\t采购总金额", "政府集中采购\t5\t123.456789",
    ].join("\n"));
    expect(r.template).toBe("2019");
    expect(r.values).toMatchObject({
      "active.licensing.prior_items": 12, "active.licensing.change": -3, "active.licensing.decisions": 450,
      "active.procurement.items": 5, "active.procurement.amount": 123.456789,
    });
  });
});

describe("table 四", () => {
  const nums = "0\t1\t0\t0\t1\t0\t0\t0\t0\t0\t2\t0\t0\t0\t2";
  it("reads a headerless 15-cell row", () => {
    const r = read(`四、政府信息公开行政复议、行政诉讼情况\n\n${nums}`);
    expect(r.values["appeals.review.corrected"]).toBe(1);
    expect(r.values["appeals.litigation_after_review.upheld"]).toBe(2);
    expect(r.values["appeals.litigation_after_review.total"]).toBe(2);
  });

  it("places a row with an extra cell when only one placement keeps the totals", () => {
    const r = read(`${nums}\t7`);
    expect(r.values["appeals.review.total"]).toBe(1);
    expect(r.warnings.join()).toContain("extra");
  });

  it("leaves out a row with an extra cell when placements disagree", () => {
    // Both the first and the last 15 of these 16 cells keep every group's total, with other numbers.
    const r = read("1\t0\t0\t0\t1\t1\t0\t0\t0\t1\t1\t0\t0\t0\t1\t1");
    expect(Object.keys(r.values).filter((k) => k.startsWith("appeals."))).toEqual([]);
    expect(r.warnings.join()).toContain("table 四");
  });
});

describe("metadata and kind", () => {
  it("reads agency and year from a title split over two lines", () => {
    const r = parseReport("淮安市人民政府\n2024 年政府信息公开工作年度报告\n\n一、总体情况\n\n正文\n\n二、主动公开政府信息情况\n");
    expect(r.agency).toBe("淮安市人民政府");
    expect(r.year).toBe(2024);
  });

  it("reads a year in Chinese numerals and names a 街道 by its office", () => {
    const r = parseReport("城关街道二〇二二年政府信息公开工作年度报告\n\n一、总体情况\n\n二、主动公开政府信息情况\n");
    expect(r.agency).toBe("城关街道办事处");
    expect(r.year).toBe(2022);
  });

  it("keeps an old free-form report's text and gives it template none", () => {
    const r = parseReport("某县人民政府2012年政府信息公开工作年度报告\n\n一、概述\n\n全年主动公开信息1200条。\n\n二、主动公开政府信息情况\n\n主动公开1200条。\n");
    expect(r.kind).toBe("annual_report");
    expect(r.template).toBe("none");
    expect(r.values).toEqual({});
    expect(r.sections[0]).toMatchObject({ number: "一", title: "概述", text: "全年主动公开信息1200条。" });
  });

  it("recognises a notice as not a report", () => {
    const r = parseReport("关于做好2023年政府信息公开工作年度报告编制发布工作的通知\n\n各镇人民政府：\n\n现将有关事项通知如下。\n");
    expect(r.kind).toBe("not_a_report");
    expect(r.template).toBe("none");
    expect(r.values).toEqual({});
    expect(r.warnings[0]).toMatch(/^not an annual report/);
  });

  it("recognises a list page as not a report", () => {
    const r = parseReport("政府信息公开年报\n\n2023年政府信息公开工作年度报告\n\n2022年政府信息公开工作年度报告\n\n首页 上一页 1 2 3 下一页\n");
    expect(r.kind).toBe("not_a_report");
  });
});

describe("metadata fallbacks", () => {
  it("takes the agency from the signature when the title does not name it", () => {
    const r = parseReport("2023年政府信息公开工作年度报告\n\n一、总体情况\n\n正文。\n\n六、其他需要报告的事项\n\n无。\n\n青山镇人民政府\n\n2024年1月15日\n");
    expect(r.agency).toBe("青山镇人民政府");
    expect(r.year).toBe(2023);
  });

  it("drops a site name a page title carries after the report's", () => {
    const r = parseReport("青山镇2023年政府信息公开工作年度报告_某某县人民政府\n\n一、总体情况\n\n二、主动公开政府信息情况\n");
    expect(r.title).toBe("青山镇2023年政府信息公开工作年度报告");
    expect(r.agency).toBe("青山镇人民政府");
  });

  it("does not read two numbers run together in one cell as one", () => {
    const r = parseReport(`${"青山镇人民政府2023年政府信息公开工作年度报告"}\n\n一、本年新收政府信息公开申请数量\t3001 53\t0\t0\t61\t4\t3119`);
    expect(Object.keys(r.values).filter((k) => k.startsWith("requests.new"))).toEqual([]);
  });
});

describe("sections", () => {
  it("finds parts whose heading lost its number (DOCX auto-numbering)", () => {
    const r = parseReport("青山镇2023年政府信息公开工作年度报告\n\n总体情况\n\n甲。\n\n主动公开政府信息情况\n\n乙。\n\n其他需要报告的事项\n\n丙。\n");
    expect(r.sections.map((s) => [s.number, s.text])).toEqual([["一", "甲。"], ["二", "乙。"], ["六", "丙。"]]);
  });

  it("keeps a heading repeated by a pasted title in one part", () => {
    const r = parseReport("青山镇2023年政府信息公开工作年度报告\n\n一、总体情况\n\n一、总体情况\n\n甲。\n\n二、主动公开政府信息情况\n\n乙。\n");
    expect(r.sections.map((s) => [s.number, s.text])).toEqual([["一", "甲。"], ["二", "乙。"]]);
  });
});

describe("value placement", () => {
  it("places a row whose 总计 is blank by the columns its table's other rows use", () => {
    // A merged label slot before the values and a blank 总计 after them: shifting the row one
    // cell would put every number under the wrong applicant.
    const r = read([
      `一、本年新收政府信息公开申请数量\t\t\t821\t35\t\t\t2\t1\t859`,
      `三、本年度办理结果\t（一）予以公开\t\t258\t12\t\t\t1\t1\t`,
      `\t（七）总计\t\t767\t35\t\t\t2\t1\t805`,
    ].join("\n"));
    expect(r.values["requests.granted.natural_person"]).toBe(258);
    expect(r.values["requests.granted.commercial"]).toBe(12);
    expect(r.values["requests.granted.other"]).toBe(1);
    expect(r.values["requests.granted.total"]).toBeUndefined();
  });

  it("leaves out a row it cannot place when nothing in its table says where the values start", () => {
    const r = read(`三、本年度办理结果\t（一）予以公开\t\t258\t12\t\t\t1\t1\t`);
    expect(Object.keys(r.values).filter((k) => k.startsWith("requests.granted"))).toEqual([]);
    expect(r.warnings.join()).toContain("granted");
  });

  it("reads a 15-cell table-四 row with blank cells by position", () => {
    const r = read("行政复议\t\t\t\t\t行政诉讼\n结果维持\t结果纠正\t其他结果\t尚未审结\t总计\n5\t\t\t2\t7\t8\t\t\t1\t9\t\t\t\t\t");
    expect(r.values["appeals.review.upheld"]).toBe(5);
    expect(r.values["appeals.review.corrected"]).toBeUndefined();
    expect(r.values["appeals.litigation_direct.total"]).toBe(9);
    expect(Object.keys(r.values).filter((k) => k.startsWith("appeals.litigation_after_review"))).toEqual([]);
  });
});

describe("titles", () => {
  it("prefers the report's own title to a covering notice's, and names the report's subject", () => {
    const r = parseReport("东山县人民政府办公室关于印发东山县2023年政府信息公开工作年度报告的通知\n\n各乡镇人民政府：现将报告印发给你们。\n\n东山县2023年政府信息公开工作年度报告\n\n一、总体情况\n\n二、主动公开政府信息情况\n");
    expect(r.title).toBe("东山县2023年政府信息公开工作年度报告");
    expect(r.agency).toBe("东山县人民政府");
    expect(r.year).toBe(2023);
  });

  it("names the subject of a covering notice that is the only title", () => {
    const r = parseReport("东山县人民政府办公室关于印发东山县2023年政府信息公开工作年度报告的通知\n\n一、总体情况\n\n二、主动公开政府信息情况\n");
    expect(r.agency).toBe("东山县人民政府");
  });

  it("reads full-width digits in the title", () => {
    const r = parseReport("西岭镇２０２２年政府信息公开工作年度报告\n\n一、总体情况\n\n二、主动公开政府信息情况\n");
    expect(r.year).toBe(2022);
    expect(r.agency).toBe("西岭镇人民政府");
  });
});
