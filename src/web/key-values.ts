import { keyParts } from "./labels.ts";

// The value of a chosen key in a report's values: the cell itself, or a sum of cells, given only
// when every part is shown (a partial sum would pass for a figure the report does not give).

export function keyValue(values: Record<string, number>, key: string): number | null {
  const parts = keyParts(key);
  let sum = 0;
  for (const p of parts) {
    const v = values[p];
    if (v === undefined) return null;
    sum += v;
  }
  return Number(sum.toFixed(6));
}
