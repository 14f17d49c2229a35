import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { docxToText } from "../../../src/extract/docx/docx-to-text.ts";
import { formatNumber } from "../../../src/extract/docx/number-format.ts";
import { readNumbering } from "../../../src/extract/docx/numbering.ts";
import { resolveTarget } from "../../../src/extract/docx/part-rels.ts";
import { readStyles, styleNumbering } from "../../../src/extract/docx/styles.ts";
import { parseReport } from "../../../src/extract/parse/parse-report.ts";
import { deflatedZeros, makeZip } from "../zip/make-zip.ts";
import { canonicalTables, type Expected } from "./canonical-tables.ts";

const W = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"`;
const documentXml = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const numberingXml = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${inner}</w:numbering>`;
const stylesXml = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${inner}</w:styles>`;

interface Lvl { fmt?: string; text?: string; start?: number; suff?: string; restart?: number; legal?: boolean; style?: string }
const lvl = (ilvl: number, l: Lvl) => `<w:lvl w:ilvl="${ilvl}">${l.start === undefined ? `<w:start w:val="1"/>` : `<w:start w:val="${l.start}"/>`}`
  + `<w:numFmt w:val="${l.fmt ?? "decimal"}"/>${l.style ? `<w:pStyle w:val="${l.style}"/>` : ""}${l.restart === undefined ? "" : `<w:lvlRestart w:val="${l.restart}"/>`}`
  + `${l.legal ? "<w:isLgl/>" : ""}${l.suff ? `<w:suff w:val="${l.suff}"/>` : ""}<w:lvlText w:val="${l.text ?? `%${ilvl + 1}.`}"/><w:lvlJc w:val="left"/>`
  + `<w:pPr><w:ind w:left="420" w:hanging="420"/></w:pPr><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr></w:lvl>`;
const abstractNum = (id: number, ...levels: Lvl[]) => `<w:abstractNum w:abstractNumId="${id}"><w:multiLevelType w:val="multilevel"/>${levels.map((l, i) => lvl(i, l)).join("")}</w:abstractNum>`;
const num = (numId: number, abstractId: number, overrides = "") => `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${overrides}</w:num>`;
const startOverride = (ilvl: number, start: number) => `<w:lvlOverride w:ilvl="${ilvl}"><w:startOverride w:val="${start}"/></w:lvlOverride>`;

interface P { numId?: number; ilvl?: number; style?: string; extraPr?: string }
const p = (text: string, o: P = {}) => {
  const numPr = o.numId === undefined && o.ilvl === undefined ? ""
    : `<w:numPr>${o.ilvl === undefined ? "" : `<w:ilvl w:val="${o.ilvl}"/>`}${o.numId === undefined ? "" : `<w:numId w:val="${o.numId}"/>`}</w:numPr>`;
  return `<w:p><w:pPr>${o.style ? `<w:pStyle w:val="${o.style}"/>` : ""}${numPr}${o.extraPr ?? ""}<w:spacing w:line="560"/><w:rPr><w:b/></w:rPr></w:pPr>`
    + (text ? `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>` : "") + `</w:p>`;
};
const style = (id: string, inner: string, extra = "") => `<w:style w:type="paragraph" w:styleId="${id}"${extra}><w:name w:val="${id}"/>${inner}</w:style>`;

interface Parts { numbering?: string; styles?: string; rels?: string; numberingPath?: string }
function docx(body: string, parts: Parts = {}): Uint8Array {
  const files: Record<string, Uint8Array> = { "word/document.xml": strToU8(documentXml(body)) };
  if (parts.numbering !== undefined) files[parts.numberingPath ?? "word/numbering.xml"] = strToU8(numberingXml(parts.numbering));
  if (parts.styles !== undefined) files["word/styles.xml"] = strToU8(stylesXml(parts.styles));
  if (parts.rels !== undefined) files["word/_rels/document.xml.rels"] = strToU8(parts.rels);
  return zipSync(files);
}
const lines = (body: string, parts: Parts = {}) => docxToText(docx(body, parts)).text.trimEnd().split("\n");

