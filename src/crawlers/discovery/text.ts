// Text helpers shared by the discovery modules: link labels as people read them (whitespace
// collapsed, markup splits such as `政府信息<br>公开年报` joined), and years named in them.

const SPACES = /[\s\u00a0\u3000\u200b-\u200d\ufeff]+/g;
const CJK = "\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef";
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])\\s+(?=[${CJK}])`, "g");

/** Whitespace collapsed and trimmed; spaces between two CJK characters (split markup) removed. */
export function clean(s: string | undefined): string {
  if (!s) return "";
  return s.replace(SPACES, " ").trim().replace(SPACE_BETWEEN_CJK, "");
}

/** Whitespace collapsed and trimmed, nothing else (a page title keeps its separators). */
export function collapse(s: string | undefined): string {
  return s ? s.replace(SPACES, " ").trim() : "";
}

/** Text without any whitespace, for matching. */
export function squash(s: string | undefined): string {
  return s ? s.replace(SPACES, "") : "";
}

const DIGITS: Record<string, number> = { "〇": 0, "○": 0, "零": 0, "Ｏ": 0, O: 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9 };
const ARABIC_YEAR = /(?<![\d.])((?:19|20)\d{2})\s*(?:年|nian)/;
const CHINESE_YEAR = /([一二][〇○零Ｏ一二三四五六七八九]{3})\s*年/;

/** A plausible year in a link label or title: 2023年, 2023年度, 二〇二三年; undefined if none. */
export function yearIn(s: string | undefined): number | undefined {
  if (!s) return undefined;
  const a = ARABIC_YEAR.exec(s);
  if (a) return plausible(Number(a[1]));
  const c = CHINESE_YEAR.exec(s);
  if (c) return plausible(Number([...c[1]].map((ch) => DIGITS[ch]).join("")));
  return undefined;
}

/** A year label standing alone: `2022`, `2022年`, `2022年度`, `2022年年报`, `2022年度报告`. */
export function yearLabel(s: string): number | undefined {
  const m = /^((?:19|20)\d{2})\s*(?:年度?)?\s*(?:政府信息公开)?(?:工作)?(?:年报|年度报告|报告)?$/.exec(squash(s));
  return m ? plausible(Number(m[1])) : undefined;
}

function plausible(y: number): number | undefined {
  return y >= 1990 && y <= 2099 ? y : undefined;
}

/** A date as list rows print them: 2024-01-30, 2024/1/30, 2024.01.30, 2024年1月30日, [2024-01-30]. */
export const ROW_DATE = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}/;

/** Decodes the few HTML entities that survive in script strings and XML answers. */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&");
}
