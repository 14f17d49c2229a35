import { describe, expect, it } from "vitest";
import { discoverPage } from "../../../src/crawlers/discovery/discover-page.ts";
import { discoverFixture, discoverHtml, shown } from "./support.ts";

const U = "http://www.x.gov.cn/nb/202401/t20240101_1.html";
const detail = (html: string) => discoverHtml(U, "detail", html);

describe("attachments", () => {
  it("by extension (.pdf .doc .docx .wps .rtf .ofd), names from text / title / alt, 点击下载 is no name", () => {
    const f = detail(`
      <a href="a.pdf">某县2023年政府信息公开工作年度报告.pdf</a>
      <a href="b.DOC" title="某县2023年年报（Word）.doc">下载</a>
      <a href="c.wps"><img src="i.png" alt="某县年报.wps"></a>
      <a href="d.rtf">点击下载</a> <a href="e.ofd">附件1</a> <a href="f.docx">查看原文</a>`);
    expect(shown(f)).toEqual([
      "attachment http://www.x.gov.cn/nb/202401/a.pdf file=某县2023年政府信息公开工作年度报告.pdf y2023",
      "attachment http://www.x.gov.cn/nb/202401/b.DOC file=某县2023年年报（Word）.doc y2023",
      "attachment http://www.x.gov.cn/nb/202401/c.wps file=某县年报.wps",
      "attachment http://www.x.gov.cn/nb/202401/d.rtf",
      "attachment http://www.x.gov.cn/nb/202401/e.ofd",
      "attachment http://www.x.gov.cn/nb/202401/f.docx",
    ]);
  });

  it("by download endpoint: downfile.jsp, download.jsp, DownLoad.aspx?…, fileDownload, /attach/…", () => {
    const f = detail(`
      <a href="/module/download/downfile.jsp?classid=0&filename=abc.pdf">年报.pdf</a>
      <a href="/common/download.jsp?id=77">某县2023年度报告</a>
      <a href="/DownLoad.aspx?FileID=5">年报全文</a>
      <a href="/api/fileDownload?fid=9">下载</a>
      <a href="/attach/0/8a8e4c2f91">某县年报</a> <a href="/attach/">附件目录</a>`);
    expect(shown(f)).toEqual([
      "attachment http://www.x.gov.cn/DownLoad.aspx?FileID=5 file=年报全文",
      "attachment http://www.x.gov.cn/api/fileDownload?fid=9",
      "attachment http://www.x.gov.cn/attach/0/8a8e4c2f91 file=某县年报",
      "attachment http://www.x.gov.cn/common/download.jsp?id=77 file=某县2023年度报告 y2023",
      "attachment http://www.x.gov.cn/module/download/downfile.jsp?classid=0&filename=abc.pdf file=年报.pdf",
    ]);
  });

  it("a download opened by a script: href=\"javascript:downloadFile('…')\"", () => {
    const f = detail(`<a href="javascript:downloadFile('/attach/2024/nb.pdf')">某县2023年政府信息公开工作年度报告.pdf</a>`);
    expect(shown(f)).toEqual(["attachment http://www.x.gov.cn/attach/2024/nb.pdf file=某县2023年政府信息公开工作年度报告.pdf y2023"]);
  });

  it("spreadsheets only when named like a report; forms and 解读 never", () => {
    const f = detail(`<a href="t.xls">统计表.xls</a> <a href="r.xlsx">某县2023年政府信息公开工作年度报告附表.xlsx</a>
      <a href="s.doc">政府信息公开申请表.doc</a> <a href="j.pdf">年报解读.pdf</a>`);
    expect(shown(f)).toEqual(["attachment http://www.x.gov.cn/nb/202401/r.xlsx file=某县2023年政府信息公开工作年度报告附表.xlsx y2023"]);
  });

  it("embedded viewers and document paths in scripts", () => {
    const f = detail(`<iframe src="/pdfjs/web/viewer.html?file=%2Fnb%2Freport.pdf"></iframe>
      <embed src="/nb/report2.pdf" type="application/pdf">
      <script>var fileUrl = "./P020240101123456789012.ofd"; $("#fj").html("<a href=\\"" + fileUrl + "\\">附件</a>");</script>`);
    expect(shown(f)).toEqual([
      "attachment http://www.x.gov.cn/nb/202401/P020240101123456789012.ofd",
      "attachment http://www.x.gov.cn/nb/report.pdf",
      "attachment http://www.x.gov.cn/nb/report2.pdf",
    ]);
  });

  it("on a homepage only report-named documents", () => {
    const f = discoverHtml("http://www.x.gov.cn/", "nav", `<a href="/a.pdf">招聘公告.pdf</a> <a href="/b.pdf">某县2023年政府信息公开工作年度报告.pdf</a>`);
    expect(shown(f)).toEqual(["attachment http://www.x.gov.cn/b.pdf file=某县2023年政府信息公开工作年度报告.pdf y2023"]);
  });

  it("a document body needs no discovery", () => {
    const pdf = new TextEncoder().encode("%PDF-1.7\n<a href='x.pdf'>");
    expect(discoverPage({ url: "http://www.x.gov.cn/a.pdf", kind: "attachment", bytes: pdf })).toEqual({ links: [] });
  });
});

