import { rng, type SyntheticOptions } from "../test/support/synthetic-report.ts";
import type { PdfStyle } from "../test/fixtures/pdf/make-pdf-fixtures.ts";

// What the benchmark corpus holds: a deterministic list of synthetic reports and how each is
// rendered. Changing anything here changes the corpus, which is regenerated (see corpus.ts).

export type HtmlStyle = "trs-gbk-word" | "hanweb-utf8" | "gkmlpt-utf8" | "nocharset-gb2312";

export interface PdfEntry { kind: "pdf"; file: string; options: SyntheticOptions; style: PdfStyle }
export interface HtmlEntry { kind: "html"; file: string; options: SyntheticOptions; style: HtmlStyle }
export type CorpusEntry = PdfEntry | HtmlEntry;

export interface CorpusPlan { pdf: PdfEntry[]; html: HtmlEntry[]; big: PdfEntry }

export const REPORTS_PER_FORMAT = 200;
/** Filler paragraphs per section: 1 → 3 pages, 62 → 10–12 pages, 755 → about 100 pages. */
const PDF_FILLER = [1, 62] as const;
const BIG_FILLER = 755;
const HTML_FILLER = [1, 10] as const;

const AGENCIES = [
  "青山镇人民政府", "桃源县人民政府办公室", "东湖街道办事处", "白云区人民政府办公室",
  "西山县人民政府", "南岭乡人民政府", "临江市自然资源局", "北塘区教育局",
];
/**
 * Largest request count per cell. Above 200 the totals reach five digits, which wrap inside the
 * renderer's 28 pt PDF columns ('1027' over '3'): not a number anyone could read back.
 */
const SCALES = [10, 40, 40, 100, 200];
const HTML_STYLES: HtmlStyle[] = ["trs-gbk-word", "hanweb-utf8", "gkmlpt-utf8", "nocharset-gb2312"];
const BORDERS = ["stroke", "filled", "none"] as const;

const pad = (i: number) => String(i).padStart(3, "0");

function reportOptions(seed: number, i: number, filler: number): SyntheticOptions {
  const template = i % 4 === 3 ? "2019" : "2021";
  const year = template === "2019" ? 2019 + (i % 2) : 2021 + (i % 4);
  return { seed, template, agency: AGENCIES[i % AGENCIES.length], year, scale: SCALES[i % SCALES.length], filler };
}

export function corpusPlan(): CorpusPlan {
  const rand = rng(20240601);
  const between = ([lo, hi]: readonly [number, number]) => lo + Math.floor(rand() * (hi - lo + 1));
  const pdf: PdfEntry[] = [];
  const html: HtmlEntry[] = [];
  for (let i = 0; i < REPORTS_PER_FORMAT; i++) {
    pdf.push({
      kind: "pdf", file: `pdf/report-${pad(i)}.pdf`,
      options: reportOptions(10_000 + i, i, between(PDF_FILLER)),
      style: { borders: BORDERS[i % BORDERS.length], furniture: i % 2 === 0 },
    });
    html.push({
      kind: "html", file: `html/report-${pad(i)}.html`,
      options: reportOptions(20_000 + i, i + 1, between(HTML_FILLER)),
      style: HTML_STYLES[i % HTML_STYLES.length],
    });
  }
  const big: PdfEntry = {
    kind: "pdf", file: "pdf/big-report.pdf",
    options: { seed: 30_000, template: "2021", agency: "临江市人民政府", year: 2023, filler: BIG_FILLER },
    style: { borders: "stroke", furniture: true },
  };
  return { pdf, html, big };
}
