import { sql, type RawBuilder } from "kysely";

// `--region` of the list commands, on agencies `a`: digits are a code prefix (64, 6405, 640522,
// 640522103 — the agency's division or one within it), anything else a part of the place names
// (海原, 中卫市/海原县), of the placed path or of the region a caller gave.

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function regionFilter(text: string): RawBuilder<boolean> {
  const t = text.normalize("NFKC").trim();
  if (/^\d{2,12}$/.test(t)) {
    // A full 6-digit code of a province or city (640000, 320800) means all within it.
    const prefix = t.length === 6 ? t.replace(/(00)+$/, "") : t.length === 12 ? t.replace(/(000)+$/, "") : t;
    return sql<boolean>`a.region_code like ${`${escapeLike(prefix)}%`}`;
  }
  // ILIKE folds case on every row it tests (slow on UTF-8 text); a text without letters that have
  // case (the place names are Chinese) matches the same with LIKE, at about half the cost.
  const op = t.toLowerCase() === t.toUpperCase() ? sql`like` : sql`ilike`;
  return sql<boolean>`a.region ${op} ${`%${escapeLike(t)}%`}`;
}
