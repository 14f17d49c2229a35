import { isBodyOrPlace, squashName } from "./body-name.ts";
import type { Row } from "./rows.ts";
import { coveringSubject, nameInTitle, REPORT_TITLE, YEAR, YEAR_DIGITS } from "./title-name.ts";

// The report's own title among the document's first lines: on one line, broken over several
// lines (or pages: "某镇2018年度" / "政府信息公开工作年度报告"), under the name of its body, or
// after a covering notice (…关于印发…年度报告的通知), whose subject it then is.

export interface BodyTitle {
  title: string;
  /** Row indexes of the title's first and last lines. */
  start: number;
  index: number;
  /** The single line just above the title (often its body's name), if any. */
  before: string | null;
  /** One line, several lines joined, or a covering notice's subject. */
  how: "title" | "title_split" | "notice";
  /** The title of a notice or 函 the document opens with, when it opens with one. */
  notice?: string;
  /** Further title lines in the head (a title printed twice, the report's own title under a notice). */
  others: string[];
}

const HEAD_ROWS = 25;
const NOTICE = /通知|通报|的函|函$|公告$/;
const HEADING = /^[一二三四五六七八九十]+\s*[、.．]|^[（(][一二三四五六七八九十]+[）)]/;
/** A date (2024年1月20日), which stands near a title but is no piece of it. */
const DATE = /\d{1,2}月\d{1,2}日|[〇零○一二三四五六七八九十]{1,3}月[〇零○一二三四五六七八九十]{1,3}日/;
const BRACKET_YEAR = new RegExp(`^[（(]${YEAR_DIGITS}年?度?[）)]$`);

const single = (r: Row | undefined) => (r && r.cells.filter((c) => c !== "").length === 1 ? r.cells.find((c) => c !== "")! : null);

/** True when a title has its year and its body's name, so that no line above belongs to it. */
const complete = (t: string) => YEAR.test(squashName(t)) && nameInTitle(t) !== null;

/** Whether `line`, just above the title lines `rest`, is a piece of the same title. */
function isPiece(line: string, rest: string): boolean {
  const l = squashName(line);
  if (l.length > 40 || /[，。：:；;！!？?]/.test(l) || HEADING.test(l) || REPORT_TITLE.test(l) || DATE.test(l)) return false;
  if (!YEAR.test(squashName(rest))) return YEAR.test(l);
  return !YEAR.test(l) && isBodyOrPlace(l);
}

function titleAt(head: Row[], i: number): Omit<BodyTitle, "others" | "notice" | "how"> & { pieces: number } | null {
  const line = single(head[i]);
  if (!line || line.length > 80 || !REPORT_TITLE.test(line)) return null;
  const pieces = [line];
  let start = i;
  while (start > 0 && pieces.length < 4 && !complete(pieces.join(""))) {
    const prev = single(head[start - 1]);
    if (!prev || !isPiece(prev, pieces.join(""))) break;
    pieces.unshift(prev);
    start--;
  }
  let index = i;
  const next = single(head[i + 1]);
  if (next && !YEAR.test(squashName(line)) && BRACKET_YEAR.test(squashName(next))) {
    pieces.push(next);
    index = i + 1;
  }
  const title = pieces.join("");
  if (!/公开|政务/.test(title)) return null;
  return { title, start, index, before: single(head[start - 1]), pieces: pieces.length };
}

function titleFrom(rows: Row[], from: number) {
  const head = rows.slice(0, HEAD_ROWS);
  for (let i = from; i < head.length; i++) {
    const found = titleAt(head, i);
    if (found) return found;
  }
  return null;
}

/** All title lines of the head after `after` (a doubled title), for the names they state. */
function laterTitles(rows: Row[], after: number): string[] {
  const out: string[] = [];
  for (let i = after + 1; i < Math.min(rows.length, HEAD_ROWS); i++) {
    const found = titleAt(rows, i);
    if (found && found.index >= i) { out.push(found.title); i = found.index; }
  }
  return out;
}

export function findBodyTitle(rows: Row[]): BodyTitle | null {
  const first = titleFrom(rows, 0);
  if (!first) return null;
  const how = first.pieces > 1 ? "title_split" as const : "title" as const;
  if (!NOTICE.test(first.title)) return { ...strip(first), how, others: laterTitles(rows, first.index) };
  const own = titleFrom(rows, first.index + 1);
  if (own && !NOTICE.test(own.title)) {
    return { ...strip(own), how: own.pieces > 1 ? "title_split" : "title", notice: first.title, others: [first.title, ...laterTitles(rows, own.index)] };
  }
  const subject = coveringSubject(first.title);
  return subject
    ? { ...strip(first), title: subject, how: "notice", notice: first.title, others: [] }
    : { ...strip(first), how, notice: first.title, others: [] };
}

function strip<T extends { pieces: number }>(found: T): Omit<T, "pieces"> {
  const { pieces: _, ...rest } = found;
  return rest;
}
