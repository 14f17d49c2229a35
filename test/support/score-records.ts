// Scores report records against hand-checked expected files (test/fixtures/corpus/*/*.expected.json).
// A cell is correct when the record has the expected number, missed when it has no number there,
// and wrong when it has another number — or any number for a cell the document does not show
// (`absent`). Metadata: the agency must be one of the accepted spellings, the year and template equal.
// Wrong numbers are the failure that matters: a reader cannot tell them from right ones.

export interface Expected {
  source?: string;
  agency: string[];
  year: number;
  template?: string;
  values: Record<string, number>;
  absent?: string[];
}

/** The part of a report record the score reads. */
export interface Scored {
  agency: string | null;
  year: number | null;
  template: string;
  values: Record<string, number | null | undefined>;
}

export interface DocumentScore {
  name: string;
  cells: number;
  correct: number;
  missed: number;
  wrong: number;
  metadataRight: number;
  metadataAll: number;
  /** One line per problem: "missed KEY", "WRONG KEY: got (expected x)", "meta agency: …". */
  problems: string[];
}

export interface CorpusScore extends Omit<DocumentScore, "name" | "problems"> {
  documents: DocumentScore[];
}

const isNumber = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);

export function scoreRecord(name: string, expected: Expected, record: Scored): DocumentScore {
  const s: DocumentScore = { name, cells: 0, correct: 0, missed: 0, wrong: 0, metadataRight: 0, metadataAll: 0, problems: [] };
  for (const [key, want] of Object.entries(expected.values)) {
    s.cells++;
    const got = record.values[key];
    if (!isNumber(got)) { s.missed++; s.problems.push(`missed ${key}`); }
    else if (Math.abs(got - want) > 1e-9) { s.wrong++; s.problems.push(`WRONG ${key}: ${got} (expected ${want})`); }
    else s.correct++;
  }
  for (const key of expected.absent ?? []) {
    const got = record.values[key];
    if (isNumber(got)) { s.wrong++; s.problems.push(`WRONG ${key}: ${got} (not in the document)`); }
  }
  const metadata: [string, boolean, unknown][] = [
    ["agency", record.agency !== null && expected.agency.includes(record.agency), record.agency],
    ["year", record.year === expected.year, record.year],
    ["template", !expected.template || record.template === expected.template, record.template],
  ];
  for (const [field, ok, got] of metadata) {
    s.metadataAll++;
    if (ok) s.metadataRight++;
    else s.problems.push(`meta ${field}: ${JSON.stringify(got)}`);
  }
  return s;
}

export function scoreCorpus(documents: DocumentScore[]): CorpusScore {
  const sum = (f: (d: DocumentScore) => number) => documents.reduce((n, d) => n + f(d), 0);
  return {
    documents,
    cells: sum((d) => d.cells),
    correct: sum((d) => d.correct),
    missed: sum((d) => d.missed),
    wrong: sum((d) => d.wrong),
    metadataRight: sum((d) => d.metadataRight),
    metadataAll: sum((d) => d.metadataAll),
  };
}

/** The summary line: "cells 1096: correct 1096, missed 0, wrong 0; metadata 18/18". */
export function scoreLine(s: CorpusScore): string {
  return `cells ${s.cells}: correct ${s.correct}, missed ${s.missed}, wrong ${s.wrong}; metadata ${s.metadataRight}/${s.metadataAll}`;
}
