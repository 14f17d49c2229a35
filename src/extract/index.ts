// Public API of the extractors: pure functions from bytes or text to canonical text and report records.
export { extractDocument, documentText, type Extraction } from "./extract-document.ts";
export { detectFormat, type DetectedFormat } from "./detect-format.ts";
export { parseReport } from "./parse/parse-report.ts";
export { normalizeText } from "./normalize-text.ts";
export { ExtractError } from "./extract-error.ts";
export { EXTRACTOR_VERSION } from "./version.ts";
export type { ReportRecord, RecordSource, Section, Check, Template, DocumentKind } from "./report-record.ts";
export type { DocumentText, DocumentMeta, DocumentContext, ExtractHints, InputFormat } from "./document-text.ts";
