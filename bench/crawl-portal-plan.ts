import type { SyntheticOptions } from "../test/support/synthetic-report.ts";

// What the crawl benchmark's portal holds, decided before anything is rendered: one county's
// bodies (government, offices and departments, townships), each with reports for five years, a
// share of them as PDF or DOCX attachments, and as many news articles as it takes to reach the
// page count asked for. Deterministic: the same sizes give the same site.

export interface BenchSizes {
  /** HTML pages in all (nav, list pages, details). */
  pages: number;
  /** Reports (inline pages and attachments). */
  documents: number;
  /** Shares of the reports published as PDF and as DOCX attachments (the rest inline). */
  pdfShare?: number;
  docxShare?: number;
}

export interface BenchReport {
  index: number;
  options: SyntheticOptions;
  format: "html" | "pdf" | "docx";
  /** Publication date YYYYMMDD (January after the year reported on). */
  date: string;
}

export interface BenchPlan {
  reports: BenchReport[];
  years: number[];
  newsColumns: number;
  news: number;
  perPage: number;
}

export const YEARS = [2020, 2021, 2022, 2023, 2024];
export const PER_PAGE = 20;
const NEWS_COLUMNS = 8;
/** homepage, 政务公开, the 年报 column's page, the news channel. */
const NAV_PAGES = 4;

const DEPARTMENTS = ["发展和改革局", "教育局", "科学技术局", "工业和信息化局", "公安局", "民政局", "司法局", "财政局", "人力资源和社会保障局", "自然资源局", "生态环境局", "住房和城乡建设局", "交通运输局", "水利局", "农业农村局", "商务局", "文化和旅游局", "卫生健康委员会", "退役军人事务局", "应急管理局", "审计局", "市场监督管理局", "统计局", "医疗保障局", "林业局", "城市管理局", "信访局", "行政审批服务局", "数据资源管理局", "乡村振兴局"];
const TOWN_HEADS = "东西南北上下前后新老大小长高平安永兴福德和清明白青红黄金银石玉龙凤桃李杨柳松竹梅兰荷花山水河湖江溪桥岭坪塘湾";
const TOWN_TAILS = ["镇人民政府", "乡人民政府", "街道办事处"];

/** The county's bodies, as many as it takes to give every report its own (agency, year). */
function bodies(count: number): string[] {
  const out = ["云山县人民政府", "云山县人民政府办公室", ...DEPARTMENTS.map((d) => `云山县${d}`)];
  const n = TOWN_HEADS.length;
  for (let i = 0; out.length < count; i++) {
    // Every pair of characters once (i < n²), so the names never run out before the bodies do.
    const name = `${TOWN_HEADS[i % n]}${TOWN_HEADS[(Math.floor(i / n) + 3 * i) % n]}${TOWN_TAILS[i % TOWN_TAILS.length]}`;
    if (!out.includes(name)) out.push(name);
    if (i > n * n * TOWN_TAILS.length) throw new Error(`the benchmark portal cannot name ${count} bodies`);
  }
  return out.slice(0, count);
}

/** HTML pages a plan makes: nav, the report lists (one list per year), report details, news lists and news details. */
export function pageCount(documents: number, news: number): number {
  const perYear = Math.ceil(documents / YEARS.length);
  const reportLists = YEARS.length * Math.ceil(perYear / PER_PAGE);
  const perColumn = Math.ceil(news / NEWS_COLUMNS);
  return NAV_PAGES + reportLists + documents + news + NEWS_COLUMNS * Math.max(1, Math.ceil(perColumn / PER_PAGE));
}

export function benchPlan(sizes: BenchSizes): BenchPlan {
  const { documents } = sizes;
  const pdfEvery = sizes.pdfShare ?? 0.15, docxEvery = sizes.docxShare ?? 0.15;
  const names = bodies(Math.ceil(documents / YEARS.length));
  const reports: BenchReport[] = [];
  for (let i = 0; i < documents; i++) {
    const year = YEARS[i % YEARS.length];
    const agency = names[Math.floor(i / YEARS.length)];
    const slot = (i * 37) % 100 / 100;
    const format = slot < pdfEvery ? "pdf" : slot < pdfEvery + docxEvery ? "docx" : "html";
    const template = year <= 2020 ? "2019" : "2021";
    const scale = agency.endsWith("县人民政府") ? 100 : agency.includes("县") ? 40 : 10;
    reports.push({ index: i, options: { seed: 50_000 + i, agency, year, template, scale }, format, date: `${year + 1}01${String(10 + (i % 19)).padStart(2, "0")}` });
  }
  let news = Math.max(0, sizes.pages - pageCount(documents, 0));
  while (news > 0 && pageCount(documents, news) > sizes.pages) news--;
  return { reports, years: YEARS, newsColumns: NEWS_COLUMNS, news, perPage: PER_PAGE };
}
