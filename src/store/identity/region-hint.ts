import type { Division, DivisionIndex } from "../divisions/division-index.ts";
import { normalizeName } from "./normalize-name.ts";
import { parsePlaces } from "./parse-places.ts";

// Where a caller says an agency sits (ingest --region 省/市/县, --region-code, a crawler's
// portal), as one division, or a warning saying why it is none. A 12-digit code is read to its
// township (…103000 → …103) or county (…000000); a code or a path that names no division, or
// several, gives no hint: nothing is guessed from it.

export interface RegionHint {
  division?: Division;
  warning?: string;
}

export function shortCode(code: string): string {
  if (code.length === 12) code = code.slice(0, 9);
  if (code.length === 9 && code.endsWith("000")) code = code.slice(0, 6);
  return code;
}

export function regionHint(index: DivisionIndex, regionCode?: string | null, region?: string | null): RegionHint {
  if (regionCode) {
    const division = index.byCode.get(shortCode(regionCode.trim()));
    if (division) return { division };
    if (!region) return { warning: `region code ${regionCode} is not among the divisions (${index.size} codes); the agency is placed by its name only` };
  }
  if (!region) return {};
  const parts = region.split(/[/／,，\s>]+/).map(normalizeName).filter(Boolean);
  const parsed = parsePlaces(index, parts.join(""));
  if (parsed.candidates?.length === 1 && parsed.role === "" && parsed.unknownPlaces === "") return { division: parsed.candidates[0] };
  const why = !parsed.candidates ? "names no division" : parsed.candidates.length > 1 ? `fits ${parsed.candidates.length} divisions` : "names places the divisions do not hold";
  return { warning: `region '${region}' ${why}; the agency is placed by its name only` };
}
