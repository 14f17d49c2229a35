import { describe, expect, it } from "vitest";
import { objectsAfter, readJsValue } from "../../../src/crawlers/discovery/js-literal.ts";
import { pick, scalarIn } from "../../../src/crawlers/discovery/js-lookup.ts";

describe("reading script configuration without running it", () => {
  it("objects with unquoted and quoted keys, all string kinds, numbers, comments, trailing commas", () => {
    const src = `x = { a: 1, 'b': "two", "c": \`three\`, d: [1, 'x', {e: true}], // note
      f: null, /* block */ g: -2.5, h: 'it\\'s', i: "\\u5e74\\u62a5", };`;
    const [{ object }] = objectsAfter(src, /x\s*=\s*/g);
    expect(object).toEqual({ a: 1, b: "two", c: "three", d: [1, "x", { e: true }], f: null, g: -2.5, h: "it's", i: "年报" });
  });

  it("skips what it cannot read (calls, variables, functions) and keeps the rest", () => {
    const src = `$('#1').jpage({ dataStore: $('#1 datastore'), perPage: 15, render: function (a) { return a + 1; }, total: count, proxyUrl: '/module/web/jpage/dataproxy.jsp', p: 'a' + 'b', q: 'a' + v });`;
    const [{ object }] = objectsAfter(src, /\.jpage\(\s*/g);
    expect(object).toEqual({ dataStore: undefined, perPage: 15, render: undefined, total: undefined, proxyUrl: "/module/web/jpage/dataproxy.jsp", p: "ab", q: undefined });
  });

  it("JSON.parse('…') values and nested lookups", () => {
    const { value } = readJsValue(`{ TREE: JSON.parse('[{"id":5,"name":"年报"}]'), deep: { pagebar: { recordCount: '23' } } }`, 0);
    expect(pick(value, "TREE")).toEqual([{ id: 5, name: "年报" }]);
    expect(pick(value, "recordcount")).toBe("23");
  });

  it("scalars assigned anywhere: var x = 5, key: 'v', \"key\":\"v\", &key=v", () => {
    const src = `var countPage = 5//共多少页\n var a = {"SID": "755001"}; url = '?x=1&webid=66&b=2'; columnid: '1229'`;
    expect(scalarIn(src, "countPage")).toBe("5");
    expect(scalarIn(src, "SID")).toBe("755001");
    expect(scalarIn(src, "webid")).toBe("66");
    expect(scalarIn(src, "columnid")).toBe("1229");
    expect(scalarIn(src, "missing")).toBeUndefined();
  });

  it("never loops or throws on broken input", () => {
    for (const src of ["{", "{a:", "{a: 'x", "{a: [1, 2", "{,,,}", "{a:b:c}", "{'a' 1}", "[".repeat(500)]) {
      expect(() => readJsValue(src, 0), src).not.toThrow();
    }
  });
});
