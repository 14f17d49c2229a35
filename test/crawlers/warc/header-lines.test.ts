import { describe, expect, it } from "vitest";
import { parseHeaderLines } from "../../../src/crawlers/warc/header-lines.ts";

describe("parseHeaderLines", () => {
  it("reads name and value, joins a folded line to the value above, trims WARC names only", () => {
    expect(parseHeaderLines(["Content-Type: text/html", "X-Long: a", "\tb", "Odd : v"], "HTTP")).toEqual([["Content-Type", "text/html"], ["X-Long", "a b"], ["Odd ", "v"]]);
    expect(parseHeaderLines(["WARC-Type : response"], "WARC", { trimNames: true })).toEqual([["WARC-Type", "response"]]);
  });
  it("refuses a line without a name, saying which header", () => {
    expect(() => parseHeaderLines([": x"], "WARC")).toThrow(/^WARC header line without a name: ": x"$/);
    expect(() => parseHeaderLines(["no colon"], "HTTP")).toThrow(/^HTTP header line without a name/);
  });
});
