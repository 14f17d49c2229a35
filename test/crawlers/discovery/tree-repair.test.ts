import { load } from "cheerio/slim";
import { describe, expect, it } from "vitest";
import { repairTree } from "../../../src/crawlers/discovery/tree-repair.ts";
import { discoverHtml } from "./support.ts";

// The parsed page made safe to read: nested links come apart as a browser parses them, and
// nothing nests deeper than the limit.

const repaired = (html: string, maxDepth?: number) => {
  const $ = load(html);
  repairTree($.root()[0]!, maxDepth);
  return $;
};

const depthOf = ($: ReturnType<typeof load>) => {
  let max = 0;
  $("*").each((_, el) => { max = Math.max(max, $(el).parents().length); });
  return max;
};

describe("repairTree", () => {
  it("takes a link out of the link it was opened in, with what follows it there", () => {
    const $ = repaired('<p><a href="/1">x<a href="/2">y<b>!</b></a>z</a> w</p>');
    expect($("a").map((_, a) => $(a).text()).get()).toEqual(["x", "y!"]);
    expect($("a").first().find("a")).toHaveLength(0);
    expect($("p").text()).toBe("xy!z w");
    expect($("p").children().map((_, c) => (c as { name: string }).name).get()).toEqual(["a", "a"]);
    expect($("a").eq(1).next().length).toBe(0); // siblings relinked: "z" is text, not an element
    expect($("a").eq(0).next().is("a")).toBe(true);
  });

  it("makes the tree flat below the depth limit, keeping every node in document order", () => {
    const $ = repaired(`<div>${"<font>".repeat(50)}a<i>b</i>c</div>`, 10);
    expect(depthOf($)).toBeLessThanOrEqual(11);
    expect($("div").text()).toBe("abc");
    expect($("font, i")).toHaveLength(51);
  });

  it("lets discovery read a column of 6,000 unclosed links, and a page nested 20,000 deep", () => {
    const links = Array.from({ length: 6000 }, (_, i) => `<a href="/t${i}.html">2023年政府信息公开工作年度报告${i}`).join("");
    const found = discoverHtml("http://x.test/zfxxgknb/index.html", "column", `<html><body><ul>${links}</ul></body></html>`);
    expect(found.links.filter((l) => l.kind === "detail")).toHaveLength(6000);
    const deep = discoverHtml("http://x.test/zfxxgknb/index.html", "column", `<html><body>${"<font>".repeat(20_000)}<a href="/t1.html"><span>2023年政府信息公开工作年度报告</span></a></body></html>`);
    expect(deep.links.map((l) => l.url)).toContain("http://x.test/t1.html");
  });
});
