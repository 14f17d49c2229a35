import { describe, expect, it } from "vitest";
import { colorEnabled, paint } from "../../src/cli/format/ansi.ts";
import { csvField, csvLine, parseCsv } from "../../src/export/csv.ts";
import { displayWidth, padEnd, truncate } from "../../src/cli/format/display-width.ts";
import { formatRecordDiff } from "../../src/cli/format/format-record-diff.ts";
import { formatTextChange } from "../../src/cli/format/format-text-changes.ts";
import { formatDelta } from "../../src/cli/format/numbers.ts";
import { textTable } from "../../src/cli/format/text-table.ts";
import { diffRecords } from "../../src/store/diff/record-diff.ts";
import { delta, diffValues } from "../../src/store/diff/value-diff.ts";
import { diffChecks } from "../../src/store/diff/check-diff.ts";
import { cellLabel, compareKeys, formTables } from "../../src/store/form-layout.ts";

describe("csv", () => {
  it("quotes commas, quotes, line breaks and edge spaces; doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("cr\rhere")).toBe('"cr\rhere"');
    expect(csvField(" padded")).toBe('" padded"');
    expect(csvField("青山镇人民政府")).toBe("青山镇人民政府");
  });
  it("writes null and undefined as empty fields, numbers as they are, 0 as 0", () => {
    expect(csvLine([1, null, undefined, 0, "x"])).toBe("1,,,0,x\r\n");
    expect(csvLine([-2.5, "1,000"])).toBe('-2.5,"1,000"\r\n');
  });
  it("reads back what it writes, and LF, CR or CRLF line ends; says when a quote is left open", () => {
    const fields = ["a,b", 'say "hi"', "two\nlines", "cr\rhere", " padded", "", "青山镇"];
    expect(parseCsv(csvLine(fields) + csvLine(["x", 1]))).toEqual({ rows: [fields, ["x", "1"]], unclosed: false });
    expect(parseCsv("a,b\nc\rd,e\r\n\nf")).toEqual({ rows: [["a", "b"], ["c"], ["d", "e"], [""], ["f"]], unclosed: false });
    expect(parseCsv('a,"b\nc')).toEqual({ rows: [["a", "b\nc"]], unclosed: true });
    expect(parseCsv('x"y,z')).toEqual({ rows: [['x"y', "z"]], unclosed: false }); // a quote inside a field is a character
  });
});

describe("display width", () => {
  it("counts CJK and full-width forms as two columns, ANSI codes as none", () => {
    expect(displayWidth("abc")).toBe(3);
    expect(displayWidth("青山镇")).toBe(6);
    expect(displayWidth("（一）")).toBe(6);
    expect(displayWidth("\x1b[31m红\x1b[39m")).toBe(2);
    expect(padEnd("镇", 4)).toBe("镇  ");
    expect(truncate("青山镇人民政府", 7)).toBe("青山镇…");
    expect(truncate("short", 10)).toBe("short");
  });
  it("aligns a table with CJK cells", () => {
    const t = textTable(["名称", "n"], [["青山镇", "5"], ["ab", "12"]], { right: [1] });
    expect(t).toBe("名称     n\n──────  ──\n青山镇   5\nab      12\n");
  });
});

describe("colour", () => {
  it("only on a TTY and with NO_COLOR unset or empty", () => {
    expect(colorEnabled({ isTTY: true }, {})).toBe(true);
    expect(colorEnabled({ isTTY: false }, {})).toBe(false);
    expect(colorEnabled({}, {})).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: "1" })).toBe(false);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: "" })).toBe(true);
    expect(paint(false).red("x")).toBe("x");
    expect(paint(true).red("x")).toBe("\x1b[31mx\x1b[39m");
  });
});

describe("value diff", () => {
  it("computes deltas without binary noise and lists one-sided cells", () => {
    expect(delta(0.1, 0.3)).toBe(0.2);
    expect(delta(1949.16, 2000.5)).toBe(51.34);
    expect(delta(12.345678, 12.3)).toBe(-0.045678);
    expect(diffValues({ "requests.new.total": 3, "appeals.review.total": 1, "active.fees.amount": 1.5 }, { "requests.new.total": 5, "active.fees.amount": 1.5, "requests.total.total": 0 })).toEqual([
      { key: "requests.new.total", status: "changed", before: 3, after: 5, delta: 2 },
      { key: "requests.total.total", status: "only_after", before: null, after: 0, delta: null },
      { key: "appeals.review.total", status: "only_before", before: 1, after: null, delta: null },
    ]);
  });
  it("orders keys as the form prints them", () => {
    const keys = ["appeals.review.total", "requests.total.total", "requests.new.other", "active.rules.issued", "zzz", "requests.new.natural_person"];
    expect(keys.sort(compareKeys)).toEqual(["active.rules.issued", "requests.new.natural_person", "requests.new.other", "requests.total.total", "appeals.review.total", "zzz"]);
  });
  it("labels a key with its row and column", () => {
    expect(cellLabel("requests.denied.state_secret.commercial")).toBe("三 （三）1.属于国家秘密 · 商业企业");
    expect(cellLabel("appeals.litigation_direct.pending")).toBe("四 行政诉讼·未经复议直接起诉 · 尚未审结");
    expect(cellLabel("active.fees.amount")).toBe("二 行政事业性收费 · 本年收费金额（万元）");
  });
});

