import { load } from "cheerio/slim";
import { describe, expect, it } from "vitest";
import { buildPage } from "../../../src/crawlers/discovery/page.ts";
import { ALL_PAGES } from "../../fixtures/portal-pages/all-pages.ts";
import { fixtureInput } from "./support.ts";

// buildPage answers whole-document tag queries from an element index instead of cheerio's walk:
// the same elements, in document order, for every saved portal page and the queries the modules ask.
// Its walks go without recursion: a page of unclosed tags nests deeper than the stack allows.

const QUERIES = [
  "a[href]", "a[href], area[href]", "frame[src], iframe[src]", "iframe[src], embed[src], object[data]", "script", "title", "h1",
  "ucaptitle", "body", 'meta[name="ArticleTitle"]', "meta[http-equiv]", "base[href]", 'input[name="__VIEWSTATE"]', "td, th",
  "style", "img[alt]", "A[HREF]",
];

const html = `<!doctype html><html><head><TITLE>One</TITLE><meta name="ArticleTitle" content="T"><meta name="articletitle" content="lower">
<style>p{}</style><script type="text/xml"><datastore><record><![CDATA[<a href="/x">x</a>]]></record></datastore></script></head>
<body><table><tr><th>h</th><td><A HREF="/a">a</A><a>no href</a></td></tr></table><iframe src="/f"></iframe><frame src="/g">
<area href="/m"><template><a href="/t">t</a></template><input name="__VIEWSTATE" value="v"></body></html>`;

const ids = ($: ReturnType<typeof load>, selector: string) => $(selector).get().map((el) => $.html(el));

describe("buildPage's indexed queries", () => {
  it("answer like cheerio on a page with upper-case tags, raw-text scripts, templates and attribute values", () => {
    const page = buildPage({ url: "http://x.test/", bytes: new TextEncoder().encode(html), contentType: "text/html; charset=utf-8", kind: "detail" });
    const reference = load(page.text);
    for (const q of QUERIES) expect(ids(page.$, q), q).toEqual(ids(reference, q));
    expect(page.$("a[href]")).toBe(page.$("a[href]")); // asked again: the same answer
    expect(page.$("td a").length).toBe(reference("td a").length); // anything else goes to cheerio
  });

  it("and the page's visible text, walk a page nested 100,000 deep without overflowing the stack", () => {
    const deep = `<html><body>${"<font>".repeat(100_000)}<a href="/P020240101.pdf">2023年政府信息公开工作年度报告</a></body></html>`;
    const page = buildPage({ url: "http://x.test/", bytes: new TextEncoder().encode(deep), contentType: "text/html", kind: "detail" });
    expect(page.$("a[href]").attr("href")).toBe("/P020240101.pdf");
    expect(page.visibleText()).toBe("2023年政府信息公开工作年度报告");
  });

  it("answer like cheerio on every saved portal page", () => {
    for (const saved of ALL_PAGES) {
      const page = buildPage(fixtureInput(saved.file));
      const reference = load(page.text);
      for (const q of QUERIES) expect(ids(page.$, q).length, `${saved.file} ${q}`).toBe(ids(reference, q).length);
    }
  });
});
