import { readFileSync } from "node:fs";
import { syntheticReport, type SyntheticReport } from "../../support/synthetic-report.ts";
import { PDF_REPORTS, SYNTHETIC, type SyntheticName } from "./documents/catalog.ts";
import { stableDocx } from "./docx-bytes.ts";
import type { ExpectedReport, ReportFormat } from "./types.ts";

// The reports the portals serve, and what each must extract to: copies of the project's fixture
// documents (test/fixtures/*, with their .expected.json), synthetic reports rendered at start-up
// (inline HTML, DOCX), and the committed synthetic PDFs (documents/).

export interface ReportAsset {
  format: ReportFormat;
  agency: string;
  year: number;
  template: "2021" | "2019";
  title: string;
  values: Record<string, number>;
  source: string;
  /** For synthetic reports: the model (inline HTML is rendered from it by each family's page). */
  synthetic?: SyntheticReport;
  /** The bytes served: the file, or a whole copied fixture page. */
  bytes?: Buffer;
  /** For a copied page: the Content-Type it is served with. */
  contentType?: string;
}

const FIXTURES = new URL("../../fixtures/", import.meta.url);

interface ExpectedFile { agency: string; year: number; template: "2021" | "2019"; title: string; values: Record<string, number>; contentType?: string | null }

/** A document of test/fixtures (e.g. "pdf/carried-row.pdf") with its .expected.json. */
export function fixtureAsset(file: string): ReportAsset {
  const expected = JSON.parse(readFileSync(new URL(file.replace(/\.\w+$/, ".expected.json"), FIXTURES), "utf8")) as ExpectedFile;
  const ext = file.split(".").pop() as string;
  return {
    format: ext === "html" ? "html" : (ext as ReportFormat),
    agency: expected.agency, year: expected.year, template: expected.template, title: expected.title, values: expected.values,
    source: `test/fixtures/${file}`,
    bytes: readFileSync(new URL(file, FIXTURES)),
    ...(ext === "html" ? { contentType: expected.contentType ?? "text/html" } : {}),
  };
}

function fromModel(report: SyntheticReport, format: ReportFormat, source: string, bytes?: Buffer): ReportAsset {
  return { format, agency: report.agency, year: report.year, template: report.template, title: report.title, values: report.values, source, synthetic: report, ...(bytes ? { bytes } : {}) };
}

/** A synthetic report of the catalog, inline (its page renders it) or as a DOCX or committed PDF. */
export async function syntheticAsset(name: SyntheticName, format: "html" | "docx" | "pdf"): Promise<ReportAsset> {
  const options = SYNTHETIC[name];
  const report = syntheticReport(options);
  const source = `synthetic seed ${options.seed}`;
  if (format === "html") return fromModel(report, "html", source);
  if (format === "docx") return fromModel(report, "docx", source, await stableDocx(report));
  if (!PDF_REPORTS.includes(name)) throw new Error(`${name} has no committed PDF: add it to PDF_REPORTS and run documents/make-portal-pdfs.ts`);
  return fromModel(report, "pdf", `${source} (documents/${name}.pdf)`, readFileSync(new URL(`./documents/${name}.pdf`, import.meta.url)));
}

/** A report published inline at run time (mutate.addReport). */
export const inlineAsset = (report: SyntheticReport, source: string): ReportAsset => fromModel(report, "html", source);

/** The same report with a new model (republished or added at run time): inline HTML or DOCX. */
export async function rerendered(asset: ReportAsset, report: SyntheticReport): Promise<ReportAsset> {
  if (asset.format === "html") return fromModel(report, "html", asset.source);
  if (asset.format === "docx") return fromModel(report, "docx", asset.source, await stableDocx(report));
  throw new Error(`a ${asset.format} report (${asset.source}) cannot be re-rendered at run time; republish an inline or DOCX report`);
}

export function expectedOf(asset: ReportAsset, at: { id: string; site: string; url: string; via: string; alsoAt?: string[]; notes?: string[] }): ExpectedReport {
  return {
    id: at.id, site: at.site, url: at.url, alsoAt: at.alsoAt ?? [], via: at.via, format: asset.format,
    agency: asset.agency, year: asset.year, template: asset.template, title: asset.title, values: { ...asset.values },
    source: asset.source, notes: at.notes ?? [],
  };
}
