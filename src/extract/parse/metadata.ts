import type { Row } from "./rows.ts";

// Title, issuing agency and reported year, read from the report's own title lines.

const ORG_SUFFIX = /(人民政府办公室|人民政府办公厅|人民政府|办事处|办公室|办公厅|委员会|管委会|局|厅|委|署|院|中心|公司|所|站|大队|支队|队)$/;
const PLACE_SUFFIX = /(镇|乡|苏木|县|区|市|旗|州|盟)$/;
const TITLE = /年度报告|年报/;
const CN_DIGITS: Record<string, string> = { 〇: "0", 零: "0", Ｏ: "0", O: "0", 一: "1", 二: "2", 三: "3", 四: "4", 五: "5", 六: "6", 七: "7", 八: "8", 九: "9" };
const YEAR = /((?:19|20)\d{2}|[〇零Ｏ一二][〇零Ｏ一二三四五六七八九]{3})\s*年/;

export interface Metadata { title: string | null; agency: string | null; year: number | null }

function toYear(s: string): number {
  return Number(/^\d+$/.test(s) ? s : [...s].map((c) => CN_DIGITS[c] ?? c).join(""));
}

const single = (r: Row | undefined) => (r && r.cells.filter((c) => c !== "").length === 1 ? r.cells.find((c) => c !== "")! : null);

type TitleFound = { title: string; index: number; before: string | null };

/** A covering notice's title (…关于印发…年度报告的通知): the report's own title may follow it. */
const NOTICE = /通知|的函|公告$/;

/** Finds the title among the first lines; a report's own title is preferred to a covering notice's. */
export function findTitle(rows: Row[]): TitleFound | null {
  const first = findTitleFrom(rows, 0);
  if (!first || !NOTICE.test(first.title)) return first;
  const own = findTitleFrom(rows, first.index + 1);
  return own && !NOTICE.test(own.title) ? own : first;
}

function findTitleFrom(rows: Row[], from: number): TitleFound | null {
  const head = rows.slice(0, 25);
  for (let i = from; i < head.length; i++) {
    const line = single(head[i]);
    if (!line || line.length > 80) continue;
    const next = single(head[i + 1]);
    if (TITLE.test(line) && /公开|政务/.test(line)) {
      const prev = single(head[i - 1]);
      if (prev && ORG_SUFFIX.test(prev) && prev.length <= 30 && !YEAR.test(prev) && /^\s*[（(]?\s*\S{0,2}\s*((?:19|20)\d{2}|[〇零一二]{4})/.test(line) && !line.includes(prev)) {
        return { title: `${prev}${line}`, index: i, before: prev };
      }
      return { title: line, index: i, before: prev };
    }
    if (next && YEAR.test(line) && /政府/.test(line) && TITLE.test(next) && !TITLE.test(line) && line.length + next.length < 70) {
      return { title: `${line}${next}`, index: i + 1, before: single(head[i - 1]) };
    }
  }
  return null;
}

export function agencyFromTitle(rawTitle: string, before: string | null): string | null {
  // Full-width digits fold; a covering notice (某办公室关于印发某县2023年…) names the report's subject after 关于印发.
  const title = rawTitle.normalize("NFKC").replace(/\s+/g, "").replace(/^.*?关于(?:印发|公布|公开|发布)/, "");
  const m = title.match(/^(.*?)(?:关于)?[（(]?(?:(?:19|20)\d{2}|[〇零Ｏ一二][〇零Ｏ一二三四五六七八九]{3})年/);
  let name = m?.[1]?.replace(/^[《“"]/, "") ?? "";
  // "2019年上海市人民政府办公厅政府信息公开工作年度报告": the body after the year.
  if (!name) {
    const after = title.match(/^[《“"]?(?:(?:19|20)\d{2}|[〇零Ｏ一二][〇零Ｏ一二三四五六七八九]{3})年度?(.+?)(?:关于)?(?:政府信息公开|政务公开)/)?.[1] ?? "";
    if (ORG_SUFFIX.test(after) || PLACE_SUFFIX.test(after) || /街道$/.test(after)) name = after;
  }
  if (!name && before && ORG_SUFFIX.test(before)) name = before.replace(/\s+/g, "");
  if (!name) return null;
  if (ORG_SUFFIX.test(name)) return name;
  if (/街道$/.test(name)) return `${name}办事处`;
  if (PLACE_SUFFIX.test(name)) return `${name}人民政府`;
  return name;
}

export function yearFrom(title: string | null, text: string): number | null {
  const now = new Date().getFullYear();
  const ok = (y: number) => y >= 2007 && y <= now;
  const t = title?.normalize("NFKC").replace(/\s+/g, "").match(YEAR);
  if (t && ok(toYear(t[1]))) return toYear(t[1]);
  const period = text.replace(/[ \t]+/g, "").match(/((?:19|20)\d{2})年1月1日[起至到—\-~]/);
  if (period && ok(Number(period[1]))) return Number(period[1]);
  return null;
}

/** The body that signs the report at its end (a line naming it, usually above the date). */
function signature(rows: Row[]): string | null {
  for (const row of rows.slice(-6).reverse()) {
    const line = single(row)?.replace(/\s+/g, "");
    if (line && line.length <= 30 && ORG_SUFFIX.test(line) && !/[，。：:]/.test(line)) return line;
  }
  return null;
}

/** A page title often carries the site's name after the report's: "…年度报告_某某县人民政府". */
const cleanTitle = (t: string) => t.replace(/(年度报告|年报)\s*[_|｜\-–—]+.*$/, "$1").trim();

export function readMetadata(rows: Row[], text: string): Metadata & { titleIndex: number } {
  const found = findTitle(rows);
  const title = found ? cleanTitle(found.title) : null;
  return {
    title,
    titleIndex: found?.index ?? -1,
    agency: (title ? agencyFromTitle(title, found?.before ?? null) : null) ?? signature(rows),
    year: yearFrom(title, text),
  };
}
