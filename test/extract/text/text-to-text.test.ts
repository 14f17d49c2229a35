import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";
import { textToText } from "../../../src/extract/text/text-to-text.ts";
import { ExtractError } from "../../../src/extract/extract-error.ts";

// The seed reports of the project's corpus copy (test/fixtures/corpus/seeds).
const SEEDS = join(import.meta.dirname, "../../fixtures/corpus/seeds");
const seedFiles = readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort();
const enc = (s: string) => new TextEncoder().encode(s);
const isRule = (line: string) => /-{3}/.test(line) && line.split(/\t|\|/).every((c) => c.trim() === "" || /^\s*:?-{3,}:?\s*$/.test(c));
/**
 * The tab-separated rows of a text, as cells, markdown bold removed and trailing spaces trimmed.
 * Whitespace-only lines ("\t" for an empty cell in seed 003) are left out: normalizeText folds them.
 */
const tabRows = (text: string) => text.split("\n").filter((l) => l.includes("\t") && l.trim() !== "" && !isRule(l)).map((l) => l.replace(/\*\*/g, "").replace(/[ \u3000]+$/, "").split("\t"));

describe("textToText on the seed reports", () => {
  it("finds the five seeds", () => {
    expect(seedFiles).toHaveLength(5);
  });

  describe.each(seedFiles)("%s", (file) => {
    const raw = readFileSync(join(SEEDS, file));
    const out = textToText(new Uint8Array(raw), { name: file });
    const lines = out.text.split("\n");

    it("removes markdown markers and rule rows", () => {
      expect(lines.filter((l) => /^\s*#/.test(l))).toEqual([]);
      expect(out.text).not.toContain("**");
      expect(lines.filter(isRule)).toEqual([]);
      expect(out.text).not.toContain("[bookmark:");
    });

    it("keeps every table row tab-separated with the same cells", () => {
      const before = tabRows(raw.toString("utf8"));
      expect(before.length).toBeGreaterThan(10);
      expect(tabRows(out.text)).toEqual(before);
    });

    it("is canonical: NFC, no CR, single blank lines, one final newline", () => {
      expect(out.format).toBe("text");
      expect(out.text).toBe(out.text.normalize("NFC"));
      expect(out.text).not.toMatch(/\r|\n\n\n/);
      expect(out.text.endsWith("\n") && !out.text.endsWith("\n\n")).toBe(true);
    });
  });

  it("turns markdown headings into plain lines (seed 001)", () => {
    const out = textToText(new Uint8Array(readFileSync(join(SEEDS, "001_b1c038de0e5df421.txt")))).text.split("\n");
    expect(out[0]).toBe("桃江县桃花江镇 2023 年政府信息公开工作年度报告");
    expect(out).toContain("一、总体情况");
    expect(out).toContain("三、收到和处理政府信息公开申请情况");
    expect(out).toContain("四、政府信息公开行政复议、行政诉讼情况");
    expect(out).toContain("六、其他需要报告的事项");
  });

  it("drops the ---\\t--- rule row and keeps the row of numbers above it (seed 000)", () => {
    const out = textToText(new Uint8Array(readFileSync(join(SEEDS, "000_e38f6fbf12461b6a.txt")))).text;
    expect(out).toContain(`${Array(15).fill("0").join("\t")}\n\n五、存在的主要问题及改进情况`);
  });

  it("keeps one-cell-per-line tables with their leading tab (seed 003)", () => {
    const out = textToText(new Uint8Array(readFileSync(join(SEEDS, "003_09d7efa84834ab25.txt")))).text.split("\n");
    expect(out).toContain("\t第二十条第（一）项");
    expect(out).toContain("\t行政规范性文件");
    expect(out.find((l) => l.includes("本报告依据"))?.startsWith("本报告依据")).toBe(true);
  });
});

describe("textToText on markdown and encodings", () => {
  it("turns a pipe table into tab rows with a blank line around it", () => {
    const md = [
      "## 二、主动公开政府信息情况",
      "| 信息内容 | 本年制发件数 | 本年废止件数 |",
      "|:---|---:|:---:|",
      "| **规章** | 3 | 0 |",
      "| 商业<br>企业 | 1 2 |  |",
      "说明文字",
    ].join("\n");
    expect(textToText(enc(md)).text).toBe([
      "二、主动公开政府信息情况", "",
      "信息内容\t本年制发件数\t本年废止件数",
      "规章\t3\t0",
      "商业企业\t1 2\t", "",
      "说明文字", "",
    ].join("\n"));
  });

  it("keeps # and ** that are not markers where they mean something else", () => {
    expect(textToText(enc("#话题# 政务公开\n第#1号\n")).text).toBe("#话题# 政务公开\n第#1号\n");
  });

  it("decodes GBK text without a declaration and CRLF line ends", () => {
    const bytes = new Uint8Array(iconv.encode("一、总体情况\r\n规章\t1\t2\t3\r\n朱镕基\r\n", "gbk"));
    expect(textToText(bytes).text).toBe("一、总体情况\n规章\t1\t2\t3\n朱镕基\n");
  });

  it("refuses binary data", () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    expect(() => textToText(bytes, { name: "a.txt" })).toThrow(ExtractError);
    expect(() => textToText(bytes, { name: "a.txt" })).toThrow(/^a\.txt: does not look like HTML or text \(binary data\); /);
  });
});
