import { APPEAL_GROUPS, APPLICANTS, OUTCOMES, type Values } from "./demo-values.ts";

// A demo report as the blocks of a document in the national 2021 format: title, the six numbered
// parts with a little prose, and tables 二, 三 and 四 laid out as the form lays them out (merged
// cells as rowspan/colspan). The HTML page and the committed PDF/DOCX are rendered from these.

export interface Cell { text: string; rowspan?: number; colspan?: number }
export type Block =
  | { type: "title"; text: string }
  | { type: "heading"; text: string }
  | { type: "paragraph"; text: string }
  | { type: "table"; rows: Cell[][] };

export interface DemoReport {
  agency: string;
  year: number;
  template: "2021";
  title: string;
  blocks: Block[];
  values: Values;
}

const c = (text: string | number, colspan = 1, rowspan = 1): Cell => ({ text: String(text), ...(colspan > 1 ? { colspan } : {}), ...(rowspan > 1 ? { rowspan } : {}) });

const LABELS: Record<string, [group: string | null, label: string]> = {
  granted: [null, "（一）予以公开"],
  partially_granted: [null, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"],
  "denied.state_secret": ["（三）不予公开", "1.属于国家秘密"], "denied.prohibited_by_law": ["（三）不予公开", "2.其他法律行政法规禁止公开"],
  "denied.security_stability": ["（三）不予公开", "3.危及“三安全一稳定”"], "denied.third_party": ["（三）不予公开", "4.保护第三方合法权益"],
  "denied.internal_affairs": ["（三）不予公开", "5.属于三类内部事务信息"], "denied.process_info": ["（三）不予公开", "6.属于四类过程性信息"],
  "denied.enforcement_file": ["（三）不予公开", "7.属于行政执法案卷"], "denied.query_matter": ["（三）不予公开", "8.属于行政查询事项"],
  "unavailable.not_held": ["（四）无法提供", "1.本机关不掌握相关政府信息"], "unavailable.needs_creation": ["（四）无法提供", "2.没有现成信息需要另行制作"],
  "unavailable.unclear": ["（四）无法提供", "3.补正后申请内容仍不明确"],
  "not_processed.complaint": ["（五）不予处理", "1.信访举报投诉类申请"], "not_processed.duplicate": ["（五）不予处理", "2.重复申请"],
  "not_processed.publication": ["（五）不予处理", "3.要求提供公开出版物"], "not_processed.excessive": ["（五）不予处理", "4.无正当理由大量反复申请"],
  "not_processed.confirmation": ["（五）不予处理", "5.要求行政机关确认或重新出具已获取信息"],
  "other_handling.no_correction": ["（六）其他处理", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"],
  "other_handling.unpaid_fee": ["（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"],
  "other_handling.other": ["（六）其他处理", "3.其他"],
};

function activeTable(v: Values): Cell[][] {
  const head = (item: string, ...cols: Cell[]) => [[c(item, 4)], [c("信息内容"), ...cols]];
  const row = (label: string, key: string) => [c(label), c(v[`active.${key}.issued`]), c(v[`active.${key}.repealed`]), c(v[`active.${key}.in_force`])];
  return [
    ...head("第二十条第（一）项", c("本年制发件数"), c("本年废止件数"), c("现行有效件数")),
    row("规章", "rules"), row("行政规范性文件", "normative_documents"),
    ...head("第二十条第（五）项", c("本年处理决定数量", 3)), [c("行政许可"), c(v["active.licensing.decisions"], 3)],
    ...head("第二十条第（六）项", c("本年处理决定数量", 3)), [c("行政处罚"), c(v["active.penalty.decisions"], 3)], [c("行政强制"), c(v["active.coercion.decisions"], 3)],
    ...head("第二十条第（八）项", c("本年收费金额（单位：万元）", 3)), [c("行政事业性收费"), c(v["active.fees.amount"].toFixed(2), 3)],
  ];
}

function requestsTable(v: Values): Cell[][] {
  const nums = (row: string) => [...APPLICANTS, "total"].map((col) => c(v[`requests.${row}.${col}`]));
  const rows: Cell[][] = [
    [c("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3), c("申请人情况", 7)],
    [c("自然人", 1, 2), c("法人或其他组织", 5), c("总计", 1, 2)],
    [c("商业企业"), c("科研机构"), c("社会公益组织"), c("法律服务机构"), c("其他")],
    [c("一、本年新收政府信息公开申请数量", 3), ...nums("new")],
    [c("二、上年结转政府信息公开申请数量", 3), ...nums("carried_over")],
  ];
  OUTCOMES.forEach((key, i) => {
    const [group, label] = LABELS[key];
    const row: Cell[] = i === 0 ? [c("三、本年度办理结果", 1, OUTCOMES.length + 1)] : [];
    if (!group) row.push(c(label, 2));
    else {
      if (LABELS[OUTCOMES[i - 1]]?.[0] !== group) row.push(c(group, 1, OUTCOMES.filter((k) => LABELS[k][0] === group).length));
      row.push(c(label));
    }
    rows.push([...row, ...nums(key)]);
  });
  rows.push([c("（七）总计", 2), ...nums("total")], [c("四、结转下年度继续办理", 3), ...nums("carried_forward")]);
  return rows;
}

function appealsTable(v: Values): Cell[][] {
  const heads = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"];
  const cols = ["upheld", "corrected", "other", "pending", "total"];
  return [
    [c("行政复议", 5), c("行政诉讼", 10)],
    [...heads.map((h) => c(h, 1, 2)), c("未经复议直接起诉", 5), c("复议后起诉", 5)],
    [...heads.map((h) => c(h)), ...heads.map((h) => c(h))],
    APPEAL_GROUPS.flatMap((g) => cols.map((col) => c(v[`appeals.${g}.${col}`]))),
  ];
}

export function demoReport(agency: string, year: number, v: Values): DemoReport {
  const title = `${agency}${year}年政府信息公开工作年度报告`;
  const p = (text: string): Block => ({ type: "paragraph", text });
  const h = (text: string): Block => ({ type: "heading", text });
  const received = v["requests.new.total"], closed = v["requests.total.total"];
  const blocks: Block[] = [
    { type: "title", text: title },
    p(`本报告依据《中华人民共和国政府信息公开条例》编制，由${agency}负责解释。本报告所列数据统计期限为${year}年1月1日至12月31日。`),
    h("一、总体情况"),
    p(`${year}年，${agency}坚持以公开为常态、不公开为例外，全年制发行政规范性文件${v["active.normative_documents.issued"]}件，依申请公开工作依法有序开展。`),
    h("二、主动公开政府信息情况"), { type: "table", rows: activeTable(v) },
    h("三、收到和处理政府信息公开申请情况"), { type: "table", rows: requestsTable(v) },
    p(`全年新收政府信息公开申请${received}件，办结${closed}件，结转下年度继续办理${v["requests.carried_forward.total"]}件。`),
    h("四、政府信息公开行政复议、行政诉讼情况"), { type: "table", rows: appealsTable(v) },
    h("五、存在的主要问题及改进情况"),
    p("政务公开的规范化水平仍需提高，部分栏目更新不够及时。下一步将加强业务培训，完善公开目录，提升公开质量。"),
    h("六、其他需要报告的事项"),
    p(`本机关${year}年度未收取信息处理费。`),
  ];
  return { agency, year, template: "2021", title, blocks, values: v };
}
