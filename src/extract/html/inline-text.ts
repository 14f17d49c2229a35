import { isCjkCode } from "./text-stats.ts";

// Whitespace in running text and in table cells. Inline elements never add spaces: text pieces
// are joined as they are, so <span>3</span><span>0</span> reads 30. A source line break inside
// running text (a segment break) disappears between two CJK characters, as CSS Text prescribes
// for Chinese; elsewhere whitespace collapses to one space.

/** CJK ideographs, CJK punctuation and full-width forms: no space is needed next to them. */
export function isCjkLike(c: number): boolean {
  return isCjkCode(c) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || c === 0x2014 || c === 0x2026 || (c >= 0x201c && c <= 0x201d);
}

const WS_RUN = /[ \t\n\r\f]+/g;
const SPACE_RUN = /[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+/g;

/** Running text of one paragraph: segment breaks removed next to CJK, spaces collapsed, trimmed. */
export function paragraphText(raw: string): string {
  return collapseBreaks(raw).replace(SPACE_RUN, " ").trim();
}

/**
 * Text of one table cell: a break (source newline, <br>, <p>) is removed between CJK
 * characters and becomes one space otherwise; never a tab; trimmed.
 */
export function cellText(raw: string): string {
  return collapseBreaks(raw).replace(SPACE_RUN, " ").trim();
}

function collapseBreaks(raw: string): string {
  return raw.replace(WS_RUN, (ws, offset: number, s: string) => {
    if (!ws.includes("\n") && !ws.includes("\r")) return " ";
    const before = s.charCodeAt(offset - 1);
    const after = s.charCodeAt(offset + ws.length);
    if (offset === 0 || offset + ws.length === s.length) return " ";
    return isCjkLike(before) && isCjkLike(after) ? "" : " ";
  });
}
