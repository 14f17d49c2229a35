// Test helper: the tables of a canonical text (blocks between blank lines whose lines hold tabs).

export function canonicalTables(text: string): string[][][] {
  return text.split(/\n\n+/)
    .map((block) => block.split("\n").filter((l) => l !== ""))
    .filter((lines) => lines.length > 0 && lines.every((l) => l.includes("\t")))
    .map((lines) => lines.map((l) => l.split("\t")));
}

export interface Expected {
  agency: string;
  year: number;
  template: "2021" | "2019";
  title: string;
  values: Record<string, number>;
  tables: string[][][];
}
