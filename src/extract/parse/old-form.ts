import { labelKey, type Row } from "./rows.ts";

// The statistics table of reports before 2019: 政府信息公开情况统计表, rows of 统计指标 | 单位 |
// 统计数 (主动公开政府信息数, 收到申请数, 同意公开答复数 …). The record's cell keys are the 2019
// and 2021 national forms'; this one has none of them, so its numbers are not read.

const TABLE_NAME = /政府信息公开情况统计表/;
const LABELS = [
  /统计指标/, /主动公开政府信息数/, /收到申请数/, /当面申请数|传真申请数|网络申请数|信函申请数/, /按时(答复|办结)数|延期(答复|办结)数/,
  /同意公开答复数/, /同意部分公开答复数/, /(否决|不同意|不予)公开答复数/, /信息不存在(答复)?数/, /非本机关.{0,6}答复数|不属于本(行政)?机关/,
  /申请内容不明确答复数/, /重复申请答复数/, /维持具体行政行为数/, /被依法纠错数/, /行政复议数/, /行政诉讼数/, /行政申诉数/,
];

export const OLD_FORM_WARNING =
  "the statistics are the pre-2019 form (政府信息公开情况统计表: 统计指标/单位/统计数), which the cell keys do not cover: template none, its numbers not read";

/** True when the document's statistics are the pre-2019 table: its name and one of its rows, or three of its rows. */
export function hasOldFormTable(rows: Row[]): boolean {
  const labels = rows.map((r) => labelKey(r.cells.join("")));
  const hits = LABELS.filter((re) => labels.some((l) => re.test(l))).length;
  return hits >= 3 || (hits >= 1 && labels.some((l) => TABLE_NAME.test(l)));
}
