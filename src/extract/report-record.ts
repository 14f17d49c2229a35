// The report record: the product's public data model, as docs/record.md describes it.
// Keys are stable: add, never rename.

export const RECORD_SCHEMA = "nianbao.report/1";

export type Template = "2021" | "2019" | "none";

/**
 * What the document is: an annual report, something else a crawler meets (a notice, a list page),
 * or unreadable (no text to judge by, e.g. a scanned PDF without a text layer).
 */
export type DocumentKind = "annual_report" | "not_a_report" | "unreadable";

export interface Section {
  number: string;
  title: string;
  text: string;
}

export interface Check {
  rule: string;
  ok: boolean;
  detail: string;
}

export interface ReportRecord {
  schema: typeof RECORD_SCHEMA;
  kind: DocumentKind;
  title: string | null;
  agency: string | null;
  year: number | null;
  template: Template;
  sections: Section[];
  values: Record<string, number>;
  checks: Check[];
  warnings: string[];
  /** Where the record came from: input kind, extractor version, and the evidence for its metadata (added key). */
  source?: RecordSource;
}

export interface RecordSource {
  format: string;
  pages?: number;
  extractor: string;
  /**
   * Where each metadata field was read (docs/metadata.md lists the places and their order), e.g.
   * `{ title: "body", agency: "title", year: "title" }`; a field that was not found has no entry.
   */
  evidence?: { title?: string; agency?: string; year?: string };
  /**
   * Every name of the issuing body the document states (from its title, page metadata, 发布机构
   * field, signature), distinct, longest first: the archive places and identifies the body by them.
   */
  names?: string[];
}
