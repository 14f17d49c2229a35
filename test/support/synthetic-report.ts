// A synthetic annual report in the national table formats, with random numbers that keep the
// accounting identities, described as blocks and HTML-like tables (rowspan/colspan) so that
// every format fixture (HTML, DOCX, DOC, PDF) can be rendered from one model, and its
// expected values checked against what the extractors read back.

// The document model (blocks, cells with rowspan/colspan) is the demo portal's, which renders its
// reports the same way.
import type { Block, Cell } from "../../src/crawlers/demo/demo-report.ts";
export type { Block, Cell };

export interface SyntheticReport {
  agency: string;
  year: number;
  template: "2021" | "2019";
  title: string;
  blocks: Block[];
  /** Every cell the tables show, by contract key. */
  values: Record<string, number>;
}

const APPLICANTS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other"];
const APPEAL_COLS = ["upheld", "corrected", "other", "pending"];

/** Mulberry32: a small deterministic PRNG, so fixtures are reproducible from their seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const c = (text: string | number, colspan?: number, rowspan?: number): Cell => ({
  text: String(text), ...(colspan && colspan > 1 ? { colspan } : {}), ...(rowspan && rowspan > 1 ? { rowspan } : {}),
});

interface OutcomeRow { key: string; group?: string; label: string }

function outcomeRows(template: "2021" | "2019"): OutcomeRow[] {
  const rows: OutcomeRow[] = [
    { key: "granted", label: "（一）予以公开" },
    { key: "partially_granted", label: "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" },
    { key: "denied.state_secret", group: "（三）不予公开", label: "1.属于国家秘密" },
    { key: "denied.prohibited_by_law", group: "（三）不予公开", label: "2.其他法律行政法规禁止公开" },
    { key: "denied.security_stability", group: "（三）不予公开", label: "3.危及“三安全一稳定”" },
    { key: "denied.third_party", group: "（三）不予公开", label: "4.保护第三方合法权益" },
    { key: "denied.internal_affairs", group: "（三）不予公开", label: "5.属于三类内部事务信息" },
    { key: "denied.process_info", group: "（三）不予公开", label: "6.属于四类过程性信息" },
    { key: "denied.enforcement_file", group: "（三）不予公开", label: "7.属于行政执法案卷" },
    { key: "denied.query_matter", group: "（三）不予公开", label: "8.属于行政查询事项" },
    { key: "unavailable.not_held", group: "（四）无法提供", label: "1.本机关不掌握相关政府信息" },
    { key: "unavailable.needs_creation", group: "（四）无法提供", label: "2.没有现成信息需要另行制作" },
    { key: "unavailable.unclear", group: "（四）无法提供", label: "3.补正后申请内容仍不明确" },
    { key: "not_processed.complaint", group: "（五）不予处理", label: "1.信访举报投诉类申请" },
    { key: "not_processed.duplicate", group: "（五）不予处理", label: "2.重复申请" },
    { key: "not_processed.publication", group: "（五）不予处理", label: "3.要求提供公开出版物" },
    { key: "not_processed.excessive", group: "（五）不予处理", label: "4.无正当理由大量反复申请" },
    { key: "not_processed.confirmation", group: "（五）不予处理", label: "5.要求行政机关确认或重新出具已获取信息" },
  ];
  if (template === "2019") rows.push({ key: "other_handling", label: "（六）其他处理" });
  else rows.push(
    { key: "other_handling.no_correction", group: "（六）其他处理", label: "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" },
    { key: "other_handling.unpaid_fee", group: "（六）其他处理", label: "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" },
    { key: "other_handling.other", group: "（六）其他处理", label: "3.其他" },
  );
  return rows;
}

export interface SyntheticOptions {
  seed: number;
  template?: "2021" | "2019";
  agency?: string;
  year?: number;
  /** Largest request count per cell; 0 makes an all-zero report. */
  scale?: number;
  /** Paragraphs of filler text per section (longer reports, more pages). */
  filler?: number;
}