describe("check diff", () => {
  it("lists only rules whose status changed, including appearing and vanishing", () => {
    const a = [{ rule: "x", ok: true, detail: "" }, { rule: "y", ok: false, detail: "bad" }, { rule: "z", ok: true, detail: "" }];
    const b = [{ rule: "x", ok: false, detail: "now bad" }, { rule: "y", ok: false, detail: "still bad" }, { rule: "w", ok: true, detail: "" }];
    expect(diffChecks(a, b)).toEqual([
      { rule: "x", before: { ok: true, detail: "" }, after: { ok: false, detail: "now bad" } },
      { rule: "z", before: { ok: true, detail: "" }, after: null },
      { rule: "w", before: null, after: { ok: true, detail: "" } },
    ]);
  });
});

describe("form tables", () => {
  it("are empty for template none and blank (null) where a cell is not shown", () => {
    expect(formTables("none", { "requests.new.total": 1 })).toEqual([]);
    const t = formTables("2021", { "appeals.review.upheld": 0 });
    const appeals = t.find((x) => x.table === "appeals")!;
    expect(appeals.rows[0].cells).toEqual([0, null, null, null, null]);
  });
});

describe("text change and diff formatting", () => {
  const change = { lineBefore: 3, lineAfter: 3, before: [{ text: "公开信息", changed: false }, { text: "120", changed: true }, { text: "条。", changed: false }], after: [{ text: "公开信息", changed: false }, { text: "135", changed: true }, { text: "条。", changed: false }] };

  it("brackets changed stretches wdiff-style without colour", () => {
    expect(formatTextChange(change, paint(false), "")).toBe("@@ line 3\n- 公开信息[-120-]条。\n+ 公开信息{+135+}条。\n");
  });

  it("uses red/green and reverse video with colour", () => {
    const text = formatTextChange(change, paint(true), "");
    expect(text).toContain("\x1b[31m- 公开信息\x1b[7m120\x1b[27m条。\x1b[39m");
    expect(text).toContain("\x1b[32m+ 公开信息\x1b[7m135\x1b[27m条。\x1b[39m");
  });

  it("shows a pure insertion as + lines only, tabs as cell separators", () => {
    const text = formatTextChange({ lineBefore: 5, lineAfter: 5, before: [], after: [{ text: "新增\t1\n", changed: true }] }, paint(false), "");
    expect(text).toBe("@@ after line 4\n+ 新增 │ 1\n");
  });

  it("formats a whole record diff: cells with delta, checks, sections", () => {
    const diff = diffRecords(
      { values: { "requests.new.total": 3 }, checks: [{ rule: "requests.balance", ok: true, detail: "fine" }], sections: [{ number: "一", title: "总体情况", text: "全年收到申请3件。\n" }, { number: "二", title: "主动公开政府信息情况", text: "同。\n" }] },
      { values: { "requests.new.total": 5 }, checks: [{ rule: "requests.balance", ok: false, detail: "total: new 5 + carried_over 0 ≠ total 3 + carried_forward 0" }], sections: [{ number: "一", title: "总体情况", text: "全年收到申请5件。\n" }, { number: "二", title: "主动公开政府信息情况", text: "同。\n" }] },
    );
    const text = formatRecordDiff(diff, { before: "2022", after: "2023" }, paint(false));
    expect(text).toContain("Cells: 1 changed\n");
    expect(text).toMatch(/requests\.new\.total +三 一、本年新收政府信息公开申请数量 · … +3 +5 +\+2\n/); // label cut to 40 columns
    expect(text).toContain("requests.balance: ok → FAILED\n    total: new 5 + carried_over 0 ≠ total 3 + carried_forward 0");
    expect(text).toContain("Text: 1 of 2 sections changed");
    expect(text).toContain("- 全年收到申请[-3-]件。");
    expect(text).toContain("+ 全年收到申请{+5+}件。");
    expect(text).toContain("二、主动公开政府信息情况: unchanged");
    expect(formatDelta(-2)).toBe("-2");
    expect(formatDelta(0.5)).toBe("+0.5");
  });
});
