import { describe, expect, it } from "vitest";
import { detectChallenge } from "../../../src/crawlers/fetch/challenge.ts";

const enc = (s: string) => Buffer.from(s, "utf8");
const challengePage = `<html><head><meta charset="utf-8"></head><body><script>var _0x1=["cookie"];function f(a){return a*7}document[_0x1[0]]="clearance="+f(6)+";path=/";location.reload();</script></body></html>`;

describe("detectChallenge", () => {
  it("sees a 412 script page that sets a cookie and reloads (瑞数-class)", () => {
    expect(detectChallenge(412, [["Set-Cookie", "a=1"]], enc(challengePage))).toMatch(/412 script challenge/);
  });

  it("sees a 521 with X-Via-JSL (加速乐) whatever its body", () => {
    expect(detectChallenge(521, [["X-Via-JSL", "abc"]], enc("<script>x</script>"))).toMatch(/加速乐/);
  });

  it("sees a 200 script shell that sets a cookie and reloads, and a 瑞数 page by its $_ts seed", () => {
    expect(detectChallenge(200, [], enc(`<html><script>document.cookie="a="+(6*7);location.reload()</script></html>`))).toMatch(/sets a cookie and reloads/);
    expect(detectChallenge(412, [], enc(`<html><meta id="x" content="abc"><script>$_ts=window['$_ts'];$_ts.nsd=1;</script><script src="/a.js"></script></html>`))).toMatch(/瑞数/);
  });

  it("leaves real pages alone: an article with scripts, a redirect shell, a plain 403, a 404", () => {
    const article = `<html><body><h1>某县2023年政府信息公开工作年度报告</h1>${"<p>根据《中华人民共和国政府信息公开条例》规定，本报告由总体情况等部分组成。</p>".repeat(20)}<script>document.cookie="v=1";setTimeout(function(){},1)</script></body></html>`;
    expect(detectChallenge(200, [], enc(article))).toBeUndefined();
    expect(detectChallenge(200, [], enc(`<script>location.href="/x.html"</script>`))).toBeUndefined();
    expect(detectChallenge(403, [], enc("<html><body><h1>403 Forbidden</h1></body></html>"))).toBeUndefined();
    expect(detectChallenge(404, [], enc(challengePage))).toBeUndefined();
  });
});