/** The usual outline of a Chinese report: 一、 / （一） / 1. */
const OUTLINE = abstractNum(0, { fmt: "chineseCounting", text: "%1、", suff: "nothing" }, { fmt: "chineseCounting", text: "（%2）", suff: "nothing" }, { fmt: "decimal", text: "%3." });

describe("formatNumber", () => {
  it.each([
    ["chineseCounting", [1, 6, 10, 11, 20, 21, 99], ["一", "六", "十", "十一", "二十", "二十一", "九十九"]],
    ["chineseCountingThousand", [1, 10, 15, 100, 101, 110, 1000, 1010, 10000], ["一", "十", "十五", "一百", "一百〇一", "一百一十", "一千", "一千〇一十", "一万"]],
    ["japaneseCounting", [10, 100, 111, 230], ["十", "百", "百十一", "二百三十"]],
    ["chineseLegalSimplified", [3, 10, 23], ["叁", "壹拾", "贰拾叁"]],
    ["ideographTraditional", [1, 4, 10, 11], ["甲", "丁", "癸", "甲"]],
    ["ideographZodiac", [1, 12, 13], ["子", "亥", "子"]],
    ["decimalEnclosedCircleChinese", [1, 3, 20, 21, 50], ["①", "③", "⑳", "㉑", "㊿"]],
    ["decimalFullWidth", [7, 12], ["７", "１２"]],
    ["decimalEnclosedParen", [2], ["⑵"]],
    ["decimalEnclosedFullstop", [2], ["⒉"]],
    ["upperLetter", [1, 26, 27, 28], ["A", "Z", "AA", "BB"]],
    ["lowerLetter", [3], ["c"]],
    ["upperRoman", [4, 9, 14, 1994], ["IV", "IX", "XIV", "MCMXCIV"]],
    ["lowerRoman", [3, 40], ["iii", "xl"]],
    ["decimalZero", [7, 12], ["07", "12"]],
    ["ordinal", [1, 2, 3, 4, 11, 22], ["1st", "2nd", "3rd", "4th", "11th", "22nd"]],
    ["none", [3], [""]],
    ["someFutureFormat", [3], ["3"]],
  ] as const)("%s", (fmt, values, expected) => {
    expect(values.map((n) => formatNumber(n, fmt))).toEqual(expected);
  });
});

describe("readNumbering and readStyles", () => {
  it("reads levels, instances, overrides and a zero-padded custom format", () => {
    const custom = `<w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="3"/><mc:AlternateContent><mc:Choice Requires="w14"><w:numFmt w:val="custom" w:format="001, 002, 003, ..."/></mc:Choice><mc:Fallback><w:numFmt w:val="decimal"/></mc:Fallback></mc:AlternateContent><w:lvlText w:val="%1"/></w:lvl></w:abstractNum>`;
    const n = readNumbering(numberingXml(OUTLINE + custom + num(1, 0, startOverride(1, 4)) + num(2, 7)));
    expect(n.abstracts.get("0")!.levels.map((l) => [l!.numFmt, l!.text, l!.suffix])).toEqual([
      ["chineseCounting", "%1、", "nothing"], ["chineseCounting", "（%2）", "nothing"], ["decimal", "%3.", "tab"]]);
    expect(n.abstracts.get("7")!.levels[0]).toMatchObject({ start: 3, numFmt: "decimal", pad: 3 });
    expect(n.instances.get("1")).toEqual({ abstractId: "0", overrides: new Map([[1, { start: 4 }]]) });
  });

  it("follows basedOn chains for a style's list, ignoring cycles and superseded properties", () => {
    const styles = readStyles(stylesXml(
      style("Normal", "", ` w:default="1"`)
      + style("Base", `<w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr>`)
      + style("Mid", `<w:basedOn w:val="Base"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr>`)
      + style("Top", `<w:basedOn w:val="Mid"/><w:pPr><w:pPrChange w:id="1"><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange></w:pPr>`)
      + style("LoopA", `<w:basedOn w:val="LoopB"/>`) + style("LoopB", `<w:basedOn w:val="LoopA"/>`)));
    expect(styles.defaultParagraph).toBe("Normal");
    expect(styleNumbering(styles, "Top")).toEqual({ numId: "5", ilvl: 1 });
    expect(styleNumbering(styles, "LoopA")).toEqual({});
    expect(styleNumbering(styles, "Missing")).toEqual({});
  });

  it("resolves relationship targets against the part's folder", () => {
    expect(resolveTarget("word/document.xml", "numbering.xml")).toBe("word/numbering.xml");
    expect(resolveTarget("word/document.xml", "../custom/lists.xml")).toBe("custom/lists.xml");
    expect(resolveTarget("word/document.xml", "/word/x.xml")).toBe("word/x.xml");
  });
});

