import { UserError } from "./fail.ts";

// Argument checks shared by the archive commands: usage errors exit with code 2.

export function parseYear(text: string | undefined, what = "YEAR"): number {
  const year = Number(text);
  if (!text || !/^\d{4}$/.test(text.trim()) || year < 1990 || year > 2100) {
    throw new UserError(`${what} must be a year like 2023, not '${text ?? ""}'`, 2);
  }
  return year;
}

export function parseCount(text: string | undefined, what: string, max = 10_000): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > max) throw new UserError(`${what} must be a whole number from 1 to ${max}, not '${text}'`, 2);
  return n;
}

/** A whole number from 0 to max (a delay in ms, where 0 means none). */
export function parseWhole(text: string | undefined, what: string, max: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > max) throw new UserError(`${what} must be a whole number from 0 to ${max}, not '${text}'`, 2);
  return n;
}

/** Snake-case keys for JSON output (the record's style), recursively; Dates become ISO strings. */
export function snakeKeys(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(snakeKeys);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`), snakeKeys(v)]));
  }
  return value;
}
