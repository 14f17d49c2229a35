import { describe, expect, it } from "vitest";
import { parseReport } from "../../../src/extract/parse/parse-report.ts";

// Metadata from evidence: which statement each field comes from, in the documented order
// (docs/metadata.md), and the names of the body the record carries.

const PARTS = "\n\n一、总体情况\n\n正文。\n\n二、主动公开政府信息情况\n\n正文。\n";
const meta = (text: string, input?: Parameters<typeof parseReport>[1]) => {
  const r = parseReport(text, input);
  return { title: r.title, agency: r.agency, year: r.year, evidence: r.source?.evidence, names: r.source?.names, warnings: r.warnings, kind: r.kind };
};

describe("the body's title", () => {
  it("joins a title split after its year (某镇2018年度 / 政府信息公开工作年度报告)", () => {
    expect(meta(`青峰镇2018年度\n政府信息公开工作年度报告${PARTS}`)).toMatchObject({
      title: "青峰镇2018年度政府信息公开工作年度报告", agency: "青峰镇人民政府", year: 2018,
      evidence: { title: "title_split", agency: "title_split", year: "title_split" },
    });
  });

  it("joins three pieces, and pieces separated by blank lines (a page break)", () => {
    expect(meta(`青峰镇人民政府\n\n2018年度\n\n政府信息公开工作年度报告${PARTS}`)).toMatchObject({ title: "青峰镇人民政府2018年度政府信息公开工作年度报告", agency: "青峰镇人民政府" });
  });

  it("takes a bracketed year on the line after the title", () => {
    expect(meta(`东山县政府信息公开工作年度报告\n（2023年度）${PARTS}`)).toMatchObject({ agency: "东山县人民政府", year: 2023, evidence: { title: "title_split" } });
  });

  it("does not join lines that are not pieces of a title", () => {
    expect(meta(`附件1\n2023年政府信息公开工作年度报告${PARTS}`)).toMatchObject({ title: "2023年政府信息公开工作年度报告", agency: null });
    expect(meta(`2024年1月20日\n政府信息公开工作年度报告${PARTS}`)).toMatchObject({ title: "政府信息公开工作年度报告", year: null });
    expect(meta(`首页\n政府信息公开年报${PARTS}`).title).toBe("政府信息公开年报");
  });

  it("names a covering notice's subject when the notice is the only title", () => {
    expect(meta(`东山县人民政府办公室关于印发东山县2023年政府信息公开工作年度报告的通知${PARTS}`)).toMatchObject({
      kind: "annual_report", title: "东山县2023年政府信息公开工作年度报告", agency: "东山县人民政府", evidence: { title: "notice", agency: "notice" },
    });
  });
});

