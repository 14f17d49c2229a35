import { computeChecks } from "../src/extract/parse/checks.ts";
import { RECORD_SCHEMA, type ReportRecord, type Section } from "../src/extract/report-record.ts";
import { EXTRACTOR_VERSION } from "../src/extract/version.ts";
import { canonicalText, tableGrid, syntheticReport, type Block, type SyntheticReport } from "../test/support/synthetic-report.ts";
import type { BenchAgency } from "./store-agencies.ts";

// The store benchmark's input: one report record per agency and year, built directly from a
// synthetic report (no extractor runs): its values, its six sections in the canonical text
// format, the checks the parser would compute, and the canonical text for the search column.
// Reports on 2019 and 2020 follow the 2019 (试行) template, later ones the 2021 template.

export interface PreparedReport {
  agency: BenchAgency;
  year: number;
  record: ReportRecord;
  /** The canonical text (report_versions.text and .search; also the "document" bytes). */
  text: string;
  /** Where it was "ingested" from. */
  url: string;
}

function blockText(b: Block): string {
  return b.type === "table" ? tableGrid(b.rows).map((r) => r.join("\t")).join("\n") : b.text;
}

function sectionsOf(report: SyntheticReport): Section[] {
  const sections: Section[] = [];
  let parts: string[] = [];
  for (const b of report.blocks) {
    const heading = b.type === "heading" ? /^([一二三四五六])、(.+)$/.exec(b.text) : null;
    if (heading) {
      parts = [];
      sections.push({ number: heading[1], title: heading[2], text: "" });
    } else if (sections.length && b.type !== "title") {
      parts.push(blockText(b));
      sections[sections.length - 1].text = parts.join("\n\n");
    }
  }
  return sections;
}

export function prepareReport(agency: BenchAgency, year: number, seed: number): PreparedReport {
  const template = year <= 2020 ? "2019" : "2021";
  const report = syntheticReport({ seed, agency: agency.name, year, template });
  const text = canonicalText(report);
  const record: ReportRecord = {
    schema: RECORD_SCHEMA,
    kind: "annual_report",
    title: report.title,
    agency: agency.name,
    year,
    template,
    sections: sectionsOf(report),
    values: report.values,
    checks: computeChecks(report.values),
    warnings: [],
    source: { format: "text", extractor: EXTRACTOR_VERSION },
  };
  return { agency, year, record, text, url: `file:///bench/${agency.regionCode}/${year}/ndbg.txt` };
}

/** Every agency × every year, agency-major (as a crawler of one portal after another would). */
export function prepareReports(agencies: BenchAgency[], years: number[], onProgress?: (done: number) => void): PreparedReport[] {
  const out: PreparedReport[] = [];
  agencies.forEach((agency, i) => {
    for (const year of years) {
      out.push(prepareReport(agency, year, i * 100 + year));
      onProgress?.(out.length);
    }
  });
  return out;
}
