import { describe, expect, it } from "vitest";
import { htmlToText } from "../../../src/extract/html/html-to-text.ts";
import { ExtractError } from "../../../src/extract/extract-error.ts";

const text = (html: string) => htmlToText(new TextEncoder().encode(html), { name: "t.html" }).text;
/** A page with enough report prose around `inner` to be found as the content. */
const PROSE = "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全面推进决策、执行、管理、服务、结果公开，持续提升政务公开质量和实效。";
const article = (inner: string) => `<html><body><div class="nav"><a href="/">首页</a><a>政务公开</a><a>互动交流</a></div>
<div class="TRS_Editor"><p>${PROSE}</p>${inner}<p>${PROSE}</p></div><div class="footer">版权所有：某某市人民政府</div></body></html>`;
const lines = (t: string) => t.split("\n");

describe("htmlToText: inline text", () => {
  it("joins numbers split across spans and fonts without spaces", () => {
    const t = text(article(`<table><tr><td>行政许可</td><td><span lang=EN-US>3</span><span lang=EN-US>0</span></td></tr>
<tr><td>行政处罚</td><td><font face="Times New Roman">1</font><span\nlang=EN-US>2<o:p></o:p></span></td></tr></table>`));
    expect(lines(t)).toContain("行政许可\t30");
    expect(lines(t)).toContain("行政处罚\t12");
  });

  it("never adds spaces at inline elements and trims &nbsp; and full-width indentation", () => {
    const t = text(article(`<p>&nbsp;&nbsp;　　<span>全年</span><b>公开</b><a href="#">信息</a><span lang=EN-US>1</span><span lang=EN-US>23</span>条&nbsp;</p>`));
    expect(lines(t)).toContain("全年公开信息123条");
  });

  it("drops a source line break between CJK characters and keeps it as a space elsewhere", () => {
    const t = text(article(`<p>全年主动\n公开信息</p><p>Open\ngovernment data</p>`));
    expect(lines(t)).toContain("全年主动公开信息");
    expect(lines(t)).toContain("Open government data");
  });

  it("breaks lines at block elements and <br>, one paragraph per line with blank lines between", () => {
    const t = text(article(`<div>第一段<br>第二段</div><h2>二、主动公开政府信息情况</h2><ul><li>甲项</li><li>乙项</li></ul>`));
    expect(t).toContain("\n\n第一段\n\n第二段\n\n二、主动公开政府信息情况\n\n甲项\n\n乙项\n\n");
  });
});

describe("htmlToText: tables", () => {
  it("expands rowspan and colspan into a grid with the merged text in its top-left slot", () => {
    const t = text(article(`<table>
<tr><td rowspan=2 colspan=2>信息内容</td><td colspan=2>申请人情况</td></tr>
<tr><td>自然人</td><td>总计</td></tr>
<tr><td rowspan=2>三、本年度办理结果</td><td>（一）予以公开</td><td>5</td><td>7</td></tr>
<tr><td>（二）部分公开</td><td>1</td><td>1</td></tr></table>`));
    expect(t).toContain([
      "信息内容\t\t申请人情况\t",
      "\t\t自然人\t总计",
      "三、本年度办理结果\t（一）予以公开\t5\t7",
      "\t（二）部分公开\t1\t1",
    ].join("\n"));
  });

  it("joins a cell's lines (<br>, <p>) without a space between CJK and with one otherwise; no tabs in cells", () => {
    const t = text(article(`<table><tr><td>商业企<br>业</td><td><p>科研</p><p>机构</p></td><td>A<br>B</td><td>x\ty</td></tr>
<tr><td>1</td><td>2</td><td>3</td><td>4</td></tr></table>`));
    expect(lines(t)).toContain("商业企业\t科研机构\tA B\tx y");
    expect(lines(t)).toContain("1\t2\t3\t4");
  });

  it("drops rows that are entirely empty and pads short rows", () => {
    const t = text(article(`<table><tr><td>规章</td><td>1</td><td>2</td></tr><tr><td>&nbsp;</td><td><p><o:p>&nbsp;</o:p></p></td><td></td></tr><tr><td>行政规范性文件</td><td>3</td></tr></table>`));
    expect(t).toContain("规章\t1\t2\n行政规范性文件\t3\t\n");
  });

  it("stops a rowspan at the last row and reads rowspan=0 to the end", () => {
    const t = text(article(`<table><tr><td rowspan=9>甲</td><td>1</td></tr><tr><td>2</td></tr></table><table><tr><td rowspan=0>乙</td><td>3</td></tr><tr><td>4</td></tr><tr><td>5</td></tr></table>`));
    expect(t).toContain("甲\t1\n\t2\n");
    expect(t).toContain("乙\t3\n\t4\n\t5\n");
  });

  it("puts a blank line before and after a table", () => {
    const t = text(article(`<p>表前</p><table><tr><td>规章</td><td>1</td></tr></table><p>表后</p>`));
    expect(t).toContain("表前\n\n规章\t1\n\n表后");
  });

  it("flattens a layout table (a cell holding another table) and keeps its inner data table", () => {
    const t = text(`<html><body><table><tr><td class="left"><a href="/1">机构设置</a><a href="/2">政策法规</a><a href="/3">年度报告</a></td>
<td><p>${PROSE}</p><p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>1</td><td>2</td></tr></table><p>${PROSE}</p></td></tr></table></body></html>`);
    expect(t).toContain(`${PROSE}\n\n二、主动公开政府信息情况\n\n规章\t1\t2\n\n${PROSE}`);
    expect(t).not.toContain("机构设置");
  });

  it("flattens a single-column table as paragraphs", () => {
    const t = text(article(`<table><tr><td>一、总体情况</td></tr><tr><td>${PROSE}</td></tr></table>`));
    expect(t).toContain(`一、总体情况\n\n${PROSE}`);
  });

  it("survives sloppy markup: unclosed cells, rows and paragraphs, a stray </div> in a cell", () => {
    const t = text(article(`<table border=1><tr><td>规章<td><p>1<td>2\n<tr><td>行政规范性文件<td>3</div><td>4</table>`));
    expect(t).toContain("规章\t1\t2\n行政规范性文件\t3\t4");
  });
});

