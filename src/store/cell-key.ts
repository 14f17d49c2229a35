// A contract cell key in long form: requests.denied.state_secret.total → table requests,
// row denied.state_secret, column total (first segment, middle, last segment).

export type ValueTable = "active" | "requests" | "appeals";

export interface CellKeyParts {
  table: ValueTable;
  rowKey: string;
  columnKey: string;
}

const TABLES = new Set<string>(["active", "requests", "appeals"]);

/** The parts of a cell key, or undefined for a key outside the three tables. */
export function splitCellKey(key: string): CellKeyParts | undefined {
  const parts = key.split(".");
  if (parts.length < 3 || !TABLES.has(parts[0]) || parts.some((p) => p === "")) return undefined;
  return { table: parts[0] as ValueTable, rowKey: parts.slice(1, -1).join("."), columnKey: parts[parts.length - 1] };
}
