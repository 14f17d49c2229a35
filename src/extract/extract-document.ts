import { detectFormat } from "./detect-format.ts";
import { docToText } from "./doc/doc-to-text.ts";
import type { DocumentText, ExtractHints } from "./document-text.ts";
import { docxToText } from "./docx/docx-to-text.ts";
import { ExtractError } from "./extract-error.ts";
import { htmlToText } from "./html/html-to-text.ts";
import { MAX_INPUT_BYTES } from "./limits.ts";
import { parseReport } from "./parse/parse-report.ts";
import { pdfToText } from "./pdf/pdf-to-text.ts";
import { rtfToText } from "./rtf/rtf-to-text.ts";
import type { ReportRecord } from "./report-record.ts";
import { textToText } from "./text/text-to-text.ts";
import { EXTRACTOR_VERSION } from "./version.ts";

// One document's bytes → canonical text → report record. The format is detected from the bytes.

export interface Extraction {
  document: DocumentText;
  record: ReportRecord;
}

const MB = 1024 * 1024;

/** The document in the canonical text format. Throws ExtractError for input it cannot read. */
export async function documentText(bytes: Uint8Array, hints: ExtractHints = {}): Promise<DocumentText> {
  const name = hints.name ?? "input";
  if (bytes.length === 0) throw new ExtractError(`${name}: the file is empty (0 bytes); nothing to extract`);
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new ExtractError(`${name}: ${(bytes.length / MB).toFixed(0)} MB is over the ${MAX_INPUT_BYTES / MB} MB limit for one document; annual reports are far smaller, so check that this is the right file`);
  }
  const format = detectFormat(bytes);
  switch (format) {
    case "pdf": return pdfToText(bytes, hints);
    case "docx": return docxToText(bytes, hints);
    case "doc": return docToText(bytes, hints);
    case "html": return htmlToText(bytes, hints);
    case "text": return textToText(bytes, hints);
    case "rtf": return rtfToText(bytes, hints);
    case "image": throw new ExtractError(`${name}: an image, not a document; OCR is not supported`);
    case "ofd": throw new ExtractError(`${name}: an OFD document (版式文档), which is not supported yet; convert it to PDF and extract that`);
    case "xlsx": throw new ExtractError(`${name}: an Excel workbook, not a report document; extract the report it belongs to`);
    case "zip": throw new ExtractError(`${name}: a zip archive that is not a DOCX document; unpack it and extract the documents inside`);
    default: throw new ExtractError(`${name}: unrecognised binary data (not PDF, DOCX, DOC, RTF, HTML or text); check that the file is a report document`);
  }
}

export async function extractDocument(bytes: Uint8Array, hints: ExtractHints = {}): Promise<Extraction> {
  const document = await documentText(bytes, hints);
  const parsed = parseReport(document.text, { meta: document.meta, context: hints.context });
  const record: ReportRecord = {
    ...parsed,
    warnings: [...document.warnings, ...parsed.warnings],
    source: {
      format: document.format,
      ...(document.pages !== undefined ? { pages: document.pages } : {}),
      extractor: EXTRACTOR_VERSION,
      evidence: parsed.source?.evidence ?? {},
      names: parsed.source?.names ?? [],
    },
  };
  return { document, record };
}
