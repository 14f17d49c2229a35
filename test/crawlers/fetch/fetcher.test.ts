import http from "node:http";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BrowserLane } from "../../../src/crawlers/fetch/browser-lane.ts";
import { FetchError } from "../../../src/crawlers/fetch/fetch-error.ts";
import { Fetcher } from "../../../src/crawlers/fetch/fetcher.ts";
import { closeAgents } from "../../../src/crawlers/fetch/http-exchange.ts";
import { readRecordAt } from "../../../src/crawlers/warc/warc-reader.ts";
import { validateWarcFile } from "../../../src/crawlers/warc/warc-validate.ts";
import { WarcWriter } from "../../../src/crawlers/warc/warc-writer.ts";

// The crawler's edge against a real HTTP server on 127.0.0.1: every exchange archived, redirects
// hop by hop, conditional requests, retries with Retry-After, robots.txt, https → http fallback,
// a script challenge passed in Chromium (and a host that stays blocked).

const hits: { path: string; headers: http.IncomingHttpHeaders; at: number }[] = [];
let flaky = 0;
let limited = 0;
const server = http.createServer((req, res) => {
  const path = req.url ?? "/";
  hits.push({ path, headers: req.headers, at: Date.now() });
  const send = (status: number, body: string | Buffer, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", ...headers });
    res.end(body);
  };
  if (path === "/robots.txt") return send(200, "User-agent: *\nDisallow: /private/\n\nUser-agent: nianbao\nDisallow: /no-nianbao/\n", { "Content-Type": "text/plain" });
  if (path === "/page") return send(200, "<html>page</html>", { ETag: '"v1"', "Last-Modified": "Mon, 01 Jan 2024 00:00:00 GMT" });
  if (path === "/cond") {
    if (req.headers["if-none-match"] === '"v1"') return send(304, "", { ETag: '"v1"' });
    return send(200, "<html>cond</html>", { ETag: '"v1"' });
  }
  if (path === "/gzip") return send(200, gzipSync(Buffer.from("<html>压缩的页面</html>")), { "Content-Encoding": "gzip" });
  if (path === "/r1") return send(302, "", { Location: "/r2" });
  if (path === "/r2") return send(301, "", { Location: "http://127.0.0.1:" + port() + "/page" });
  if (path === "/loop") return send(302, "", { Location: "/loop" });
  if (path === "/away") return send(302, "", { Location: "http://elsewhere.example.com/x" });
  if (path === "/flaky") return ++flaky === 1 ? send(500, "oops") : send(200, "<html>recovered</html>");
  if (path === "/limited") return ++limited === 1 ? send(429, "slow down", { "Retry-After": "1" }) : send(200, "<html>ok</html>");
  if (path === "/big") return send(200, Buffer.alloc(3 * 1024 * 1024, 65));
  if (path.startsWith("/challenge")) {
    if (/pass=42000/.test(req.headers.cookie ?? "")) return send(200, "<html><body><h1>real content</h1></body></html>");
    return send(412, `<html><script>var a=6;function b(){return 7}document.cookie="pass="+(a*b()*1000)+"; path=/";location.reload();</script></html>`);
  }
  if (path.startsWith("/wall")) return send(412, `<html><script>var x=1;document.cookie="never="+x;/*the cookie never opens the wall*/setTimeout(function(){location.reload()},100);</script></html>`);
  send(404, "not here");
});
const port = () => (server.address() as { port: number }).port;
const base = () => `http://127.0.0.1:${port()}`;

let dir: string;
let warc: WarcWriter;
const events: string[] = [];
const fetcher = (extra: Partial<ConstructorParameters<typeof Fetcher>[0]> = {}) => new Fetcher({
  userAgent: "nianbao/test (+https://example.org/contact)", politeness: { perHost: 1, delayMs: 0, maxWaitMs: 5000 }, warc,
  onEvent: (e) => events.push(`${e.host}: ${e.message}`), timeoutMs: 10_000, ...extra,
});

beforeAll(async () => {
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  dir = await mkdtemp(join(tmpdir(), "nianbao-fetch-"));
  warc = await WarcWriter.open({ dir, software: "nianbao/test" });
});
afterAll(async () => {
  await warc.close();
  closeAgents();
  server.close();
  await rm(dir, { recursive: true, force: true });
});

