import { describe, expect, it } from "vitest";
import { parseReport } from "../../../src/extract/parse/parse-report.ts";
import { rng, syntheticReport, tableGrid } from "../../support/synthetic-report.ts";

// The parser's promise under damage: whatever other tools do to a report's tables — phantom
// empty cells or columns, labels split over lines, spaced out or lost, rows moved or gone,
// headers gone — it may miss cells, but every number it gives is the document's. Damage that
// changes what the document says (a number cell dropped or added, which shifts the others into
// other columns) is not used: there the document itself would show other numbers.

type Damage = (rows: string[][], pick: () => number) => string[][];

const at = (xs: unknown[], pick: () => number) => Math.floor(pick() * xs.length);
/** A number cell: damage to it would change what the document says, so labels only are touched. */
const isNumber = (c: string) => /^-?[\d.,]+$/.test(c);

const DAMAGES: Record<string, Damage> = {
  "add an empty cell": (rows, pick) => { const r = rows[at(rows, pick)]; r.splice(at(r, pick), 0, ""); return rows; },
  "blank a label": (rows, pick) => {
    const r = rows[at(rows, pick)];
    const label = (c: string | undefined) => c !== undefined && c !== "" && !isNumber(c);
    if (label(r[0])) r[0] = "";
    if (label(r[1]) && !/^\d/.test(r[1])) r[1] = "";
    return rows;
  },
  "space out labels": (rows) => rows.map((r) => r.map((c) => (isNumber(c) ? c : [...c].join(" ")))),
  "swap two rows": (rows, pick) => { const a = at(rows, pick), b = at(rows, pick); [rows[a], rows[b]] = [rows[b], rows[a]]; return rows; },
  "drop a row": (rows, pick) => { rows.splice(at(rows, pick), 1); return rows; },
  "split a label over lines": (rows, pick) => {
    const i = at(rows, pick);
    const label = rows[i].findLastIndex((c) => c.length > 4 && !isNumber(c));
    if (label < 0) return rows;
    const text = rows[i][label];
    const cut = 2 + Math.floor(pick() * (text.length - 3));
    rows[i][label] = text.slice(cut);
    rows.splice(i, 0, [text.slice(0, cut)]);
    return rows;
  },
  "trailing empty column": (rows) => rows.map((r) => [...r, ""]),
};

function damaged(seed: number, template: "2021" | "2019"): { text: string; truth: Record<string, number>; done: string[] } {
  const report = syntheticReport({ seed, template, scale: 60 + seed });
  const pick = rng(seed * 7919);
  const names = Object.keys(DAMAGES);
  const done: string[] = [];
  const blocks = report.blocks.map((b) => {
    if (b.type !== "table") return b.text;
    let rows = tableGrid(b.rows);
    for (let n = 0; n < 3 && rows.length > 1; n++) {
      const name = names[at(names, pick)];
      done.push(name);
      rows = DAMAGES[name](rows.map((r) => [...r]), pick);
    }
    return rows.map((r) => r.join("\t")).join("\n");
  });
  return { text: blocks.join("\n\n"), truth: report.values, done };
}

describe("perturbed tables", () => {
  for (const template of ["2021", "2019"] as const) {
    it(`gives no wrong number in 300 damaged ${template} reports`, () => {
      let cells = 0, read = 0;
      const wrong: string[] = [];
      for (let seed = 1; seed <= 300; seed++) {
        const { text, truth, done } = damaged(seed, template);
        const { values } = parseReport(text);
        for (const [key, v] of Object.entries(values)) {
          if (truth[key] !== v) wrong.push(`seed ${seed} (${done.join(", ")}): ${key} = ${v}, document ${truth[key] ?? "shows none"}`);
        }
        cells += Object.keys(truth).length;
        read += Object.keys(values).filter((k) => truth[k] === values[k]).length;
      }
      expect(wrong.slice(0, 10)).toEqual([]);
      // Damage costs cells, but most of each report still reads.
      expect(read / cells).toBeGreaterThan(0.8);
    });
  }
});
