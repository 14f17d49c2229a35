import { describe, expect, it } from "vitest";
import { canonicalKey, resolveUrl } from "../../../src/crawlers/discovery/url-canon.ts";
import { discoverHtml } from "./support.ts";

describe("resolveUrl", () => {
  const base = "http://www.x.gov.cn/zwgk/nb/index.html";
  it("resolves relative links, drops fragments, keeps queries", () => {
    expect(resolveUrl("./202401/t20240101_1.html#top", base)).toBe("http://www.x.gov.cn/zwgk/nb/202401/t20240101_1.html");
    expect(resolveUrl("../../a.jsp?id=1&b=2", base)).toBe("http://www.x.gov.cn/a.jsp?id=1&b=2");
    expect(resolveUrl("//xxgk.x.gov.cn/", base)).toBe("http://xxgk.x.gov.cn/");
    expect(resolveUrl(" /a\n/b\t.html ", base)).toBe("http://www.x.gov.cn/a/b.html");
  });

  it("refuses everything that is not http(s)", () => {
    for (const href of ["javascript:void(0)", "JavaScript:go()", "mailto:a@x.gov.cn", "tel:123", "#", "#top", "", "data:text/html,x", "ftp://x.gov.cn/a.pdf", "http://"]) {
      expect(resolveUrl(href, base), href).toBeUndefined();
    }
  });

  it("encodes a query in the page's encoding (a GBK page sends GBK), the path in UTF-8", () => {
    expect(resolveUrl("/download.jsp?filename=年报.pdf", base, "gb18030")).toBe("http://www.x.gov.cn/download.jsp?filename=%C4%EA%B1%A8.pdf");
    expect(resolveUrl("/download.jsp?filename=年报.pdf", base, "utf-8")).toBe("http://www.x.gov.cn/download.jsp?filename=%E5%B9%B4%E6%8A%A5.pdf");
    expect(resolveUrl("/附件/年报.pdf", base, "gb18030")).toBe("http://www.x.gov.cn/%E9%99%84%E4%BB%B6/%E5%B9%B4%E6%8A%A5.pdf");
  });

  it("uses <base href> when the page has one", () => {
    const f = discoverHtml("http://www.x.gov.cn/col/col1/index.html", "detail", `<base href="http://www.x.gov.cn/attach/"><a href="r.pdf">年报.pdf</a>`);
    expect(f.links.map((l) => l.url)).toEqual(["http://www.x.gov.cn/attach/r.pdf"]);
  });
});

describe("canonicalKey: one report is one report", () => {
  const same = (a: string, b: string) => expect(canonicalKey(a), `${a} ~ ${b}`).toBe(canonicalKey(b));
  const different = (a: string, b: string) => expect(canonicalKey(a), `${a} ≁ ${b}`).not.toBe(canonicalKey(b));

  it("collapses http/https, www./m./wap. hosts, mobile paths and ?isMobile", () => {
    const doc = "https://www.x.gov.cn/zwgk/nb/202401/t20240101_1.html";
    same(doc, "http://www.x.gov.cn/zwgk/nb/202401/t20240101_1.html");
    same(doc, "http://x.gov.cn/zwgk/nb/202401/t20240101_1.html");
    same(doc, "https://m.x.gov.cn/zwgk/nb/202401/t20240101_1.html");
    same(doc, "https://www.x.gov.cn/zwgk/nb/202401/t20240101_1_wap.html");
    same(doc, "https://www.x.gov.cn/wap/zwgk/nb/202401/t20240101_1.html");
    same(doc, "https://www.x.gov.cn/zwgk/nb/202401/t20240101_1.html?isMobile=false");
    same(doc, "https://WWW.X.GOV.CN:443/zwgk/nb/202401/t20240101_1.html#print");
    same("http://www.x.gov.cn/a.jsp?isMobile=true&id=3", "http://www.x.gov.cn/a.jsp?id=3");
    same("http://www.x.gov.cn/gkmlpt/content/2/2105/mpost_9123401.html", "http://www.x.gov.cn/gkmlpt/content/2/2105/post_9123401.html");
  });

  it("collapses index pages and percent-escape case", () => {
    same("http://www.x.gov.cn/col/col1/", "http://www.x.gov.cn/col/col1/index.html");
    same("http://www.x.gov.cn/a/%e5%b9%b4.pdf", "http://www.x.gov.cn/a/%E5%B9%B4.pdf");
    same("http://www.x.gov.cn/a/%41.pdf", "http://www.x.gov.cn/a/A.pdf");
  });

  it("keeps apart what differs: another path, another query, another port, another host, path case", () => {
    const doc = "http://www.x.gov.cn/nb/t20240101_1.html";
    different(doc, "http://www.x.gov.cn/nb/t20240101_2.html");
    different("http://www.x.gov.cn/a.jsp?id=3", "http://www.x.gov.cn/a.jsp?id=4");
    different("http://www.x.gov.cn/a.jsp?id=3&p=1", "http://www.x.gov.cn/a.jsp?p=1&id=3");
    different(doc, "http://www.x.gov.cn:8080/nb/t20240101_1.html");
    different(doc, "http://xxgk.x.gov.cn/nb/t20240101_1.html");
    different(doc, "http://www.x.gov.cn/NB/t20240101_1.html");
    // GBK-encoded queries stay apart (they are not decoded as UTF-8 into one replacement character).
    different("http://www.x.gov.cn/d.jsp?f=%C4%EA", "http://www.x.gov.cn/d.jsp?f=%B1%A8");
  });

  it("states the key plainly: host and path and query, no scheme", () => {
    expect(canonicalKey("https://m.x.gov.cn/wap/a/index.html?isMobile=1&b=%e5")).toBe("x.gov.cn/a/?b=%E5");
  });
});