export function syntheticReport(opts: SyntheticOptions): SyntheticReport {
  const template = opts.template ?? "2021";
  const agency = opts.agency ?? "青山镇人民政府";
  const year = opts.year ?? (template === "2019" ? 2020 : 2023);
  const scale = opts.scale ?? 40;
  const rand = rng(opts.seed);
  const n = (max = scale) => Math.floor(rand() * (max + 1));
  const values: Record<string, number> = {};
  const title = `${agency}${year}年政府信息公开工作年度报告`;
  const blocks: Block[] = [{ type: "title", text: title }];
  const filler = opts.filler ?? 1;
  const para = (topic: string) => {
    for (let i = 0; i < filler; i++) blocks.push({
      type: "paragraph",
      text: `${year}年，${agency}围绕${topic}，认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公开政府信息${n(300)}条，持续提升政务公开质量和实效。`,
    });
  };

  blocks.push({ type: "heading", text: "一、总体情况" });
  para("主动公开、依申请公开、政府信息管理、平台建设和监督保障");

  // 二
  blocks.push({ type: "heading", text: "二、主动公开政府信息情况" });
  const active: Cell[][] = [];
  const put = (key: string, v: number) => { values[key] = v; return v; };
  if (template === "2021") {
    active.push([c("第二十条第（一）项", 4)], [c("信息内容"), c("本年制发件数"), c("本年废止件数"), c("现行有效件数")]);
    for (const [key, label] of [["rules", "规章"], ["normative_documents", "行政规范性文件"]]) {
      active.push([c(label), c(put(`active.${key}.issued`, n(9))), c(put(`active.${key}.repealed`, n(9))), c(put(`active.${key}.in_force`, n(60)))]);
    }
    active.push([c("第二十条第（五）项", 4)], [c("信息内容"), c("本年处理决定数量", 3)]);
    active.push([c("行政许可"), c(put("active.licensing.decisions", n(5000)), 3)]);
    active.push([c("第二十条第（六）项", 4)], [c("信息内容"), c("本年处理决定数量", 3)]);
    active.push([c("行政处罚"), c(put("active.penalty.decisions", n(900)), 3)]);
    active.push([c("行政强制"), c(put("active.coercion.decisions", n(90)), 3)]);
    active.push([c("第二十条第（八）项", 4)], [c("信息内容"), c("本年收费金额（单位：万元）", 3)]);
    const fee = Math.round(rand() * 1_000_000) / 100;
    active.push([c("行政事业性收费"), c(put("active.fees.amount", fee).toFixed(2), 3)]);
  } else {
    active.push([c("第二十条第（一）项", 4)], [c("信息内容"), c("本年新制作数量"), c("本年新公开数量"), c("对外公开总数量")]);
    for (const [key, label] of [["rules", "规章"], ["normative_documents", "规范性文件"]]) {
      active.push([c(label), c(put(`active.${key}.new_made`, n(9))), c(put(`active.${key}.new_published`, n(9))), c(put(`active.${key}.total_published`, n(60)))]);
    }
    active.push([c("第二十条第（五）项", 4)], [c("信息内容"), c("上一年项目数量"), c("本年增/减"), c("处理决定数量")]);
    for (const [key, label] of [["licensing", "行政许可"], ["other_services", "其他对外管理服务事项"]]) {
      active.push([c(label), c(put(`active.${key}.prior_items`, n(50))), c(put(`active.${key}.change`, n(10) - 5)), c(put(`active.${key}.decisions`, n(800)))]);
    }
    active.push([c("第二十条第（六）项", 4)], [c("信息内容"), c("上一年项目数量"), c("本年增/减"), c("处理决定数量")]);
    for (const [key, label] of [["penalty", "行政处罚"], ["coercion", "行政强制"]]) {
      active.push([c(label), c(put(`active.${key}.prior_items`, n(50))), c(put(`active.${key}.change`, n(10) - 5)), c(put(`active.${key}.decisions`, n(800)))]);
    }
    active.push([c("第二十条第（八）项", 4)], [c("信息内容"), c("上一年项目数量"), c("本年增/减", 2)]);
    active.push([c("行政事业性收费"), c(put("active.fees.prior_items", n(20))), c(put("active.fees.change", n(6) - 3), 2)]);
    active.push([c("第二十条第（九）项", 4)], [c("信息内容"), c("采购项目数量"), c("采购总金额", 2)]);
    const amount = Math.round(rand() * 100_000) / 100;
    active.push([c("政府集中采购"), c(put("active.procurement.items", n(30))), c(put("active.procurement.amount", amount).toFixed(2), 2)]);
  }
  blocks.push({ type: "table", rows: active });

  // 三
  blocks.push({ type: "heading", text: "三、收到和处理政府信息公开申请情况" });
  const outcomes = outcomeRows(template);
  const byCol = (row: string) => APPLICANTS.map((col) => values[`requests.${row}.${col}`]);
  for (const o of outcomes) for (const col of APPLICANTS) values[`requests.${o.key}.${col}`] = col === "natural_person" ? n() : n(Math.ceil(scale / 8));
  for (const col of APPLICANTS) {
    const total = outcomes.reduce((s, o) => s + values[`requests.${o.key}.${col}`], 0);
    const forward = n(Math.ceil(scale / 4));
    const over = n(Math.min(forward + total, Math.ceil(scale / 4)));
    values[`requests.total.${col}`] = total;
    values[`requests.carried_forward.${col}`] = forward;
    values[`requests.carried_over.${col}`] = over;
    values[`requests.new.${col}`] = total + forward - over;
  }
  const rowKeys = ["new", "carried_over", ...outcomes.map((o) => o.key), "total", "carried_forward"];
  for (const row of rowKeys) values[`requests.${row}.total`] = byCol(row).reduce((a, b) => a + b, 0);
  const nums = (row: string) => [...APPLICANTS, "total"].map((col) => c(values[`requests.${row}.${col}`]));
  const t3: Cell[][] = [
    [c("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), c("申请人情况", 7)],
    [c("自然人", 1, 2), c("法人或其他组织", 5), c("总计", 1, 2)],
    [c("商业企业"), c("科研机构"), c("社会公益组织"), c("法律服务机构"), c("其他")],
    [c("一、本年新收政府信息公开申请数量", 3), ...nums("new")],
    [c("二、上年结转政府信息公开申请数量", 3), ...nums("carried_over")],
  ];
  const groupSize = (g: string) => outcomes.filter((o) => o.group === g).length;
  outcomes.forEach((o, i) => {
    const row: Cell[] = [];
    if (i === 0) row.push(c("三、本年度办理结果", 1, outcomes.length + 1));
    if (!o.group) row.push(c(o.label, 2));
    else {
      if (outcomes[i - 1]?.group !== o.group) row.push(c(o.group, 1, groupSize(o.group)));
      row.push(c(o.label));
    }
    t3.push([...row, ...nums(o.key)]);
  });
  t3.push([c("（七）总计", 2), ...nums("total")]);
  t3.push([c("四、结转下年度继续办理", 3), ...nums("carried_forward")]);
  blocks.push({ type: "table", rows: t3 });

  // 四
  blocks.push({ type: "heading", text: "四、政府信息公开行政复议、行政诉讼情况" });
  const data: Cell[] = [];
  for (const g of ["review", "litigation_direct", "litigation_after_review"]) {
    let sum = 0;
    for (const col of APPEAL_COLS) { sum += put(`appeals.${g}.${col}`, n(Math.ceil(scale / 10))); data.push(c(values[`appeals.${g}.${col}`])); }
    data.push(c(put(`appeals.${g}.total`, sum)));
  }
  const heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
  blocks.push({ type: "table", rows: [
    [c("行政复议", 5), c("行政诉讼", 10)],
    [...heads.map((h) => c(h, 1, 2)), c("未经复议直接起诉", 5), c("复议后起诉", 5)],
    [...heads.map((h) => c(h)), ...heads.map((h) => c(h))],
    data,
  ] });

  blocks.push({ type: "heading", text: "五、存在的主要问题及改进情况" });
  para("存在的主要问题和改进措施");
  blocks.push({ type: "heading", text: "六、其他需要报告的事项" });
  blocks.push({ type: "paragraph", text: `本机关${year}年度未收取信息处理费。` });
  return { agency, year, template, title, blocks, values };
}

/**
 * Expands a table's rowspan/colspan into a rectangular grid. A merged cell's text stands in the
 * slot at its top left; the other slots it covers are empty (or repeat it, with `repeat`).
 */
export function tableGrid(rows: Cell[][], repeat = false): string[][] {
  const grid: string[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    let col = 0;
    for (const cell of row) {
      while (grid[r][col] !== undefined) col++;
      for (let dr = 0; dr < (cell.rowspan ?? 1); dr++) {
        grid[r + dr] ??= [];
        for (let dc = 0; dc < (cell.colspan ?? 1); dc++) grid[r + dr][col + dc] = repeat || (dr === 0 && dc === 0) ? cell.text : "";
      }
      col += cell.colspan ?? 1;
    }
  });
  const width = Math.max(...grid.map((r) => r.length));
  return grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ""));
}

/** The report in the canonical text format: tables as tab-separated rows, merged cells in their first slot. */
export function canonicalText(report: SyntheticReport): string {
  const out: string[] = [];
  for (const b of report.blocks) {
    if (b.type === "table") out.push(tableGrid(b.rows).map((r) => r.join("\t")).join("\n"));
    else out.push(b.text);
  }
  return out.join("\n\n") + "\n";
}
