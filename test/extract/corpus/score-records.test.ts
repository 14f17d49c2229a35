import { describe, expect, it } from "vitest";
import { scoreCorpus, scoreLine, scoreRecord, type Expected } from "../../support/score-records.ts";

// The scorer itself: it must see every kind of failure, or the corpus test could not fail.

const expected: Expected = {
  agency: ["某镇人民政府", "某县某镇人民政府"],
  year: 2023,
  template: "2021",
  values: { "requests.new.total": 3, "requests.granted.total": 2, "active.fees.amount": 1.25 },
  absent: ["requests.carried_over.total"],
};
const record = (values: Record<string, number | null>, meta: Partial<{ agency: string | null; year: number; template: string }> = {}) =>
  ({ agency: "某镇人民政府", year: 2023, template: "2021", values, ...meta });

describe("scoreRecord", () => {
  it("counts a perfect record as all correct", () => {
    const s = scoreRecord("a", expected, record({ "requests.new.total": 3, "requests.granted.total": 2, "active.fees.amount": 1.25 }));
    expect([s.cells, s.correct, s.missed, s.wrong, s.metadataRight, s.problems]).toEqual([3, 3, 0, 0, 3, []]);
  });

  it("tells missed (no number, null) from wrong (another number), and any number in an absent cell is wrong", () => {
    const s = scoreRecord("a", expected, record({ "requests.new.total": 4, "requests.granted.total": null, "requests.carried_over.total": 0 }));
    expect([s.correct, s.missed, s.wrong]).toEqual([0, 2, 2]);
    expect(s.problems).toEqual([
      "WRONG requests.new.total: 4 (expected 3)", "missed requests.granted.total", "missed active.fees.amount",
      "WRONG requests.carried_over.total: 0 (not in the document)",
    ]);
  });

  it("checks the agency against every accepted spelling, the year and the template", () => {
    expect(scoreRecord("a", expected, record({}, { agency: "某县某镇人民政府" })).metadataRight).toBe(3);
    const s = scoreRecord("a", expected, record({}, { agency: "某镇", year: 2022, template: "2019" }));
    expect(s.metadataRight).toBe(0);
    expect(s.problems.filter((p) => p.startsWith("meta"))).toEqual(['meta agency: "某镇"', "meta year: 2022", 'meta template: "2019"']);
    expect(scoreRecord("a", expected, record({}, { agency: null })).problems).toContain("meta agency: null");
  });

  it("sums documents into the summary line", () => {
    const a = scoreRecord("a", expected, record({ "requests.new.total": 3 }));
    const b = scoreRecord("b", expected, record({ "requests.new.total": 3, "requests.granted.total": 2, "active.fees.amount": 1.25 }));
    expect(scoreLine(scoreCorpus([a, b]))).toBe("cells 6: correct 4, missed 2, wrong 0; metadata 6/6");
  });
});
