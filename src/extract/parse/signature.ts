import { isBodyOrPlace, squashName, STRONG_ORG_SUFFIX } from "./body-name.ts";
import type { Row } from "./rows.ts";
import { YEAR_DIGITS } from "./title-name.ts";

// The body that signs the report at its end: a line naming it, usually above the date
// (青山镇人民政府 / 2024年1月15日), sometimes with the date on the same line.

const DATE = new RegExp(`(?:${YEAR_DIGITS}年[\\d〇零○一二三四五六七八九十]{1,3}月[\\d〇零○一二三四五六七八九十]{1,3}日|(?:19|20)\\d{2}[-./]\\d{1,2}[-./]\\d{1,2})$`);
const TAIL_ROWS = 8;

const single = (r: Row | undefined) => (r && r.cells.filter((c) => c !== "").length === 1 ? squashName(r.cells.find((c) => c !== "")!) : null);

export function signature(rows: Row[]): string | null {
  const tail = rows.slice(-TAIL_ROWS);
  for (let k = tail.length - 1; k >= 0; k--) {
    const line = single(tail[k]);
    if (!line || line.length > 40) continue;
    const dated = DATE.exec(line);
    const name = dated ? line.slice(0, dated.index) : line;
    if (!name || name.length > 30 || !isBodyOrPlace(name)) continue;
    // A name with one of the endings common words lack stands alone; any other needs its date.
    const next = single(tail[k + 1]);
    if (STRONG_ORG_SUFFIX.test(name) || dated || (next !== null && DATE.test(next) && next.match(DATE)!.index === 0)) return name;
  }
  return null;
}
