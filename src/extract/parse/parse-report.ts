import { RECORD_SCHEMA, type ReportRecord } from "../report-record.ts";
import { EXTRACTOR_VERSION } from "../version.ts";
import { parseActiveTable } from "./active-table.ts";
import { parseAppealsTable } from "./appeals-table.ts";
import { computeChecks } from "./checks.ts";
import { classify } from "./classify.ts";
import { readMetadata, type MetadataInput } from "./metadata.ts";
import { OLD_FORM_WARNING } from "./old-form.ts";
import { missingRequestRows, parseRequestsTable } from "./requests-table.ts";
import { splitRows } from "./rows.ts";
import { findSections } from "./sections.ts";
import { detectTemplate } from "./template.ts";
import { ValueSink } from "./value-sink.ts";

// Canonical (or loose) text → report record. Pure and label-driven: every value comes from a
// labelled table cell; what the document does not show stays absent. `input` adds what an HTML
// page states about the document and what a crawler knows from the linking page (metadata only).

export function parseReport(text: string, input: MetadataInput = {}): ReportRecord {
  const rows = splitRows(text);
  const meta = readMetadata(rows, text, input);
  const sections = findSections(rows);
  const decision = detectTemplate(rows, meta.year);
  const template = decision.template;
  const sink = new ValueSink();
  if (decision.warning) sink.warn(decision.warning);
  if (template !== "none") {
    if (!decision.skipActive) parseActiveTable(rows, template, sink);
    const seen = parseRequestsTable(rows, sink);
    const missing = missingRequestRows(seen, template);
    if (missing) sink.warn(missing);
    if (!parseAppealsTable(rows, sink) && seen.length) sink.warn("table 四: data row not found");
  }
  const values = Object.fromEntries([...sink.values].sort(([a], [b]) => a.localeCompare(b)));
  const oldForm = decision.warning === OLD_FORM_WARNING;
  const firstLine = rows.find((r) => r.cells.some((c) => c !== ""))?.cells.filter((c) => c !== "").join(" ") ?? null;
  // What the document is, it must say itself: a title known only from the linking page does not count.
  const kind = classify({
    title: meta.evidence.title === "context" ? null : meta.title, notice: meta.notice, firstLine, pageTitles: meta.pageTitles,
    sections: sections.length, values: Object.keys(values).length, oldForm, rows, text,
  });
  const report = kind.kind === "annual_report";
  // Which form a document's tables follow is no concern of a document that is not a report.
  const warnings = [...meta.warnings, ...sink.warnings.filter((w) => report || w !== decision.warning)];
  if (kind.warning) warnings.unshift(kind.warning);
  if (!meta.agency && report) warnings.push("agency not found: neither the report nor its page names the issuing body");
  if (!meta.year && report) warnings.push("reported year not found");
  if (report && template === "none" && !oldForm && (meta.year ?? 0) >= 2019) {
    warnings.push("no statistical tables in the text, though reports on 2019 and later have them (tables as images?)");
  }
  return {
    schema: RECORD_SCHEMA,
    kind: kind.kind,
    title: meta.title,
    agency: meta.agency,
    year: meta.year,
    template: report ? template : "none",
    sections,
    values: report ? values : {},
    checks: report ? computeChecks(values) : [],
    warnings,
    source: { format: "text", extractor: EXTRACTOR_VERSION, evidence: meta.evidence, names: meta.names },
  };
}
