import type { JsValue } from "./js-literal.ts";

// Looking values up in script text and in the objects js-literal.ts reads.

/** A scalar assigned in a script: `var countPage = 5`, `columnid: '123'`, `"SID": "755001"` (first match). */
export function scalarIn(src: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|[^\\w$.])["']?${name}["']?\\s*[:=]\\s*(?:"([^"\\n]*)"|'([^'\\n]*)'|(-?[\\w.%-]+))`, "i");
  const m = re.exec(src);
  if (!m) return undefined;
  return m[1] ?? m[2] ?? m[3];
}

/** A value of an object read by `objectsAfter`, looked up case-insensitively, nested objects searched too. */
export function pick(obj: JsValue, ...names: string[]): JsValue {
  if (!obj || typeof obj !== "object" || Array.isArray(obj)) return undefined;
  const wanted = names.map((n) => n.toLowerCase());
  for (const [k, v] of Object.entries(obj)) if (wanted.includes(k.toLowerCase()) && v !== undefined) return v;
  for (const v of Object.values(obj)) {
    if (v && typeof v === "object" && !Array.isArray(v)) {
      const found = pick(v, ...names);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** A JsValue as a string (numbers included), else undefined. */
export function asText(v: JsValue): string | undefined {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}

/** A JsValue as a non-negative integer (numbers or numeric strings), else undefined. */
export function asCount(v: JsValue): number | undefined {
  const s = asText(v)?.trim();
  return s && /^\d+$/.test(s) ? Number(s) : undefined;
}
