import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readDocumentXml } from "../../../src/extract/docx/document-xml.ts";
import { docxToText } from "../../../src/extract/docx/docx-to-text.ts";
import { renderBlocks } from "../../../src/extract/docx/text-blocks.ts";

const NS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`;
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${body}</w:body></w:document>`;
const p = (...runs: string[]) => `<w:p><w:pPr><w:rPr><w:b/></w:rPr></w:pPr>${runs.join("")}</w:p>`;
const r = (t: string) => `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">${t}</w:t></w:r>`;
const tc = (content: string, pr = "") => `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/>${pr}</w:tcPr>${content}</w:tc>`;
const text = (body: string) => {
  const { blocks, textBoxes } = readDocumentXml(doc(body));
  return renderBlocks([...blocks, ...textBoxes]);
};

describe("readDocumentXml", () => {
  it("joins runs, keeps inserted text, drops deleted text and field instructions", () => {
    expect(text(p(r("收到申请"), r("1"), `<w:ins w:id="1"><w:r><w:t>2</w:t></w:r></w:ins>`, `<w:del w:id="2"><w:r><w:delText>9</w:delText></w:r></w:del>`, r("件")))).toBe("收到申请12件\n");
    const field = `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE \\* MERGEFORMAT </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r("7")}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
    expect(text(p(r("共"), field, r("页")))).toBe("共7页\n");
    expect(text(p(`<w:fldSimple w:instr=" NUMPAGES ">${r("3")}</w:fldSimple>`))).toBe("3\n");
  });

  it("renders tabs, breaks, symbols, non-breaking hyphens and entities", () => {
    expect(text(p(r("A"), "<w:r><w:tab/></w:r>", r("B"), "<w:r><w:br/></w:r>", r("C&amp;D"), `<w:r><w:sym w:font="Symbol" w:char="F0B7"/><w:noBreakHyphen/></w:r>`, r("E")))).toBe("A B\nC&D·-E\n");
  });

  it("takes one branch of mc:AlternateContent and appends text boxes after the body", () => {
    const box = (t: string) => `<w:txbxContent>${p(r(t))}</w:txbxContent>`;
    const alt = `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>${box("框内文字")}</w:drawing></mc:Choice><mc:Fallback><w:pict>${box("框内文字")}</w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    expect(text(p(r("正文前"), alt, r("正文后")) + p(r("第二段")))).toBe("正文前正文后\n第二段\n框内文字\n");
  });

  it("lays tables on their grid: gridSpan, vMerge, gridBefore/After, nested tables", () => {
    const grid = `<w:tblGrid><w:gridCol/><w:gridCol/><w:gridCol/><w:gridCol/></w:tblGrid>`;
    const rows = [
      `<w:tr>${tc(p(r("项目")), `<w:vMerge w:val="restart"/>`)}${tc(p(r("申请人情况")), `<w:gridSpan w:val="3"/>`)}</w:tr>`,
      `<w:tr>${tc(p(), "<w:vMerge/>")}${tc(p(r("自然人")))}${tc(p(r("商业企")) + p(r("业")))}${tc(p(r("其他")))}</w:tr>`,
      `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc(p(r("5")))}${tc(p(r("6")))}${tc(p(r("7")))}</w:tr>`,
      `<w:tr><w:trPr><w:gridAfter w:val="2"/></w:trPr>${tc(p(r("合计")))}${tc(`<w:tbl>${`<w:tr>${tc(p(r("a")))}${tc(p(r("b")))}</w:tr><w:tr>${tc(p(r("c")))}${tc(p(r("d")))}</w:tr>`}</w:tbl>` + p())}</w:tr>`,
    ];
    expect(text(p(r("表前")) + `<w:tbl>${grid}${rows.join("")}</w:tbl>` + p(r("表后")))).toBe(
      "表前\n\n项目\t申请人情况\t\t\n\t自然人\t商业企业\t其他\n\t5\t6\t7\n合计\ta b c d\t\t\n\n表后\n");
  });

  it("collapses line breaks in cells (CJK joined, others spaced) and never leaves a tab in a cell", () => {
    const row = `<w:tr>${tc(p(r("法人或"), "<w:r><w:br/></w:r>", r("其他组织")))}${tc(p(r("Total"), "<w:r><w:br/></w:r>", r("count")))}${tc(p(r("x"), "<w:r><w:tab/></w:r>", r("y")))}</w:tr>`;
    expect(text(`<w:tbl>${row}</w:tbl>`)).toBe("法人或其他组织\tTotal count\tx y\n");
  });
});

describe("docxToText package handling", () => {
  it("follows _rels/.rels to a main part that is not word/document.xml", () => {
    const rels = `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document2.xml"/></Relationships>`;
    const bytes = zipSync({ "_rels/.rels": strToU8(rels), "word/document2.xml": strToU8(doc(p(r("主文档")))) });
    expect(docxToText(bytes).text).toBe("主文档\n");
  });
});
