import { describe, expect, it } from "vitest";
import { PortalScope, siteOf } from "../../../src/crawlers/crawl/portal-scope.ts";

describe("siteOf", () => {
  it("keeps the registered domain under .gov.cn and other second-level zones", () => {
    expect(siteOf("www.xiaoyi.gov.cn")).toBe("xiaoyi.gov.cn");
    expect(siteOf("xxgk.xiaoyi.gov.cn")).toBe("xiaoyi.gov.cn");
    expect(siteOf("www.example.com")).toBe("example.com");
    expect(siteOf("127.0.0.1")).toBe("127.0.0.1");
  });
});

describe("PortalScope", () => {
  const scope = () => new PortalScope("http://www.qingfeng.gov.cn/", ["attach.cdn.example.com"]);
  it("allows its hosts, their registered domain, other ports and schemes of its host", () => {
    const s = scope();
    expect(s.allows(new URL("https://www.qingfeng.gov.cn/a.html"), "detail")).toBe(true);
    expect(s.allows(new URL("http://xxgk.qingfeng.gov.cn/col/col1/index.html"), "column")).toBe(true);
    expect(s.allows(new URL("http://www.qingfeng.gov.cn:8080/x"), "list")).toBe(true);
    expect(s.allows(new URL("http://attach.cdn.example.com/a.pdf"), "detail")).toBe(true);
  });

  it("takes documents from any host, but crawls no page of an unrelated one", () => {
    const s = scope();
    expect(s.allows(new URL("http://files.other.com/r.pdf"), "attachment")).toBe(true);
    expect(s.allows(new URL("http://www.other.com/list.html"), "list")).toBe(false);
    expect(s.allows(new URL("http://www.baidu.com/"), "nav")).toBe(false);
    expect(s.allows(new URL("mailto:x@qingfeng.gov.cn"), "nav")).toBe(false);
  });

  it("adds another domain's 信息公开 platform reached from its navigation, for the rest of the run", () => {
    const s = scope();
    expect(s.allows(new URL("http://www.other.gov.cn/list.html"), "list")).toBe(false);
    expect(s.allows(new URL("http://xxgk.city.gov.cn/county/index.html"), "column")).toBe(true);
    expect(s.allows(new URL("http://xxgk.city.gov.cn/county/art_1.html"), "detail")).toBe(true);
    expect(s.list()).toContain("xxgk.city.gov.cn");
  });
});