describe("the page's statements and the signature", () => {
  it("takes the page's ArticleTitle when the body's title names no body and no year", () => {
    expect(meta(`政府信息公开工作年度报告${PARTS}`, { meta: { articleTitle: "青峰镇2018年度政府信息公开工作年度报告" } })).toMatchObject({
      title: "青峰镇2018年度政府信息公开工作年度报告", agency: "青峰镇人民政府", year: 2018,
      evidence: { title: "article_title", agency: "article_title", year: "article_title" },
    });
  });

  it("takes the report's segment of <title>, never the site's name after it", () => {
    const r = meta(`2023年政府信息公开工作年度报告${PARTS}`, { meta: { pageTitle: "政府信息公开年报_东山县人民政府" } });
    expect(r).toMatchObject({ agency: null, year: 2023 });
    expect(r.warnings.join()).toContain("agency not found");
  });

  it("takes a township's fuller name from its signature, and keeps both names", () => {
    expect(meta(`西安镇2023年政府信息公开工作年度报告${PARTS}\n海原县西安镇人民政府\n2024年1月20日`)).toMatchObject({
      agency: "海原县西安镇人民政府", evidence: { agency: "signature" }, names: ["海原县西安镇人民政府", "西安镇人民政府"],
    });
  });

  it("keeps a county government's report the government's when its office signs it", () => {
    expect(meta(`东山县2023年政府信息公开工作年度报告${PARTS}\n东山县人民政府办公室\n2024年1月20日`)).toMatchObject({
      agency: "东山县人民政府", evidence: { agency: "title" }, names: ["东山县人民政府"],
    });
  });

  it("takes a zone's 管委会 from the page's 发布机构 field", () => {
    expect(meta(`青峰经济开发区2023年政府信息公开工作年度报告${PARTS}`, { meta: { publisher: "青峰经济开发区管理委员会" } })).toMatchObject({
      agency: "青峰经济开发区管理委员会", evidence: { agency: "publisher" }, names: ["青峰经济开发区管理委员会", "青峰经济开发区"],
    });
  });

  it("leaves out of the names a 发布机构 that is another body (the county office posting a township's report)", () => {
    expect(meta(`青山镇2023年政府信息公开工作年度报告${PARTS}`, { meta: { publisher: "东山县人民政府办公室", contentSource: "青山镇" } })).toMatchObject({
      agency: "青山镇人民政府", evidence: { agency: "title" }, names: ["青山镇人民政府"],
    });
  });

  it("takes the agency from a page field only when nothing else names the body, and says so", () => {
    const r = meta(`2023年政府信息公开工作年度报告${PARTS}`, { meta: { contentSource: "青山镇人民政府" } });
    expect(r).toMatchObject({ agency: "青山镇人民政府", evidence: { agency: "content_source" } });
    expect(r.warnings.join()).toContain("来源 field");
  });

  it("refuses page fields that are not names (本站, a site, an abbreviation)", () => {
    for (const contentSource of ["本站", "原创", "县政府办", "东山县人民政府门户网站"]) {
      expect(meta(`2023年政府信息公开工作年度报告${PARTS}`, { meta: { contentSource } }).agency).toBeNull();
    }
  });

  it("warns when the page's title names another year or body than the report's", () => {
    const r = meta(`青山镇2023年政府信息公开工作年度报告${PARTS}`, { meta: { articleTitle: "白石镇2022年政府信息公开工作年度报告" } });
    expect(r.agency).toBe("青山镇人民政府");
    expect(r.warnings.join("\n")).toContain("article title says 2022");
    expect(r.warnings.join("\n")).toContain("names 白石镇人民政府");
  });
});

describe("the crawler's context: the weakest evidence", () => {
  const context = { title: "青山镇2023年政府信息公开工作年度报告", publisher: "青山镇人民政府" };

  it("is not used for what the document states", () => {
    expect(meta(`白石镇2023年政府信息公开工作年度报告${PARTS}`, { context })).toMatchObject({ agency: "白石镇人民政府", names: ["白石镇人民政府"], evidence: { agency: "title" } });
  });

  it("fills what the document does not state, marked and warned", () => {
    const r = meta(`政府信息公开工作年度报告${PARTS}`, { context });
    expect(r).toMatchObject({ agency: "青山镇人民政府", year: 2023, evidence: { title: "title", agency: "context", year: "context" } });
    expect(r.warnings.join("\n")).toMatch(/agency from the page that linked the document/);
  });

  it("gives the title when the document states none", () => {
    expect(meta("一、总体情况\n\n正文。\n\n二、主动公开政府信息情况\n\n正文。\n", { context })).toMatchObject({ title: context.title, evidence: { title: "context" } });
  });
});

describe("the reported year", () => {
  it("falls back to the statistics period, never to a date something takes effect", () => {
    expect(meta(`政府信息公开工作年度报告${PARTS}本报告统计期限为2023年1月1日至2023年12月31日。`)).toMatchObject({ year: 2023, evidence: { year: "period" } });
    expect(meta(`政府信息公开工作年度报告${PARTS}《条例》自2024年1月1日起施行。`).year).toBeNull();
  });

  it("keeps the title's year and warns when the statistics period names another", () => {
    const r = meta(`青山镇2024年政府信息公开工作年度报告${PARTS}统计期限为2023年1月1日至2023年12月31日。`);
    expect(r.year).toBe(2024);
    expect(r.warnings.join()).toContain("statistics period 2023");
  });
});
