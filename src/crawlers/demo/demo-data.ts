// What the demo portal publishes: a made-up county (青峰县 of 示例省示例市, fictional), its
// government, one department and two townships, each with reports for two or three years, some
// inline, one as a PDF and one as a DOCX attachment. The numbers are generated (demo-values.ts).

export type BodyKind = "county" | "department" | "township";

export interface DemoBody {
  /** The body's name as its reports' titles state it. */
  agency: string;
  kind: BodyKind;
  /** Sub-column of the 年报 column holding its reports. */
  column: "xzf" | "bm" | "xz";
  seed: number;
}

export interface DemoReportSpec {
  body: DemoBody;
  year: number;
  /** How the report is published: inline in its page, or as an attachment (committed under site/). */
  format: "html" | "pdf" | "docx";
  /** Publication date (YYYY-MM-DD), in the year after the one reported on. */
  published: string;
  /** Article id in the TRS-style URL …/tYYYYMMDD_{id}.html. */
  id: number;
}

export const REGION = { province: "示例省", city: "示例市", county: "青峰县" } as const;
export const SITE_NAME = "青峰县人民政府";

const COUNTY: DemoBody = { agency: "青峰县人民政府", kind: "county", column: "xzf", seed: 11 };
const EDUCATION: DemoBody = { agency: "青峰县教育局", kind: "department", column: "bm", seed: 23 };
const QINGFENG: DemoBody = { agency: "青峰镇人民政府", kind: "township", column: "xz", seed: 37 };
const SHIQIAO: DemoBody = { agency: "石桥乡人民政府", kind: "township", column: "xz", seed: 41 };

export const DEMO_BODIES = [COUNTY, EDUCATION, QINGFENG, SHIQIAO];

export const DEMO_REPORTS: DemoReportSpec[] = [
  { body: COUNTY, year: 2022, format: "html", published: "2023-01-18", id: 1001 },
  { body: COUNTY, year: 2023, format: "html", published: "2024-01-22", id: 1002 },
  { body: COUNTY, year: 2024, format: "html", published: "2025-01-20", id: 1003 },
  { body: EDUCATION, year: 2023, format: "html", published: "2024-01-25", id: 1011 },
  { body: EDUCATION, year: 2024, format: "pdf", published: "2025-01-23", id: 1012 },
  { body: QINGFENG, year: 2023, format: "html", published: "2024-01-26", id: 1021 },
  { body: QINGFENG, year: 2024, format: "html", published: "2025-01-24", id: 1022 },
  { body: SHIQIAO, year: 2023, format: "html", published: "2024-01-29", id: 1031 },
  { body: SHIQIAO, year: 2024, format: "docx", published: "2025-01-27", id: 1032 },
];

/** The attachment file of a report published as one (committed under site/). */
export const attachmentFile = (r: DemoReportSpec) => `${r.body.column}-${r.year}.${r.format}`;
