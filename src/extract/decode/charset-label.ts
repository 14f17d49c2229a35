import iconv from "iconv-lite";

// Maps a charset label as found in a Content-Type header or a <meta> tag to the name of the
// decoder to use. GB2312, GBK and their aliases decode as GB18030, their superset: pages that
// declare GB2312 routinely contain GBK-only characters (e.g. 镕, 堃).

const GB_FAMILY = new Set([
  "gb2312", "gb_2312", "gb_2312-80", "gbk", "x-gbk", "cp936", "ms936", "windows-936",
  "euc-cn", "csgb2312", "chinese", "iso-ir-58", "csiso58gb231280", "gb18030", "gb-18030",
]);
const UTF8 = new Set(["utf-8", "utf8", "unicode-1-1-utf-8", "unicode11utf8", "unicode20utf8", "x-unicode20utf8"]);
/** Single-byte Western labels: on a Chinese page they are almost always a wrong declaration. */
export const LATIN_LABELS = new Set(["iso-8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252"]);

/** The canonical decoder name for a label ("utf-8", "gb18030", "big5", …), or undefined. */
export function charsetFromLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  const l = label.trim().replace(/^["']|["']$/g, "").trim().toLowerCase();
  if (!l) return undefined;
  if (UTF8.has(l)) return "utf-8";
  if (GB_FAMILY.has(l)) return "gb18030";
  if (l === "utf-16" || l === "utf-16le") return "utf-16le";
  if (l === "utf-16be") return "utf-16be";
  if (LATIN_LABELS.has(l)) return "windows-1252";
  return iconv.encodingExists(l) ? l : undefined;
}

/** The charset parameter of a Content-Type value (`text/html; charset=GBK` → "GBK"). */
export function charsetParam(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  const m = /charset\s*=\s*["']?([^"';,\s]+)/i.exec(contentType);
  return m?.[1];
}
