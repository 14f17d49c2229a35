import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { pdfToText } from "../../../src/extract/pdf/pdf-to-text.ts";
import { numbersIn, rowWith, tableLines } from "./table-rows.ts";

// A real WPS-made report from the corpus (test/fixtures/corpus) (tables with borders; table 三 spans pages 4–5).
const file = new URL("../../fixtures/corpus/real/huaian-2024.pdf", import.meta.url);

describe.skipIf(!existsSync(file))("huaian-2024.pdf (real WPS report)", () => {
  const read = existsSync(file) ? pdfToText(new Uint8Array(readFileSync(file)), { name: "huaian-2024.pdf" }) : Promise.reject(new Error("missing"));

  it("reads each table row on one line with its numbers in the right cells", async () => {
    const { text, pages } = await read;
    expect(pages).toBe(6);
    expect(numbersIn(rowWith(text, "一、本年新收政府信息公开申请数量"))).toEqual([3001, 53, 0, 0, 61, 4, 3119]);
    expect(rowWith(text, "规章")).toEqual(["规章", "1", "0", "11"]);
    expect(rowWith(text, "行政规范性文件")).toEqual(["行政规范性文件", "8", "26", "66"]);
    expect(numbersIn(rowWith(text, "行政许可"))).toEqual([447228]);
    expect(numbersIn(rowWith(text, "行政事业性收费"))).toEqual([96171.6]);
    const noCorrection = rowWith(text, "1、申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
    expect(numbersIn(noCorrection)).toEqual([67, 3, 0, 0, 1, 0, 71]);
    expect(numbersIn(rowWith(text, "（七）总计"))).toEqual([2932, 53, 0, 0, 61, 4, 3050]);
    expect(numbersIn(rowWith(text, "四、结转下年度继续办理"))).toEqual([103, 0, 0, 0, 0, 0, 103]);
    const appeals = tableLines(text).find((cells) => cells.length === 15 && cells.every((c) => /^\d+$/.test(c)));
    expect(appeals?.map(Number)).toEqual([72, 64, 178, 37, 351, 13, 4, 8, 1, 26, 12, 1, 1, 6, 20]);
  });

  it("joins table 三 across pages 4–5, with the group label cut by the break made whole", async () => {
    const { text } = await read;
    const notHeld = rowWith(text, "1.本机关不掌握相关政府信息")!;
    expect(notHeld.slice(0, 3)).toEqual(["", "（四）无法提供", "1.本机关不掌握相关政府信息"]);
    expect(numbersIn(notHeld)).toEqual([746, 12, 0, 0, 10, 1, 769]);
    const next = rowWith(text, "2.没有现成信息需要另行制作")!;
    expect(next.slice(0, 2)).toEqual(["", ""]);
    expect(numbersIn(next)).toEqual([11, 0, 0, 0, 0, 0, 11]);
    expect(text).not.toMatch(/(^|\t)法提供\t/m);
    // One table block from the header to 四、结转, every row 10 cells.
    const block = text.split("\n\n").find((b) => b.includes("一、本年新收"))!;
    expect(block).toContain("四、结转下年度继续办理");
    expect(block.split("\n").every((l) => l.split("\t").length === 10)).toBe(true);
  });

  it("joins wrapped header cells and drops page numbers", async () => {
    const { text } = await read;
    expect(rowWith(text, "商业企业")).toEqual(["", "", "", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""]);
    expect(text).not.toMatch(/^-\s*\d+\s*-$/m);
    expect(text).not.toContain("-4-");
    expect(text).toContain("积极构建权威、便捷、高效的一体化互联网政务服务平台。\n");
    // A paragraph broken by the page 1–2 break is one line again.
    expect(text).toMatch(/“建设‘四最’一流营商环境高质量推进产业发展”/);
  });
});
