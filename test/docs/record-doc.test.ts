import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { contractKeys } from "../../src/extract/parse/cell-keys.ts";
import { DOC, keyRows, renderedDoc } from "../../scripts/record-keys.ts";

// docs/record.md documents the record; its list of cell keys is generated from the code and
// must not drift from it.

const doc = readFileSync(DOC, "utf8");

describe("docs/record.md", () => {
  it("lists exactly the cell keys the code knows (run `npm run docs:record` after changing them)", () => {
    expect(renderedDoc(doc)).toBe(doc);
    const listed = [...doc.matchAll(/^\| `((?:active|requests|appeals)\.[a-z_]+(?:\.[a-z_]+)+)` \|/gm)].map((m) => m[1]);
    expect(new Set(listed)).toEqual(contractKeys());
    expect(listed).toHaveLength(keyRows().length);
  });

  it("names every top-level field of the record and every check rule", () => {
    for (const field of ["schema", "kind", "title", "agency", "year", "template", "sections", "values", "checks", "warnings", "source"]) {
      expect(doc, field).toContain(`| \`${field}\` |`);
    }
    for (const rule of ["requests.balance", "requests.total", "requests.columns", "appeals.total", "carry.continuity"]) expect(doc).toContain(`\`${rule}\``);
  });
});
