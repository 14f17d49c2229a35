import { describe, expect, it } from "vitest";
import { barChart } from "../../src/web/charts/bar-chart.ts";
import { lineChart } from "../../src/web/charts/line-chart.ts";
import { niceTicks } from "../../src/web/charts/scale.ts";
import { decodeReportKey, decodeSearchCursor, encodeReportKey, encodeSearchCursor } from "../../src/web/cursor.ts";
import { externalHref, formatDateTime } from "../../src/web/format.ts";
import { html, joinHtml, trusted } from "../../src/web/html.ts";
import { attachment } from "../../src/web/respond.ts";

// The pieces the pages are built from: escaping templates, links to the outside, times in
// Asia/Shanghai, cursors, download names, and the SVG charts.

describe("html``", () => {
  it("escapes every interpolated value unless it is Html", () => {
    const name = `<script>alert("x")</script>&'\``;
    expect(html`<p title="${name}">${name}</p>`.value).toBe('<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;&#96;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;&#96;</p>');
    expect(html`<ul>${["<a>", html`<li>ok</li>`, null, undefined, false, 0]}</ul>`.value).toBe("<ul>&lt;a&gt;<li>ok</li>0</ul>");
    expect(joinHtml(["<b>", "c"], html`<br>`).value).toBe("&lt;b&gt;<br>c");
    expect(trusted("<path/>").value).toBe("<path/>");
  });

  it("links only to http(s) URLs", () => {
    expect(externalHref("https://www.gov.cn/a b")).toBe("https://www.gov.cn/a%20b");
    for (const bad of ["javascript:alert(1)", " JAVASCRIPT:alert(1)", "data:text/html,x", "file:///etc/passwd", "vbscript:x", "//evil.example/", "", null]) expect(externalHref(bad)).toBeNull();
  });

  it("shows times in Asia/Shanghai", () => {
    expect(formatDateTime(new Date("2024-03-01T16:30:00Z"))).toBe("2024-03-02 00:30");
  });

  it("names downloads safely in both header forms", () => {
    expect(attachment('报告<1>"x".pdf')).toBe(`attachment; filename="___1__x_.pdf"; filename*=UTF-8''${encodeURIComponent("报告_1__x_.pdf")}`);
  });
});

describe("cursors", () => {
  it("round-trip, and reject anything else with a 400", () => {
    const k = { agency: "青山镇人民政府", year: 2023, id: "42" };
    expect(decodeReportKey(encodeReportKey(k)!)).toEqual(k);
    const s = { mode: "phrase" as const, rank: 0.0607927, year: 2022, id: "7" };
    expect(decodeSearchCursor(encodeSearchCursor(s)!)).toEqual(s);
    for (const bad of ["x", "!!", Buffer.from('["r","a",1800,"1"]').toString("base64url"), Buffer.from('["r","a",2020,"1; drop"]').toString("base64url"), encodeSearchCursor(s)!]) {
      expect(() => decodeReportKey(bad), bad).toThrow(expect.objectContaining({ status: 400 }));
    }
    expect(() => decodeSearchCursor(encodeReportKey(k)!)).toThrow(expect.objectContaining({ status: 400 }));
  });
});

describe("charts", () => {
  it("ticks at 1, 2 or 5 × 10^k covering the data", () => {
    expect(niceTicks(0, 97)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });

  it("a line chart leaves a gap where a year does not show the value", () => {
    const svg = lineChart({ id: "t", title: "走势<", xs: [2021, 2022, 2023], series: [{ name: "新收", values: [10, null, 30] }] }).value;
    expect(svg.match(/<path d="M[^"]*"/g)).toHaveLength(2); // two runs, no line through the gap
    expect(svg).toContain("<title id=\"t-t\">走势&lt;</title>");
    expect(svg).toContain("2022年未列出");
    expect(svg).not.toContain("style=");
  });

  it("a bar chart labels each bar and escapes the labels", () => {
    const svg = barChart({ id: "b", title: "t", bars: [{ label: "<甲>", value: 5 }, { label: "乙", value: 2 }] }).value;
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain("&lt;甲&gt;");
    expect(svg).not.toContain("<甲>");
  });
});

describe("Asia/Shanghai", () => {
  it("agrees with Intl's time-zone data for dates the archive holds", () => {
    const intl = new Intl.DateTimeFormat("sv-SE", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false });
    for (let t = Date.UTC(1995, 0, 1); t < Date.UTC(2040, 0, 1); t += 7_919_999_917) {
      const d = new Date(t);
      expect(formatDateTime(d)).toBe(intl.format(d));
    }
  });
});
