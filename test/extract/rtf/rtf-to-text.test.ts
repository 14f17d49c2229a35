import { describe, expect, it } from "vitest";
import { rtfToText } from "../../../src/extract/rtf/rtf-to-text.ts";

const rtf = (body: string) => new TextEncoder().encode(`{\\rtf1\\ansi\\ansicpg936\\deff0{\\fonttbl{\\f0\\fnil\\fcharset134 x;}{\\f1\\fswiss\\fcharset0 Arial;}}${body}}`);

describe("rtfToText", () => {
  it("decodes \\'hh bytes with the font's charset and \\uN with its fallback skipped", () => {
    // 政府 in GBK is d5fe b8ae; \u25919 is 公, followed by a 2-byte fallback (\uc2) that must not show.
    const { text } = rtfToText(rtf("\\pard\\f0 \\'d5\\'fe\\'b8\\'ae{\\uc2\\u20844\\'b9\\'ab}\\f1 ok\\par"));
    expect(text).toBe("政府公ok\n");
  });

  it("skips destinations: styles, field codes, bookmarks, pictures; keeps field results", () => {
    const { text } = rtfToText(rtf("{\\stylesheet{\\s0 Normal;}}{\\*\\bkmkstart a}\\pard A{\\field{\\*\\fldinst HYPERLINK x}{\\fldrslt B}}{\\pict 0a0b}C\\par"));
    expect(text).toBe("ABC\n");
  });

  it("rebuilds a table from \\cellx edges: a wide cell spans two columns, a vertical merge leaves its slot empty", () => {
    const { text } = rtfToText(rtf([
      "\\trowd\\cellx1000\\cellx3000\\pard\\intbl head\\cell wide\\cell\\row",
      "\\trowd\\clvmgf\\cellx1000\\cellx2000\\cellx3000\\pard\\intbl g\\cell 1\\cell 2\\cell\\row",
      "\\trowd\\clvmrg\\cellx1000\\cellx2000\\cellx3000\\pard\\intbl \\cell 3\\cell 4\\cell\\row",
      "\\pard after\\par",
    ].join("\n")));
    expect(text).toBe("head\twide\t\ng\t1\t2\n\t3\t4\n\nafter\n");
  });

  it("refuses bytes that are not RTF", () => {
    expect(() => rtfToText(new TextEncoder().encode("hello"), { name: "x.doc" })).toThrow(/x\.doc: not an RTF document/);
  });
});
