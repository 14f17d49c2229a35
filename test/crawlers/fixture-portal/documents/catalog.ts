import type { SyntheticOptions } from "../../../support/synthetic-report.ts";

// The synthetic reports the fixture portals publish (test/support/synthetic-report.ts, fixed
// seeds), by name. Every (agency, year) is unique across all sites and across the copied
// fixtures they serve, so one archive can hold a crawl of every site without two different
// documents claiming to be the same report.

export const SYNTHETIC = {
  "xishan-gov-2023": { seed: 7101, agency: "西山县人民政府", year: 2023, scale: 100 },
  "xishan-gov-2022": { seed: 7102, agency: "西山县人民政府", year: 2022, scale: 100 },
  "xishan-gov-2021": { seed: 7105, agency: "西山县人民政府", year: 2021, scale: 100 },
  "xishan-edu-2023": { seed: 7103, agency: "西山县教育局", year: 2023 },
  "nanling-2023": { seed: 7104, agency: "南岭乡人民政府", year: 2023, scale: 10 },
  "taoyuan-office-2023": { seed: 7201, agency: "桃源县人民政府办公室", year: 2023 },
  "taoyuan-finance-2023": { seed: 7202, agency: "桃源县财政局", year: 2023 },
  "baiyun-jingtai-2023": { seed: 7301, agency: "白云区景泰街道办事处", year: 2023, scale: 10 },
  "baiyun-office-2022": { seed: 7302, agency: "白云区人民政府办公室", year: 2022 },
  "shimen-gov-2023": { seed: 7401, agency: "石门县人民政府", year: 2023, scale: 100 },
  "shimen-health-2023": { seed: 7402, agency: "石门县卫生健康局", year: 2023 },
  "jinxi-gov-2023": { seed: 7501, agency: "金溪县人民政府", year: 2023, scale: 100 },
  "jinxi-chengguan-2023": { seed: 7502, agency: "金溪县城关镇人民政府", year: 2023, scale: 10 },
  "yunxi-gov-2023": { seed: 7601, agency: "云溪县人民政府", year: 2023, scale: 100 },
  "yunxi-gov-2022": { seed: 7602, agency: "云溪县人民政府", year: 2022, scale: 100 },
  "yunxi-gov-2021": { seed: 7603, agency: "云溪县人民政府", year: 2021, scale: 100 },
  "yunxi-fgj-2023": { seed: 7604, agency: "云溪县发展和改革局", year: 2023 },
  "yunxi-xikou-2023": { seed: 7605, agency: "云溪县溪口镇人民政府", year: 2023, scale: 10 },
  "yunxi-zrzy-2023": { seed: 7606, agency: "云溪县自然资源局", year: 2023 },
  "yunxi-yunfeng-2023": { seed: 7607, agency: "云溪县云峰街道办事处", year: 2023, scale: 10 },
} satisfies Record<string, SyntheticOptions>;

export type SyntheticName = keyof typeof SYNTHETIC;

/** The ones served as PDF: rendered once by make-portal-pdfs.ts and committed (pdfkit needs a CJK font the tests must not need). */
export const PDF_REPORTS: SyntheticName[] = ["xishan-gov-2023", "taoyuan-finance-2023", "baiyun-jingtai-2023", "shimen-health-2023"];