describe("Fetcher", () => {
  it("fetches with an honest User-Agent, archives the exchange, and hands back the decoded body", async () => {
    const f = fetcher();
    const r = await f.fetch({ url: `${base()}/gzip` });
    expect(Buffer.from(r.body).toString()).toBe("<html>压缩的页面</html>");
    expect(hits.find((h) => h.path === "/gzip")?.headers["user-agent"]).toBe("nianbao/test (+https://example.org/contact)");
    const stored = await readRecordAt(dir, r.warc);
    expect(stored.status).toBe(200);
    expect(gzipSync(Buffer.from("x")).subarray(0, 2)).toEqual(Buffer.from(stored.body).subarray(0, 2)); // kept as on the wire: gzip
  });

  it("follows redirects hop by hop, archiving each, and stops loops and redirects out of scope", async () => {
    const f = fetcher();
    const r = await f.fetch({ url: `${base()}/r1` });
    expect(r.url).toBe(`${base()}/page`);
    expect(r.redirects.map((x) => [new URL(x.url).pathname, x.status])).toEqual([["/r1", 302], ["/r2", 301]]);
    await expect(f.fetch({ url: `${base()}/loop` })).rejects.toMatchObject({ kind: "redirects" });
    await expect(f.fetch({ url: `${base()}/away`, allowRedirect: (u) => u.hostname === "127.0.0.1" })).rejects.toMatchObject({ kind: "out_of_scope" });
  });

  it("sends the conditional headers it is given and reports a 304 with an empty body", async () => {
    const f = fetcher();
    const first = await f.fetch({ url: `${base()}/cond` });
    expect(first.etag).toBe('"v1"');
    const again = await f.fetch({ url: `${base()}/cond`, conditional: () => ({ etag: first.etag }) });
    expect(again.notModified).toBe(true);
    expect(again.body.length).toBe(0);
    expect(hits.filter((h) => h.path === "/cond").at(-1)?.headers["if-none-match"]).toBe('"v1"');
  });

  it("retries a 500 and waits out a 429's Retry-After", async () => {
    const f = fetcher();
    expect(Buffer.from((await f.fetch({ url: `${base()}/flaky` })).body).toString()).toBe("<html>recovered</html>");
    const t = Date.now();
    expect((await f.fetch({ url: `${base()}/limited` })).status).toBe(200);
    const limitedHits = hits.filter((h) => h.path === "/limited");
    expect(limitedHits[1].at - limitedHits[0].at).toBeGreaterThanOrEqual(950);
    expect(Date.now() - t).toBeLessThan(5000);
  });

  it("honours robots.txt: the group for nianbao, not the * group", async () => {
    const f = fetcher();
    await expect(f.fetch({ url: `${base()}/no-nianbao/x` })).rejects.toMatchObject({ kind: "robots" });
    expect((await f.fetch({ url: `${base()}/private/x` })).status).toBe(404); // only * disallows it
    expect(hits.filter((h) => h.path.startsWith("/no-nianbao"))).toEqual([]);
  });

  it("lets a request's own headers replace the defaults, and joins its cookies to the jar's (a rendered page's requests)", async () => {
    const f = fetcher();
    f.host(`127.0.0.1:${port()}`).jar.setCookieSync("fromJar=1; Path=/", `${base()}/`);
    await f.fetch({ url: `${base()}/page?h`, headers: { Accept: "application/json, text/javascript, */*; q=0.01", "X-Requested-With": "XMLHttpRequest", Cookie: "fromPage=2; fromJar=3" } });
    const { headers } = hits.filter((h) => h.path === "/page?h").at(-1)!;
    expect(headers.accept).toBe("application/json, text/javascript, */*; q=0.01");
    expect(headers["x-requested-with"]).toBe("XMLHttpRequest");
    expect(headers.cookie).toBe("fromJar=3; fromPage=2"); // the page's value wins
    expect(headers["user-agent"]).toBe("nianbao/test (+https://example.org/contact)");
  });

  it("hands a challenge back as answered when told not to pass it (the browser lane is busy rendering): no browser, not blocked", async () => {
    const f = fetcher();
    const r = await f.fetch({ url: `${base()}/challenge/rendering`, challenges: false });
    expect(r.status).toBe(412);
    expect(f.blockedHosts()).toEqual([]);
    await expect(f.fetch({ url: `${base()}/challenge/crawling` })).rejects.toMatchObject({ kind: "blocked" }); // no lane to pass it
  });

  it("refuses an answer over the size limit", async () => {
    await expect(fetcher({ maxPageBytes: 1024 * 1024 }).fetch({ url: `${base()}/big` })).rejects.toMatchObject({ kind: "too_large" });
  });

  it("falls back from https to http for a host whose TLS does not work", async () => {
    const f = fetcher();
    const r = await f.fetch({ url: `https://127.0.0.1:${port()}/page` });
    expect(r.requestedUrl).toBe(`https://127.0.0.1:${port()}/page`);
    expect(r.url).toBe(`http://127.0.0.1:${port()}/page`); // what was really fetched
    expect(Buffer.from(r.body).toString()).toBe("<html>page</html>");
    expect(f.host(`127.0.0.1:${port()}`).tls).toBe("http");
    expect(events.some((e) => /TLS failed|https refused/.test(e))).toBe(true);
  });

  it("every WARC file it wrote validates", async () => {
    await warc.close();
    const { readdir } = await import("node:fs/promises");
    for (const name of (await readdir(dir)).filter((n) => n.endsWith(".warc.gz"))) {
      expect((await validateWarcFile(join(dir, name))).errors, name).toEqual([]);
    }
    warc = await WarcWriter.open({ dir, software: "nianbao/test" });
  });
});

describe.runIf(BrowserLane.available())("Fetcher with the browser lane", () => {
  it("passes a script challenge in Chromium once, then replays its cookie to plain requests", async () => {
    const lane = new BrowserLane({ userAgent: "nianbao/test" });
    try {
      const f = fetcher({ browser: lane });
      const r = await f.fetch({ url: `${base()}/challenge/1` });
      expect(Buffer.from(r.body).toString()).toContain("real content");
      const r2 = await f.fetch({ url: `${base()}/challenge/2` });
      expect(r2.status).toBe(200);
      expect(hits.filter((h) => h.path === "/challenge/2").every((h) => /pass=42000/.test(h.headers.cookie ?? ""))).toBe(true);
      expect(f.host(`127.0.0.1:${port()}`).challengeSolves).toBe(1);
    } finally {
      await lane.close();
    }
  }, 90_000);

  it("reports a host whose challenge never passes as blocked, not as empty", async () => {
    const lane = new BrowserLane({ userAgent: "nianbao/test", timeoutMs: 1500 });
    try {
      const f = fetcher({ browser: lane });
      const err = await f.fetch({ url: `${base()}/wall/1` }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FetchError);
      expect(err).toMatchObject({ kind: "blocked" });
      expect(f.blockedHosts()).toEqual([{ host: `127.0.0.1:${port()}`, reason: expect.stringMatching(/412 script challenge/) }]);
      await expect(f.fetch({ url: `${base()}/page` })).rejects.toMatchObject({ kind: "blocked" });
    } finally {
      await lane.close();
    }
  }, 90_000);
});
