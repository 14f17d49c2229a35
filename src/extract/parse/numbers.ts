// Reads one table cell as a number. Blank, dashes, slashes and words are not numbers:
// a cell the document does not fill gets no value, never 0.

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;
const UNIT = /(件|个|条|项|次|万元|元)$/;
/** CJK unified ideographs: NFKC leaves them as they are, so a cell holding one (its unit aside) is never a number. */
const IDEOGRAPH = /[\u4e00-\u9fff]/;

export function parseNumber(cell: string): number | null {
  if (cell.length > 40) return null;
  // Most cells the table parsers try are labels: turned away before NFKC, which was most of the cost.
  if (IDEOGRAPH.test(cell.trim().replace(UNIT, ""))) return null;
  const s = cell
    .normalize("NFKC")
    .trim()
    .replace(/[−–]/g, "-")
    .replace(UNIT, "");
  if (!NUMBER.test(s)) return null;
  const n = Number(s.replace(/,/g, ""));
  return Number.isFinite(n) ? n : null;
}

export function isNumberCell(cell: string): boolean {
  return parseNumber(cell) !== null;
}

const BLANK_LIKE = /^[-－—–―/／\\、.。]+$|^(无|空|暂无)$/;

/** A cell that stands for "nothing here": empty, a dash, a slash. It gets no value (never 0). */
export function isBlankCell(cell: string): boolean {
  const s = cell.replace(/\s+/g, "");
  return s === "" || BLANK_LIKE.test(s);
}
