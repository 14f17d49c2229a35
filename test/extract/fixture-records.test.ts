import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../src/extract/extract-document.ts";

// Every rendered fixture (PDF, HTML, DOCX, DOC, RTF, and the metadata fixtures made from the
// corpus), from bytes to report record: exactly the expected values — every cell, no extra cell —
// and its metadata; where the fixture says, the evidence for each field, the body's names and
// the warnings the record must carry.

const FIXTURES = resolve(import.meta.dirname, "../fixtures");

interface Expected {
  style?: string; values?: Record<string, number>; absent?: string[]; kind?: string;
  title?: string | null; agency?: string | null; year?: number | null; template?: string;
  evidence?: Record<string, string>; names?: string[]; warnings?: string[];
  hints?: { context?: { title?: string; publisher?: string } };
}

function fixtures(): { name: string; document: string; expected: Expected }[] {
  const out = [];
  for (const dir of ["pdf", "html", "html-real", "docx", "doc", "rtf", "metadata"]) {
    const path = join(FIXTURES, dir);
    if (!existsSync(path)) continue;
    const files = readdirSync(path);
    for (const f of files.filter((x) => x.endsWith(".expected.json"))) {
      const stem = f.slice(0, -".expected.json".length);
      const document = files.find((x) => x.startsWith(`${stem}.`) && !x.endsWith(".json") && !x.endsWith(".md"));
      if (document) out.push({ name: `${dir}/${document}`, document: join(path, document), expected: JSON.parse(readFileSync(join(path, f), "utf8")) });
    }
  }
  return out;
}

describe.each(fixtures())("$name", ({ document, expected }) => {
  it("extracts exactly the expected record", async () => {
    if (expected.style === "encrypted") {
      await expect(extractDocument(readFileSync(document), { name: document })).rejects.toThrow(/password-protected/);
      return;
    }
    const { record } = await extractDocument(readFileSync(document), { name: document, ...expected.hints });
    if (expected.kind) expect(record.kind).toBe(expected.kind);
    if (expected.values) expect(record.values).toEqual(expected.values);
    for (const key of expected.absent ?? []) expect(record.values[key], key).toBeUndefined();
    if (expected.title !== undefined) expect(record.title).toBe(expected.title);
    if (expected.agency !== undefined) expect(record.agency).toBe(expected.agency);
    if (expected.year !== undefined) expect(record.year).toBe(expected.year);
    if (expected.template) expect(record.template).toBe(expected.template);
    if (expected.evidence) expect(record.source?.evidence).toEqual(expected.evidence);
    if (expected.names) expect(record.source?.names).toEqual(expected.names);
    for (const w of expected.warnings ?? []) expect(record.warnings.join("\n")).toContain(w);
    if (record.kind === "annual_report" && expected.values && Object.keys(expected.values).length) {
      expect(record.checks.every((c) => c.ok), JSON.stringify(record.checks)).toBe(true);
    }
  });
});

it("finds fixtures of every kind", () => {
  const kinds = new Set(fixtures().map((f) => f.name.split("/")[0]));
  expect([...kinds].sort()).toEqual(["doc", "docx", "html", "html-real", "metadata", "pdf", "rtf"]);
});
