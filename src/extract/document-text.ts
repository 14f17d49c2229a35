// What every format extractor returns: the document in the canonical text format
// (docs/record.md): UTF-8, NFC, one paragraph per line, a blank line
// between blocks, tables one row per line with cells separated by tabs.

export type InputFormat = "pdf" | "html" | "docx" | "doc" | "rtf" | "text";

export interface DocumentText {
  format: InputFormat;
  text: string;
  warnings: string[];
  /** Number of pages, where the format has pages (PDF). */
  pages?: number;
}

export interface ExtractHints {
  /** The HTTP Content-Type header, if the bytes came from the web. */
  contentType?: string;
  /** The file name or URL, used for messages only; the kind is detected from the bytes. */
  name?: string;
  /**
   * What a crawler knows from the page that linked the document (a list row's full title, the
   * detail page's title and 发布机构): the weakest evidence, used only where the document states nothing.
   */
  context?: { title?: string; publisher?: string };
}