describe("docxToText renders automatic numbering", () => {
  it("numbers a Chinese outline: 一、/（一）/1., lower levels restarting when a higher one advances", () => {
    const body = [
      p("总体情况", { numId: 1, ilvl: 0 }), p("主动公开", { numId: 1, ilvl: 1 }), p("依申请公开", { numId: 1, ilvl: 1 }),
      p("正文段落，没有编号。"), p("第一项", { numId: 1, ilvl: 2 }), p("第二项", { numId: 1, ilvl: 2 }),
      p("主动公开政府信息情况", { numId: 1, ilvl: 0 }), p("规章", { numId: 1, ilvl: 1 }), p("第一项", { numId: 1, ilvl: 2 }),
    ].join("");
    expect(lines(body, { numbering: OUTLINE + num(1, 0) })).toEqual([
      "一、总体情况", "（一）主动公开", "（二）依申请公开", "正文段落，没有编号。", "1. 第一项", "2. 第二项",
      "二、主动公开政府信息情况", "（一）规章", "1. 第一项",
    ]);
  });

  it("continues instances that share an abstract list; startOverride restarts where the instance is first used", () => {
    const numbering = abstractNum(3, { text: "%1." , suff: "nothing" }) + num(1, 3) + num(2, 3) + num(3, 3, startOverride(0, 1)) + num(4, 3, startOverride(0, 5));
    const body = [p("甲", { numId: 1 }), p("乙", { numId: 1 }), p("丙", { numId: 2 }), p("丁", { numId: 3 }), p("戊", { numId: 3 }), p("己", { numId: 1 }), p("庚", { numId: 4 })].join("");
    expect(lines(body, { numbering })).toEqual(["1.甲", "2.乙", "3.丙", "1.丁", "2.戊", "3.己", "5.庚"]);
  });

  it("takes the list from the style chain, lets the paragraph override it, and treats numId 0 as none", () => {
    const styles = style("Normal", "", ` w:default="1"`)
      + style("NumberedBase", `<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>`)
      + style("SectionBase", `<w:basedOn w:val="NumberedBase"/>`)
      + style("SectionHeading", `<w:basedOn w:val="SectionBase"/><w:next w:val="Normal"/>`);
    const body = [
      p("总体情况", { style: "SectionHeading" }), p("主动公开", { style: "SectionHeading", ilvl: 1 }),
      p("不编号的标题", { style: "SectionHeading", numId: 0 }), p("收到和处理政府信息公开申请情况", { style: "SectionHeading" }),
      p("普通段落"),
    ].join("");
    expect(lines(body, { numbering: OUTLINE + num(1, 0), styles })).toEqual([
      "一、总体情况", "（一）主动公开", "不编号的标题", "二、收到和处理政府信息公开申请情况", "普通段落"]);
  });

  it("finds the level of a styled paragraph from the level's w:pStyle", () => {
    const numbering = abstractNum(0, { fmt: "chineseCounting", text: "%1、", suff: "nothing", style: "Heading1" }, { fmt: "chineseCounting", text: "（%2）", suff: "nothing", style: "Heading2" }) + num(1, 0);
    const styles = style("Heading1", `<w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr>`) + style("Heading2", `<w:basedOn w:val="Heading1"/>`);
    expect(lines(p("总体情况", { style: "Heading1" }) + p("主动公开", { style: "Heading2" }) + p("依申请公开", { style: "Heading2" }), { numbering, styles }))
      .toEqual(["一、总体情况", "（一）主动公开", "（二）依申请公开"]);
  });

  it("writes multi-level labels, legal numbering, lvlRestart 0 and start values", () => {
    const plain = abstractNum(0, { fmt: "chineseCounting", text: "%1、", suff: "nothing" }, { text: "%1.%2" }, { text: "%1.%2.%3", legal: true });
    const noRestart = abstractNum(1, { fmt: "upperRoman", text: "%1.", start: 3 }, { fmt: "lowerLetter", text: "(%2)", restart: 0, suff: "space" });
    const body = [
      p("总体情况", { numId: 1, ilvl: 0 }), p("第一节", { numId: 1, ilvl: 1 }), p("第一目", { numId: 1, ilvl: 2 }),
      p("Alpha", { numId: 2, ilvl: 0 }), p("first", { numId: 2, ilvl: 1 }), p("Beta", { numId: 2, ilvl: 0 }), p("second", { numId: 2, ilvl: 1 }),
    ].join("");
    expect(lines(body, { numbering: plain + noRestart + num(1, 0) + num(2, 1) })).toEqual([
      "一、总体情况", "一.1 第一节", "1.1.1 第一目", "III. Alpha", "(a) first", "IV. Beta", "(b) second"]);
  });

  it("puts no space after CJK or full-width labels or suff nothing, one space otherwise", () => {
    const numbering = abstractNum(0, { text: "（%1）" }) + abstractNum(1, { fmt: "decimalEnclosedCircleChinese", text: "%1" })
      + abstractNum(2, { text: "%1.", suff: "space" }) + abstractNum(3, { text: "%1.", suff: "nothing" })
      + abstractNum(4, { fmt: "ideographTraditional", text: "%1." }) + num(1, 0) + num(2, 1) + num(3, 2) + num(4, 3) + num(5, 4);
    const body = [p("予以公开", { numId: 1 }), p("部分公开", { numId: 2 }), p("属于国家秘密", { numId: 3 }), p("重复申请", { numId: 4 }), p("天干", { numId: 5 })].join("");
    expect(lines(body, { numbering })).toEqual(["（1）予以公开", "①部分公开", "1. 属于国家秘密", "1.重复申请", "甲.天干"]);
  });

  it("renders bullets (symbol-font characters as •), numbers empty paragraphs and ignores superseded numPr", () => {
    const numbering = `<w:abstractNum w:abstractNumId="9"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf06c"/></w:lvl></w:abstractNum>`
      + abstractNum(0, { text: "%1.", suff: "nothing" }) + num(1, 9) + num(2, 0);
    const changed = `<w:pPrChange w:id="4" w:author="a"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr></w:pPrChange>`;
    const body = [p("要点", { numId: 1 }), p("一", { numId: 2 }), p("", { numId: 2 }), p("三", { numId: 2 }), p("改过格式的段落", { extraPr: changed })].join("");
    expect(lines(body, { numbering })).toEqual(["• 要点", "1.一", "2.", "3.三", "改过格式的段落"]);
  });

  it("numbers paragraphs inside table cells", () => {
    const tc = (content: string) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${content}</w:tc>`;
    const rows = ["属于国家秘密", "其他法律行政法规禁止公开"].map((label, i) => `<w:tr>${tc(p(label, { numId: 1 }))}${tc(p(String(i + 3)))}</w:tr>`).join("");
    const numbering = abstractNum(0, { text: "%1.", suff: "nothing" }) + num(1, 0);
    expect(docxToText(docx(`<w:tbl><w:tblGrid><w:gridCol/><w:gridCol/></w:tblGrid>${rows}</w:tbl>`, { numbering })).text)
      .toBe("1.属于国家秘密\t3\n2.其他法律行政法规禁止公开\t4\n");
  });

  it("finds the numbering part through the main part's relationships", () => {
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="lists/outline.xml"/></Relationships>`;
    expect(lines(p("总体情况", { numId: 1, ilvl: 0 }), { numbering: OUTLINE + num(1, 0), numberingPath: "word/lists/outline.xml", rels })).toEqual(["一、总体情况"]);
  });

  it("leaves paragraphs unnumbered when there is no numbering part, the list is unknown, or the level undefined", () => {
    expect(lines(p("总体情况", { numId: 1, ilvl: 0 }))).toEqual(["总体情况"]);
    expect(lines(p("总体情况", { numId: 8, ilvl: 0 }) + p("主动公开", { numId: 1, ilvl: 6 }), { numbering: OUTLINE + num(1, 0) })).toEqual(["总体情况", "主动公开"]);
  });

  it("reads the text, with a warning, when the numbering part is a bomb", () => {
    const main = strToU8(documentXml(p("总体情况", { numId: 1, ilvl: 0 })));
    const bytes = makeZip([
      { name: "word/document.xml", method: 0, data: main, uncompressedSize: main.length },
      { name: "word/numbering.xml", method: 8, data: deflatedZeros(1), uncompressedSize: 900 },
    ]);
    const result = docxToText(bytes, { name: "bomb.docx" });
    expect(result.text).toBe("总体情况\n");
    expect(result.warnings).toEqual([expect.stringMatching(/^word\/numbering\.xml unreadable \(entry word\/numbering\.xml inflates beyond its declared 900 bytes\) and was skipped/)]);
  });

  it("labels 20 000 numbered paragraphs quickly", () => {
    const body = Array.from({ length: 20000 }, (_, i) => p(`第${i}段`, { numId: 1, ilvl: i % 3 })).join("");
    const bytes = docx(body, { numbering: OUTLINE + num(1, 0) });
    const t0 = performance.now();
    const text = docxToText(bytes).text.split("\n");
    const ms = performance.now() - t0;
    expect(text[0]).toBe("一、第0段");
    expect(text[19998]).toBe(`${formatNumber(6667, "chineseCounting")}、第19998段`);
    expect(text[19999]).toBe("（一）第19999段");
    expect(ms).toBeLessThan(3000);
  });
});

