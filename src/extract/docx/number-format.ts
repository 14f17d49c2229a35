// Writes a list counter in one of WordprocessingML's number formats (w:numFmt), as Word shows
// it: 3 → '三' (chineseCounting), '丙' (ideographTraditional), 'III' (upperRoman), 'c'
// (lowerLetter), '③' (decimalEnclosedCircleChinese), '３' (decimalFullWidth). Formats not known
// here fall back to decimal, which keeps the number readable.

const CJK_DIGITS = "〇一二三四五六七八九";
const UNITS = "十百千";

/** Formats whose labels are CJK text, followed directly by the paragraph's text (no space). */
export const CJK_FORMATS = new Set([
  "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographTraditional", "ideographZodiac",
  "ideographZodiacTraditional", "ideographDigital", "ideographEnclosedCircle", "ideographLegalTraditional",
  "japaneseCounting", "japaneseDigitalTenThousand", "japaneseLegal", "taiwaneseCounting", "taiwaneseCountingThousand",
  "taiwaneseDigital", "decimalFullWidth", "decimalFullWidth2", "decimalEnclosedCircleChinese",
]);

interface UnitOptions { omitOneTen?: boolean; omitOneAll?: boolean; insertZero?: boolean }

/** 1–9999 in digits and units: 10 → 十 (omitOneTen), 105 → 一百〇五 (insertZero), 100 → 百 (omitOneAll). */
function unitCounting(n: number, digits: string, units: string, opts: UnitOptions): string {
  let out = "";
  let zero = false;
  for (let p = 3; p >= 0; p--) {
    const d = Math.floor(n / 10 ** p) % 10;
    if (d === 0) { if (out) zero = true; continue; }
    if (zero && opts.insertZero) out += digits[0];
    zero = false;
    const omitOne = d === 1 && p > 0 && (opts.omitOneAll || (opts.omitOneTen && p === 1 && !out));
    if (!omitOne) out += digits[d];
    if (p > 0) out += units[p - 1];
  }
  return out;
}

/** Up to 99 999 999 with a ten-thousands unit (万/萬) above 9999. */
function thousands(n: number, digits: string, units: string, tenThousand: string, opts: UnitOptions): string {
  if (n < 10000) return unitCounting(n, digits, units, opts);
  if (n >= 1e8) return String(n);
  const high = Math.floor(n / 10000);
  const low = n % 10000;
  let out = unitCounting(high, digits, units, opts) + tenThousand;
  if (low) out += (low < 1000 && opts.insertZero ? digits[0] : "") + unitCounting(low, digits, units, { ...opts, omitOneTen: false });
  return out;
}

const digitByDigit = (n: number, digits: string) => String(n).replace(/\d/g, (d) => digits[Number(d)]);

function roman(n: number): string {
  if (n >= 4000) return String(n);
  const table: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of table) while (n >= v) { out += s; n -= v; }
  return out;
}

/** A, B, … Z, AA, BB, … as Word writes letters past 26. */
const letter = (n: number) => String.fromCharCode(65 + ((n - 1) % 26)).repeat(Math.ceil(n / 26));

/** Characters for 1…k, from a code point range per span: [first value, first code point, last value]. */
function enclosed(n: number, spans: [number, number, number][]): string {
  for (const [from, code, to] of spans) if (n >= from && n <= to) return String.fromCodePoint(code + n - from);
  return String(n);
}
const CIRCLED: [number, number, number][] = [[1, 0x2460, 20], [21, 0x3251, 35], [36, 0x32b1, 50]];

function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th";
  return `${n}${suffix}`;
}

export function formatNumber(n: number, numFmt: string): string {
  if (!Number.isFinite(n) || numFmt === "none") return "";
  if (n < 1 && numFmt !== "decimal" && numFmt !== "decimalZero") return String(n);
  switch (numFmt) {
    case "decimal": case "decimalHalfWidth": return String(n);
    case "decimalZero": return n >= 0 && n < 10 ? `0${n}` : String(n);
    case "upperLetter": return letter(n);
    case "lowerLetter": return letter(n).toLowerCase();
    case "upperRoman": return roman(n);
    case "lowerRoman": return roman(n).toLowerCase();
    case "ordinal": return ordinal(n);
    case "hex": return n.toString(16).toUpperCase();
    case "numberInDash": return `- ${n} -`;
    case "chineseCounting":
      return n < 100 ? unitCounting(n, CJK_DIGITS, UNITS, { omitOneTen: true }) : digitByDigit(n, CJK_DIGITS);
    case "taiwaneseCounting":
      return n < 100 ? unitCounting(n, "○一二三四五六七八九", UNITS, { omitOneTen: true }) : digitByDigit(n, "○一二三四五六七八九");
    case "chineseCountingThousand": return thousands(n, CJK_DIGITS, UNITS, "万", { omitOneTen: true, insertZero: true });
    case "taiwaneseCountingThousand": return thousands(n, "零一二三四五六七八九", UNITS, "萬", { omitOneTen: true, insertZero: true });
    case "japaneseCounting": return thousands(n, CJK_DIGITS, UNITS, "万", { omitOneAll: true });
    case "chineseLegalSimplified": return thousands(n, "零壹贰叁肆伍陆柒捌玖", "拾佰仟", "万", { insertZero: true });
    case "ideographLegalTraditional": return thousands(n, "零壹貳參肆伍陸柒捌玖", "拾佰仟", "萬", { insertZero: true });
    case "japaneseLegal": return thousands(n, "〇壱弐参四伍六七八九", "拾百阡", "萬", {});
    case "ideographDigital": case "japaneseDigitalTenThousand": case "taiwaneseDigital": return digitByDigit(n, CJK_DIGITS);
    case "ideographTraditional": return "甲乙丙丁戊己庚辛壬癸"[(n - 1) % 10];
    case "ideographZodiac": case "ideographZodiacTraditional": return "子丑寅卯辰巳午未申酉戌亥"[(n - 1) % 12];
    case "decimalFullWidth": case "decimalFullWidth2": return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case "decimalEnclosedCircle": case "decimalEnclosedCircleChinese": return enclosed(n, CIRCLED);
    case "ideographEnclosedCircle": return enclosed(n, [[1, 0x3280, 10]]);
    case "decimalEnclosedFullstop": return enclosed(n, [[1, 0x2488, 20]]);
    case "decimalEnclosedParen": return enclosed(n, [[1, 0x2474, 20]]);
    default: return String(n);
  }
}
