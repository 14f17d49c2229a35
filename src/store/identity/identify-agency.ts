import type { Division, DivisionIndex } from "../divisions/division-index.ts";
import { normalizeName } from "./normalize-name.ts";
import { parsePlaces, type ParsedName } from "./parse-places.ts";
import { regionHint } from "./region-hint.ts";
import { GOVERNMENT_ROLE, roleKey } from "./role-names.ts";

// An agency's identity, from the evidence only: the name it is filed under, the other names the
// document gives the same body (record.source.names) and the region the caller gives. Placed at
// a division only when these leave exactly one; never guessed. The key joins every spelling of
// one body: the division's code and the role there (640522103|政府) when placed, else the
// places and role the name states (?|高平镇|政府; a name without places, whole: ?||县发改局),
// with the caller's region code when there was one (two unplaced 白石镇 of different counties
// are different bodies).

export type AgencyLevel = "province" | "city" | "county" | "township" | "department";

export interface AgencyIdentity {
  key: string;
  regionCode: string | null;
  level: AgencyLevel | null;
  /** Place names from the province down (placed), else the region the caller gave. */
  region: string | null;
  /** Why it is not placed (kept with the agency), null when placed or nothing to say. */
  note: string | null;
  warnings: string[];
}

export interface IdentifyInput {
  /** The spelling the report is filed under. */
  name: string;
  /** Other names the document gives the body (longest first). */
  names?: readonly string[];
  regionCode?: string | null;
  region?: string | null;
}

const list = (ds: readonly Division[]) => ds.slice(0, 3).map((d) => `${d.path} ${d.code}`).join("; ") + (ds.length > 3 ? `; … ${ds.length} in all` : "");

export function identifyAgency(index: DivisionIndex, input: IdentifyInput): AgencyIdentity {
  const primary = parsePlaces(index, normalizeName(input.name));
  const others = (input.names ?? []).map(normalizeName).filter((n) => n && n !== primary.name).map((n) => parsePlaces(index, n));
  const hint = regionHint(index, input.regionCode, input.region);
  const warnings = hint.warning ? [hint.warning] : [];

  // What the names say: the divisions every name that names one agrees on.
  let candidates: Division[] | null = null;
  for (const p of [primary, ...others]) {
    if (!p.candidates || p.unknownPlaces) continue;
    candidates = candidates ? candidates.filter((c) => p.candidates!.includes(c)) : p.candidates;
  }
  const unplaced = (note: string | null, why?: string): AgencyIdentity => {
    if (why) warnings.push(`${input.name}: ${why}; not placed (give --region or --region-code)`);
    // A name without places keeps its whole spelling: 人民政府 or 县发改局 alone says whose it is
    // only with the region (and then it is placed), so such names are not joined by role.
    const what = primary.places ? `${primary.places}|${primary.roleKey}` : `|${primary.name}`;
    return {
      key: `?${hint.division?.code ?? ""}|${what}`,
      regionCode: null, level: null, region: input.region ?? hint.division?.path ?? null, note, warnings,
    };
  };

  if (primary.unknownPlaces) {
    return unplaced(`no division named ${primary.places} in the codes`, `no division named ${primary.places} in the codes`);
  }
  if (!candidates) {
    // No place in any name: the body is the caller's region's (县政府办公室 on a county's portal).
    if (hint.division) return placed(hint.division, primary, warnings);
    return unplaced(null);
  }
  const all = candidates;
  if (hint.division) candidates = candidates.filter((c) => index.within(c, hint.division!));
  if (candidates.length === 1) return placed(candidates[0], primary, warnings);
  if (candidates.length === 0) {
    if (all.length === 0) return unplaced("its names name different divisions", "its names name different divisions");
    return unplaced(`named places outside ${hint.division!.path}: ${list(all)}`, `its name places it outside ${hint.division!.path} (${list(all)})`);
  }
  const note = `fits ${candidates.length} divisions: ${list(candidates)}`;
  return unplaced(note, note);
}

function placed(division: Division, parsed: ParsedName, warnings: string[]): AgencyIdentity {
  const key = roleKey(parsed.role, division.name);
  return {
    key: `${division.code}|${key}`,
    regionCode: division.code,
    level: key === GOVERNMENT_ROLE ? division.level : "department",
    region: division.path,
    note: null,
    warnings,
  };
}