describe("docxToText(report-2021-numbered.docx): headings numbered by Word", () => {
  const dir = new URL("../../fixtures/docx/", import.meta.url);
  const bytes = new Uint8Array(readFileSync(new URL("report-2021-numbered.docx", dir)));
  const expected = JSON.parse(readFileSync(new URL("report-2021-numbered.expected.json", dir), "utf8")) as Expected;
  const { text, warnings } = docxToText(bytes, { name: "report-2021-numbered.docx" });
  const textLines = text.split("\n");

  it("the fixture really relies on numbering: its document.xml has no typed section numbers", () => {
    const xml = strFromU8(unzipSync(bytes, { filter: (f) => f.name === "word/document.xml" })["word/document.xml"]);
    expect(xml).toContain(">总体情况<");
    for (const typed of ["一、总体情况", "六、其他需要报告的事项", "（一）主动公开", "（二）改进情况", "1.加强政策解读", "1. 加强政策解读"]) expect(xml).not.toContain(typed);
    expect(warnings).toEqual([]);
  });

  it("writes the six section headings with their numbers, from the style chain", () => {
    const headings = ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况", "六、其他需要报告的事项"];
    expect(textLines.filter((l) => /^[一二三四五六]、/.test(l) && !l.includes("\t"))).toEqual(headings);
    expect(textLines[0]).toBe(expected.title);
  });

  it("numbers the sub-headings （一）… and restarts them under 五, with items 1. 2. 3.", () => {
    const subs = textLines.filter((l) => /^（[一二三四五六七八九十]+）/.test(l));
    expect(subs).toEqual(["（一）主动公开", "（二）依申请公开", "（三）政府信息管理", "（四）平台建设", "（五）监督保障", "（一）存在的主要问题", "（二）改进情况"]);
    const five = textLines.indexOf("（二）改进情况");
    expect(textLines.slice(five + 2, five + 5)).toEqual(["1. 加强政策解读", "2. 完善依申请公开办理流程", "3. 强化业务培训"]);
  });

  it("leaves the tables as they are", () => {
    const tables = canonicalTables(text);
    expect(tables).toEqual(expected.tables);
  });

  it("lets parseReport find the six sections and every table value", () => {
    const record = parseReport(text);
    expect(record.sections.map((s) => s.number)).toEqual(["一", "二", "三", "四", "五", "六"]);
    expect(record.sections[0].title).toBe("总体情况");
    expect(record.sections[0].text).toContain("（五）监督保障");
    expect(record.sections[4].text).toContain("（二）改进情况");
    expect(record.values).toEqual(expected.values);
    expect(record.agency).toBe(expected.agency);
    expect(record.year).toBe(expected.year);
  });
});
