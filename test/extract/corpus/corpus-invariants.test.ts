import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { extractDocument } from "../../../src/extract/extract-document.ts";
import { contractKeys } from "../../../src/extract/parse/cell-keys.ts";
import { corpusDocuments } from "./corpus-documents.ts";

// Snapshot of the corpus records, guarded by invariants a careless snapshot update cannot hide:
// only contract keys, nothing for cells the document does not show, identities holding where the
// hand-checked values say they hold, six ordered sections.

const KEYS = contractKeys();

describe.each(corpusDocuments())("$name", (doc) => {
  it("keeps the invariants and matches its snapshot", async () => {
    const { record, document } = await extractDocument(readFileSync(doc.document), { name: doc.name });
    const expected = JSON.parse(readFileSync(doc.expected, "utf8")) as { values: Record<string, number>; absent?: string[] };

    expect(record.schema).toBe("nianbao.report/1");
    expect(record.kind).toBe("annual_report");
    for (const key of Object.keys(record.values)) expect(KEYS.has(key), key).toBe(true);
    for (const key of expected.absent ?? []) expect(record.values[key], key).toBeUndefined();
    for (const [key, v] of Object.entries(expected.values)) expect(record.values[key], key).toBe(v);
    expect(record.checks.filter((c) => !c.ok)).toEqual([]);
    const numbers = record.sections.map((s) => "一二三四五六".indexOf(s.number));
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(document.text).toBe(document.text.normalize("NFC"));
    expect(document.text).not.toMatch(/[\u2e80-\u2eff\u2f00-\u2fdf\r]/);

    // The metadata's evidence and the body's names are part of the snapshot; the extractor's version and the input's format are not.
    const source = { evidence: record.source?.evidence, names: record.source?.names };
    await expect(JSON.stringify({ ...record, source }, null, 1)).toMatchFileSnapshot(
      `./__snapshots__/${doc.name.replace(/[/.]/g, "_")}.json`,
    );
  });
});
