import type { Division, DivisionIndex } from "../divisions/division-index.ts";
import { roleKey, splitRole } from "./role-names.ts";

// The places an agency name begins with, read left to right against the divisions: each name
// found must lie within the one before it (海原县 then 西安镇 → the 西安镇 of 海原县), the longest
// name that does is taken at each step. What remains is the body's role there (人民政府,
// 发改局, …). The candidates are every division the places can mean: one when the name settles
// it, several when it does not (高平镇: three of them), none when the name names no division.

export interface ParsedName {
  /** The normalized name parsed. */
  name: string;
  /** The divisions the places may be; null when the name names none the index knows. */
  candidates: Division[] | null;
  /** The place names as written (the recognised ones, then any the index does not know). */
  places: string;
  /** Place names after the recognised ones that the divisions do not know (XX乡 renamed or new). */
  unknownPlaces: string;
  /** The role as written, and its key. */
  role: string;
  roleKey: string;
}

export function parsePlaces(index: DivisionIndex, name: string): ParsedName {
  let pos = 0;
  let candidates: Division[] | null = null;
  while (pos < name.length) {
    let step: { length: number; found: Division[] } | undefined;
    for (let len = Math.min(index.longestName, name.length - pos); len >= 2 && !step; len--) {
      const list = index.byName.get(name.slice(pos, pos + len));
      if (!list) continue;
      const found: Division[] = candidates ? list.filter((d) => candidates!.some((c) => d !== c && index.within(d, c))) : list;
      if (found.length) step = { length: len, found };
    }
    if (!step) break;
    candidates = step.found;
    pos += step.length;
  }
  const known = name.slice(0, pos);
  const { places: unknownPlaces, role } = splitRole(name.slice(pos));
  const division = candidates?.length === 1 ? candidates[0] : undefined;
  return { name, candidates, places: known + unknownPlaces, unknownPlaces, role, roleKey: roleKey(role, division?.name) };
}
