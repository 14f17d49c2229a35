import { RECORD_SCHEMA, type ReportRecord } from "../report-record.ts";
import { parseActiveTable } from "./active-table.ts";
import { parseAppealsTable } from "./appeals-table.ts";
import { computeChecks } from "./checks.ts";
import { classify } from "./classify.ts";
import { readMetadata } from "./metadata.ts";
import { missingRequestRows, parseRequestsTable } from "./requests-table.ts";
import { splitRows } from "./rows.ts";
import { findSections } from "./sections.ts";
import { detectTemplate } from "./template.ts";
import { ValueSink } from "./value-sink.ts";

// Canonical (or loose) text → report record. Pure and label-driven: every value comes from a
// labelled table cell; what the document does not show stays absent.

export function parseReport(text: string): ReportRecord {
  const rows = splitRows(text);
  const meta = readMetadata(rows, text);
  const sections = findSections(rows);
  const { template, warning } = detectTemplate(rows, meta.year);
  const sink = new ValueSink();
  if (warning) sink.warn(warning);
  if (template !== "none") {
    parseActiveTable(rows, template, sink);
    const seen = parseRequestsTable(rows, sink);
    const missing = missingRequestRows(seen, template);
    if (missing) sink.warn(missing);
    if (!parseAppealsTable(rows, sink) && seen.length) sink.warn("table 四: data row not found");
  }
  const values = Object.fromEntries([...sink.values].sort(([a], [b]) => a.localeCompare(b)));
  const kind = classify(meta.title, sections.length, Object.keys(values).length, text);
  const warnings = [...sink.warnings];
  if (kind.warning) warnings.unshift(kind.warning);
  if (!meta.agency && kind.kind === "annual_report") warnings.push("agency not found in the title");
  if (!meta.year && kind.kind === "annual_report") warnings.push("reported year not found");
  if (kind.kind === "annual_report" && template === "none" && (meta.year ?? 0) >= 2019) {
    warnings.push("no statistical tables in the text, though reports on 2019 and later have them (tables as images?)");
  }
  return {
    schema: RECORD_SCHEMA,
    kind: kind.kind,
    title: meta.title,
    agency: meta.agency,
    year: meta.year,
    template: kind.kind === "annual_report" ? template : "none",
    sections,
    values: kind.kind === "annual_report" ? values : {},
    checks: kind.kind === "annual_report" ? computeChecks(values) : [],
    warnings,
  };
}
