import { Parser } from "htmlparser2";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_AGENCY, HOSTILE_WORD } from "./support/hostile-reports.ts";
import { webArchive, type WebArchive } from "./support/web-archive.ts";

// Report text, titles, agency names, regions and URLs come from the open web. Reports carrying
// <script>, on…= handlers, javascript: URLs and broken markup are ingested, and every page that
// shows them must show them as text: no element but the site's own script, no event-handler
// attribute, no javascript: link, and the strict Content-Security-Policy on every answer.

let w: WebArchive;
beforeAll(async () => { w = await webArchive(); });
afterAll(async () => { await w?.close(); });

/** The page as a browser parses it: its script elements, event-handler attributes, and URLs that are not http(s) or on this site. */
function inspect(body: string) {
  const scripts: string[] = [], handlers: string[] = [], urls: string[] = [], embedded: string[] = [];
  const parser = new Parser({
    onopentag(name, attribs) {
      if (name === "script") scripts.push(JSON.stringify(attribs));
      if (["iframe", "object", "embed", "img", "base", "meta"].includes(name) && !(name === "meta" && (attribs.charset || attribs.name === "viewport"))) embedded.push(name);
      for (const [k, v] of Object.entries(attribs)) {
        if (/^on/i.test(k)) handlers.push(`${name} ${k}`);
        if (["href", "src", "action", "formaction", "xlink:href"].includes(k.toLowerCase()) && !/^(https?:\/\/|\/|#)/i.test(v.trim())) urls.push(`${name} ${k}=${v}`);
      }
    },
  }, { decodeEntities: true, lowerCaseAttributeNames: true });
  parser.write(body);
  parser.end();
  return { scripts, handlers, urls, embedded };
}

function assertInert(body: string, where: string) {
  const found = inspect(body);
  expect(found.scripts, where).toEqual(['{"src":"/static/app.js","defer":""}']);
  expect(found.handlers, where).toEqual([]);
  expect(found.urls, where).toEqual([]);
  expect(found.embedded, where).toEqual([]);
}

describe("hostile content is shown as text", () => {
  it("on every page that shows it", async () => {
    const agency = await w.fresh.db.selectFrom("agencies").select("id").where("name", "=", HOSTILE_AGENCY).executeTakeFirstOrThrow();
    const paths = [
      "/", `/reports/${w.ids.hostileText}`, `/reports/${w.ids.hostileHtml}`, `/agencies/${agency.id}`, "/reports", "/reports?year=2023",
      `/search?q=${encodeURIComponent(HOSTILE_WORD)}`, `/search?q=${encodeURIComponent("<script>")}`, `/values?key=requests.new.total&year=2023`,
      `/regions?path=${encodeURIComponent("山西省")}`, `/regions?path=${encodeURIComponent('山西省/"><script>alert("region")</script>')}`,
      `/reports?region=${encodeURIComponent("<script>")}`, `/search?q=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`,
      `/reports?agency=${encodeURIComponent("<svg onload=alert(1)>")}`, `/nothing/<script>alert(1)</script>`,
    ];
    for (const path of paths) {
      const res = await w.get(path);
      expect(res.headers.get("content-security-policy"), path).toMatch(/script-src 'self'/);
      const body = await res.text();
      assertInert(body, path);
    }
  });

  it("escapes the markup where it is shown", async () => {
    const body = await (await w.get(`/reports/${w.ids.hostileText}`)).text();
    expect(body).toContain("&lt;script&gt;alert(&quot;agency&quot;)&lt;/script&gt;镇人民政府");
    expect(body).toContain("&lt;img src=x onerror=alert(&quot;text&quot;)&gt;本年度共收到申请。");
    expect(body).toContain("&lt;a href=&quot;javascript:alert(&#39;link&#39;)&quot;&gt;点此查看&lt;/a&gt;");
    // The javascript: source URL is shown, but not as a link.
    expect(body).toContain("<span>javascript:alert(&#39;url&#39;)</span> <span class=\"muted\">（非网页地址，不提供链接）</span>");
    const html = await (await w.get(`/reports/${w.ids.hostileHtml}`)).text();
    expect(html).toContain('href="https://example.gov.cn/evil/%3Cscript%3E.html?a=%22%27%3E%3Csvg%20onload=alert(1)%3E"');
  });

  it("the API gives the same text as data, as JSON only", async () => {
    const res = await w.get(`/api/reports/${w.ids.hostileText}`);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const r: any = await res.json();
    expect(r.agency.name).toBe(HOSTILE_AGENCY);
    expect(r.source_url).toBe("javascript:alert('url')");
  });

  it("the original is served as a sandboxed attachment", async () => {
    const r: any = await (await w.get(`/api/reports/${w.ids.hostileHtml}`)).json();
    const res = await w.get(`/captures/${r.versions[0].captures[0].id}/original`);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="_script_.html"; filename\*=UTF-8''_script_.html$/);
    expect(res.headers.get("content-security-policy")).toBe("sandbox; default-src 'none'");
  });
});
