import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../src/extract/extract-document.ts";
import { htmlToText } from "../../../src/extract/html/html-to-text.ts";

// What a portal page states about its article (DocumentText.meta): <meta> tags, the fields of a
// metadata table or line, and which title the extractor put at the top of the text.

const REPORT = "<p>一、总体情况</p><p>正文。</p><p>二、主动公开政府信息情况</p><p>正文。</p>";
const page = (head: string, body: string) => Buffer.from(`<html><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`, "utf8");
const metaOf = (head: string, body: string) => htmlToText(page(head, body), { name: "p.html" }).meta;

describe("page metadata", () => {
  it("reads the TRS <meta> tags", () => {
    const m = metaOf(
      `<title>青山镇2023年政府信息公开工作年度报告_某县人民政府</title><meta name="ArticleTitle" content="青山镇2023年政府信息公开工作年度报告"><meta name="ContentSource" content="青山镇人民政府"><meta name="ColumnName" content="政府信息公开年报"><meta name="PubDate" content="2024-01-20 09:30">`,
      `<div class="TRS_Editor">${REPORT}</div>`,
    );
    expect(m).toMatchObject({
      pageTitle: "青山镇2023年政府信息公开工作年度报告_某县人民政府", articleTitle: "青山镇2023年政府信息公开工作年度报告",
      contentSource: "青山镇人民政府", columnName: "政府信息公开年报", pubDate: "2024-01-20 09:30",
    });
  });

  it("reads a metadata table's label and value cells (gkmlpt, TRS)", () => {
    const m = metaOf("<title>t</title>", `<table><tr><td>索引号：</td><td>123/2024-0001</td><td>发布机构：</td><td>青峰经济开发区管理委员会</td></tr>
      <tr><td>名称：</td><td colspan="3">青峰经济开发区2023年政府信息公开工作年度报告</td></tr><tr><td>发布日期</td><td>2024-01-20</td></tr></table><div class="article-content">${REPORT}</div>`);
    expect(m).toMatchObject({ publisher: "青峰经济开发区管理委员会", articleTitle: "青峰经济开发区2023年政府信息公开工作年度报告", pubDate: "2024-01-20" });
  });

  it("reads inline fields, and a value in the element after its label", () => {
    const m = metaOf("<title>t</title>", `<div class="info">发布时间：2024-01-20 09:30 来源：青山镇人民政府 浏览次数：12</div><p>发布机构：<a href="/">青山镇人民政府</a></p>${REPORT}`);
    expect(m).toMatchObject({ contentSource: "青山镇人民政府", publisher: "青山镇人民政府", pubDate: "2024-01-20" });
  });

  it("takes no field from words inside a sentence (资金来源：…)", () => {
    const m = metaOf("<title>t</title>", `<p>项目资金来源：财政拨款。</p>${REPORT}`);
    expect(m?.contentSource).toBeUndefined();
  });

  it("reads UCAP's <ucaptitle>", () => {
    expect(metaOf("<title>t</title>", `<ucaptitle>西山县2020年政府信息公开工作年度报告</ucaptitle><div id="UCAP-CONTENT">${REPORT}</div>`)?.articleTitle)
      .toBe("西山县2020年政府信息公开工作年度报告");
  });

  it("says which title it put at the top of the text", () => {
    expect(metaOf("<title>青山镇2023年政府信息公开工作年度报告_某县</title>", `<div>${REPORT}</div>`)?.addedTitle).toBe("page_title");
    expect(metaOf("<title>x</title>", `<h1>青山镇2023年政府信息公开工作年度报告</h1><div class="TRS_Editor">${REPORT}</div>`)?.addedTitle).toBe("heading");
    expect(metaOf("<title>x</title>", `<div><p>青山镇2023年政府信息公开工作年度报告</p>${REPORT}</div>`)?.addedTitle).toBeUndefined();
  });
});

describe("page metadata in the record", () => {
  it("gives the agency from ArticleTitle when the body's title lost its first line", async () => {
    const bytes = page(`<title>青峰镇2018年度政府信息公开工作年度报告</title><meta name="ArticleTitle" content="青峰镇2018年度政府信息公开工作年度报告">`,
      `<h1>政府信息公开工作年度报告</h1><div class="TRS_Editor">${REPORT}</div>`);
    const { record } = await extractDocument(bytes, { name: "p.html" });
    expect(record).toMatchObject({ agency: "青峰镇人民政府", year: 2018, title: "青峰镇2018年度政府信息公开工作年度报告" });
    expect(record.source).toMatchObject({ format: "html", evidence: { title: "article_title", agency: "article_title", year: "article_title" }, names: ["青峰镇人民政府"] });
  });
});