describe("htmlToText: what never reaches the text", () => {
  it("drops scripts, styles, comments, hidden elements and embedded objects", () => {
    const t = text(article(`<script>var a = "脚本";</script><style>p{color:red}</style><noscript>无脚本</noscript>
<template><p>模板</p></template><iframe src="x">框架</iframe><object>对象</object><svg><text>图形</text></svg>
<!-- 注释 --><div style="DISPLAY: none">隐藏</div><span style="display:none;mso-hide:all">修订</span><p hidden>属性隐藏</p><p>可见</p>`));
    for (const w of ["脚本", "color", "无脚本", "模板", "框架", "对象", "图形", "注释", "隐藏", "修订", "属性隐藏"]) expect(t).not.toContain(w);
    expect(lines(t)).toContain("可见");
  });

  it("removes share, print, previous/next and meta lines inside the content element", () => {
    const t = text(article(`<div class="info">发布时间：2024-01-20 来源：本站</div><div class="bdsharebuttonbox">分享到：<a>微信</a></div>
<p><a href="javascript:print()">【打印本页】</a> <a>【关闭窗口】</a></p><p>上一篇：<a href="/1">某某通知</a></p>`));
    for (const w of ["发布时间", "分享到", "打印本页", "关闭窗口", "上一篇", "首页", "版权所有"]) expect(t).not.toContain(w);
  });

  it("keeps report prose that mentions 首页 or 网站", () => {
    const p = "在政府门户网站首页开设政府信息公开专栏，及时更新政策文件，方便群众查阅。";
    expect(lines(text(article(`<p>${p}</p>`)))).toContain(p);
  });
});

describe("htmlToText: finding the content", () => {
  it("finds the article by density when no known container is present", () => {
    const nav = Array.from({ length: 12 }, (_, i) => `<li><a href="/${i}">栏目名称${i}</a></li>`).join("");
    const t = text(`<html><body><ul class="menu">${nav}</ul><div class="x1"><div class="x2"><p>${PROSE}</p><p>${PROSE}</p><p>二、主动公开</p></div></div>
<div class="x3">地址：人民路一号 电话：12345678</div></body></html>`);
    expect(t).toBe(`${PROSE}\n\n${PROSE}\n\n二、主动公开\n`);
  });

  it("ignores a known container that holds only a small part of the text", () => {
    const t = text(`<html><body><div id="zoom">字号 <a>大</a> <a>中</a> <a>小</a> 请选择字号</div><div class="a"><p>${PROSE}</p><p>${PROSE}</p></div></body></html>`);
    expect(t).toBe(`${PROSE}\n\n${PROSE}\n`);
  });

  it("puts a title from an <h1> outside the content first", () => {
    const t = text(`<html><head><title>青山镇2023年政府信息公开工作年度报告_青山镇人民政府</title></head><body><div class="bt"><h1>青山镇2023年政府信息公开工作年度报告</h1></div>
<ul class="related"><li class="title"><a>青山镇2022年政府信息公开工作年度报告</a></li></ul><div class="TRS_Editor"><p>${PROSE}</p></div></body></html>`);
    expect(t).toBe(`青山镇2023年政府信息公开工作年度报告\n\n${PROSE}\n`);
  });

  it("takes the title from <title> when the page shows it nowhere else, not from a column heading", () => {
    const t = text(`<html><head><title>东湖街道2024年政府信息公开工作年度报告_东湖街道办事处</title></head><body><h2>信息公开年报</h2><div class="zw"><p>${PROSE}</p></div></body></html>`);
    expect(lines(t)[0]).toBe("东湖街道2024年政府信息公开工作年度报告");
    expect(t).not.toContain("信息公开年报\n");
  });

  it("does not repeat a title the content already starts with, even broken over two lines", () => {
    const t = text(`<html><body><h1>大通区人民政府办公室2023年政府信息公开工作年度报告</h1><div class="TRS_Editor"><p>大通区人民政府办公室2023年政府</p><p>信息公开工作年度报告</p><p>${PROSE}</p></div></body></html>`);
    expect(t).toBe(`大通区人民政府办公室2023年政府\n\n信息公开工作年度报告\n\n${PROSE}\n`);
  });
});

describe("htmlToText: bad input", () => {
  it("refuses binary data with a clear message", () => {
    const bytes = new Uint8Array(4096);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 256;
    expect(() => htmlToText(bytes, { name: "report.bin" })).toThrow(ExtractError);
    expect(() => htmlToText(bytes, { name: "report.bin" })).toThrow(/^report\.bin: does not look like HTML or text \(binary data\); /);
  });

  it("returns empty text with a warning for a page without text", () => {
    const out = htmlToText(new TextEncoder().encode("<html><body><img src=x></body></html>"), { name: "e.html" });
    expect(out.text).toBe("\n");
    expect(out.warnings).toEqual(["e.html: the page has no text"]);
  });
});
