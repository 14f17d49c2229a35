import { describe, expect, it } from "vitest";
import { diffSequences } from "../../src/store/diff/sequence-diff.ts";
import { splitSentences } from "../../src/store/diff/split-sentences.ts";
import { diffText, tokens, type Piece } from "../../src/store/diff/text-diff.ts";

const changed = (pieces: Piece[]) => pieces.filter((p) => p.changed).map((p) => p.text);
const whole = (pieces: Piece[]) => pieces.map((p) => p.text).join("");

describe("splitSentences", () => {
  it("cuts after 。！？； with closing quotes, and at line ends, losing nothing", () => {
    const text = "全年收到申请12件。其中“依申请公开”5件！是否合规？是；\n表格\t1\t2\n末尾无句号";
    const units = splitSentences(text);
    expect(units).toEqual(["全年收到申请12件。", "其中“依申请公开”5件！", "是否合规？", "是；", "\n", "表格\t1\t2", "\n", "末尾无句号"]);
    expect(units.join("")).toBe(text);
  });
  it("keeps a closing quote after the full stop with its sentence", () => {
    expect(splitSentences("他说：“已公开。”随后办理。")).toEqual(["他说：“已公开。”", "随后办理。"]);
  });
});

describe("diffSequences", () => {
  it("finds the shortest edit script", () => {
    const runs = diffSequences(Array.from("ABCABBA"), Array.from("CBABAC"))!;
    const edits = runs.filter((r) => r.op !== "equal").reduce((s, r) => s + r.items.length, 0);
    expect(edits).toBe(5); // the classic Myers example: D = 5
    const a = runs.filter((r) => r.op !== "insert").flatMap((r) => r.items).join("");
    const b = runs.filter((r) => r.op !== "delete").flatMap((r) => r.items).join("");
    expect([a, b]).toEqual(["ABCABBA", "CBABAC"]);
  });
  it("gives up (null) past maxEdits", () => {
    expect(diffSequences(Array.from("abcdef"), Array.from("uvwxyz"), 3)).toBeNull();
  });
  it("handles empty sides", () => {
    expect(diffSequences([], ["x"])).toEqual([{ op: "insert", items: ["x"] }]);
    expect(diffSequences(["x"], [])).toEqual([{ op: "delete", items: ["x"] }]);
  });
});

describe("diffText", () => {
  const a = "2023年，本机关认真贯彻条例。全年主动公开政府信息120条。收到申请5件，均已按时答复。\n";

  it("is empty for equal texts", () => {
    expect(diffText(a, a)).toEqual([]);
  });

  it("names the one changed number inside the one changed sentence", () => {
    const b = a.replace("120条", "135条");
    const changes = diffText(a, b);
    expect(changes).toHaveLength(1);
    expect(whole(changes[0].before)).toBe("全年主动公开政府信息120条。");
    expect(whole(changes[0].after)).toBe("全年主动公开政府信息135条。");
    expect(changed(changes[0].before)).toEqual(["120"]); // a number is one unit
    expect(changed(changes[0].after)).toEqual(["135"]);
  });

  it("reports an inserted sentence as an insertion only", () => {
    const b = a.replace("全年主动公开政府信息120条。", "全年主动公开政府信息120条。新增政策解读10篇。");
    const changes = diffText(a, b);
    expect(changes).toHaveLength(1);
    expect(changes[0].before).toEqual([]);
    expect(changes[0].after).toEqual([{ text: "新增政策解读10篇。", changed: true }]);
  });

  it("reports a deleted sentence as a deletion only, with its line", () => {
    const text = "第一行。\n第二行甲。第二行乙。\n第三行。\n";
    const changes = diffText(text, text.replace("第二行乙。", ""));
    expect(changes).toHaveLength(1);
    expect(changes[0].after).toEqual([]);
    expect(changes[0].before).toEqual([{ text: "第二行乙。", changed: true }]);
    expect(changes[0].lineBefore).toBe(2);
  });

  it("shows a rewritten sentence whole instead of a confetti of shared characters", () => {
    const b = a.replace("收到申请5件，均已按时答复。", "无行政复议和行政诉讼案件。");
    const [change] = diffText(a, b);
    expect(change.before).toEqual([{ text: "收到申请5件，均已按时答复。", changed: true }]);
    expect(change.after).toEqual([{ text: "无行政复议和行政诉讼案件。", changed: true }]);
  });

  it("diffs characters inside a changed Chinese sentence", () => {
    const [change] = diffText("本机关不掌握相关政府信息。", "本机关确实不掌握有关政府信息。");
    expect(changed(change.before)).toEqual(["相"]);
    expect(changed(change.after)).toEqual(["确实", "有"]);
    expect(whole(change.after)).toBe("本机关确实不掌握有关政府信息。");
  });

  it("tokenizes numbers and Latin words as units", () => {
    expect(tokens("共3.5万元PDF版")).toEqual(["共", "3.5", "万", "元", "PDF", "版"]);
  });

  it("diffs table rows (tab-separated lines) cell by cell", () => {
    const before = "一、本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t0\t3\n二、上年结转\t0\t0\t0\t0\t0\t0\t0\n";
    const after = before.replace("\t3\t0\t0\t0\t0\t0\t3\n", "\t4\t0\t0\t0\t0\t0\t4\n");
    const [change] = diffText(before, after);
    expect(change.lineBefore).toBe(1);
    expect(changed(change.before)).toEqual(["3", "3"]);
    expect(changed(change.after)).toEqual(["4", "4"]);
  });

  it("counts lines from 1 for the new side too", () => {
    const changes = diffText("甲。\n乙。\n", "新。\n甲。\n乙。\n");
    expect(changes).toEqual([{ lineBefore: 1, lineAfter: 1, before: [], after: [{ text: "新。\n", changed: true }] }]);
  });
});
