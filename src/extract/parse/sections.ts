import type { Section } from "../report-record.ts";
import { labelKey, type Row } from "./rows.ts";

// The six numbered parts of a report, found by their headings. A heading repeated (titles
// pasted twice) continues its part; numbers only go forward, so table rows such as
// 一、本年新收… never start a part.

const NUMBERS = ["一", "二", "三", "四", "五", "六"];
const TOPICS = [/总体情况|概述|基本情况/, /主动公开/, /收到和处理|依申请/, /复议|诉讼/, /问题|改进/, /其他需要报告|其他事项|其他需报告/];
const HEADING = /^([一二三四五六])[.、,，]?(.{2,40})$/;

/** The parts' titles as the national format words them, for headings whose number was lost. */
const BARE_TITLES = [/^总体情况$/, /^主动公开政府信息情况$/, /^收到和处理政府信息公开申请情况$/, /^政府信息公开行政复议、?行政诉讼情况$/, /^(政府信息公开工作)?存在的主要问题及改进情况$/, /^其他需要报告的事项$/];

export function headingNumber(row: Row): number | null {
  const cells = row.cells.filter((c) => c !== "");
  if (cells.length !== 1) return null;
  const key = labelKey(cells[0]).replace(/[*#]/g, "");
  const bare = BARE_TITLES.findIndex((re) => re.test(key.replace(/\./g, "、")));
  if (bare >= 0) return bare;
  const m = key.match(HEADING);
  if (!m) return null;
  const n = NUMBERS.indexOf(m[1]);
  return TOPICS[n].test(m[2]) && !/数量|办理结果|继续办理/.test(m[2]) ? n : null;
}

function renderRows(rows: Row[]): string {
  const blocks: string[] = [];
  let table: Row[] = [];
  const flush = () => {
    if (!table.length) return;
    const width = Math.max(...table.map((r) => r.cells.length));
    blocks.push(table.map((r) => [...r.cells, ...Array(width - r.cells.length).fill("")].join("\t")).join("\n"));
    table = [];
  };
  for (const r of rows) {
    if (r.cells.length > 1) { table.push(r); continue; }
    flush();
    blocks.push(r.cells[0]);
  }
  flush();
  return blocks.join("\n\n");
}

export function findSections(rows: Row[]): Section[] {
  const sections: { number: number; title: string; rows: Row[] }[] = [];
  let current: (typeof sections)[number] | null = null;
  for (const row of rows) {
    const n = headingNumber(row);
    if (n !== null && (!current || n > current.number)) {
      current = { number: n, title: row.cells.find((c) => c !== "")!.replace(/^[一二三四五六]\s*[、.．,，]?\s*/, "").replace(/[*#]/g, "").trim(), rows: [] };
      sections.push(current);
      continue;
    }
    if (n !== null && current && n === current.number) continue;
    current?.rows.push(row);
  }
  return sections.map((s) => ({ number: NUMBERS[s.number], title: s.title, text: renderRows(s.rows) }));
}