describe("redirect shells", () => {
  it("meta refresh to the www. twin is a redirect", () => {
    expect(discoverFixture("generic/redirect-meta.html").redirect).toBe("http://www.qingshan.gov.cn/index.html");
  });

  it("window.location.replace('…') on a tiny page", () => {
    expect(discoverFixture("generic/redirect-script.html").redirect).toBe("http://www.taoyuan.gov.cn/col/col1229012345/index.html");
  });

  it("location.href = …, top.location = …, location.assign(…)", () => {
    for (const js of [`location.href = "/a/"`, `top.location='/a/'`, `window.location.href="/a/";`, `location.assign('/a/')`, `self.location = "/a/"`]) {
      expect(discoverHtml("http://www.x.gov.cn/", "nav", `<script>${js}</script>`).redirect, js).toBe("http://www.x.gov.cn/a/");
    }
  });

  it("not a redirect: a script on a full page, a computed target, a reload of the same URL (a challenge)", () => {
    const full = `<p>${"政府信息公开".repeat(80)}</p><script>function go(){ location.href = "/a/"; }</script>`;
    expect(discoverHtml("http://www.x.gov.cn/", "nav", full).redirect).toBeUndefined();
    expect(discoverHtml("http://www.x.gov.cn/", "nav", `<script>location.href = "/a/" + id;</script>`).redirect).toBeUndefined();
    expect(discoverHtml("http://www.x.gov.cn/a/", "nav", `<script>document.cookie="x=1";location.href="/a/";</script>`).redirect).toBeUndefined();
    expect(discoverHtml("http://www.x.gov.cn/a/", "nav", `<meta http-equiv="refresh" content="0">`).redirect).toBeUndefined();
  });
});

describe("soft 404s", () => {
  it("a 200 page that says 页面不存在 with little else", () => {
    const f = discoverFixture("generic/soft-404.html");
    expect(f.softNotFound).toBe('page says "您访问的页面不存在" with little else (22 characters of text)');
    expect(f.links).toEqual([]);
  });

  it("the title saying so counts beside some chrome; a 404 status is not a soft 404", () => {
    const chrome = `<div>${"网站首页 新闻中心 政务公开 互动交流 ".repeat(10)}</div>`;
    expect(discoverHtml(U, "detail", `<title>404 Not Found</title>${chrome}`).softNotFound).toMatch(/^page title says "404" \(\d+ characters of text\)$/);
    expect(discoverHtml(U, "detail", `<title>404</title>`, { status: 404 }).softNotFound).toBeUndefined();
  });

  it("a real page that mentions 404 or 已删除 in passing is not one", () => {
    const body = `<h1>某县2023年政府信息公开工作年度报告</h1><p>${"本年度共收到政府信息公开申请404件，其中已删除重复申请3件。".repeat(20)}</p>`;
    expect(detail(body).softNotFound).toBeUndefined();
  });
});

describe("anti-bot challenge pages", () => {
  it("a 瑞数-class 412 page is a challenge: no links, no soft 404, no redirect, no needsBrowser guess", () => {
    const f = discoverFixture("generic/challenge-412.html");
    expect(f.challenge).toBe("瑞数-class script challenge ($_ts), status 412");
    expect(f.links).toEqual([]);
    expect(f.softNotFound).toBeUndefined();
    expect(f.redirect).toBeUndefined();
    expect(f.needsBrowser).toBeUndefined();
  });

  it("加速乐 (521) and a 200 page that sets a cookie and reloads", () => {
    const jsl = `<script>document.cookie=('_')+('_')+('jsl_clearance')+('=')+(+[]+[]);location.href=location.pathname+location.search</script>`;
    expect(discoverHtml(U, "detail", jsl, { status: 521 }).challenge).toBe("加速乐 script challenge (__jsl_clearance), status 521");
    const cookie = `<html><body><script>document.cookie="srcurl=" + s + ";path=/"; window.location.href = window.location.href;</script></body></html>`;
    expect(discoverHtml(U, "detail", cookie).challenge).toBe("a small page whose script sets a cookie and reloads");
  });

  it("an ordinary page that sets a cookie is not a challenge", () => {
    const page = `<h1>某县2023年政府信息公开工作年度报告</h1><p>${"一、总体情况。".repeat(60)}</p><script>document.cookie="font=big"; function back(){ location.href = "/"; }</script>`;
    expect(detail(page).challenge).toBeUndefined();
  });
});
