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
  /** What the page around the document states about it (HTML only); docs/metadata.md says how it is used. */
  meta?: DocumentMeta;
}

/** An HTML page's own statements about the document it carries, each as the page writes it. */
export interface DocumentMeta {
  /** The <title> element. */
  pageTitle?: string;
  /** The article's title in the page's metadata: <meta name="ArticleTitle">, <ucaptitle>, a 名称/标题 field. */
  articleTitle?: string;
  /** <meta name="ContentSource">, or a 来源/信息来源 field. */
  contentSource?: string;
  /** A 发布机构/发文机关/发布单位 field of the page's metadata table. */
  publisher?: string;
  /** <meta name="ColumnName">: the portal column the page sits in. */
  columnName?: string;
  /** <meta name="PubDate"> or a 发布日期 field: when the page was published (not the reported year). */
  pubDate?: string;
  /**
   * The text's first line is a title the extractor put there from outside the article: from a
   * heading on the page, or, when the page shows none, from <title>.
   */
  addedTitle?: "heading" | "page_title";
}

/** What a crawler knows about a document from the page that linked it: the weakest evidence. */
export interface DocumentContext {
  /** The title the link stated (a list row's full title, the detail page's title for its attachment). */
  title?: string;
  /** The body the linking page named (a detail page's 发布机构 for its attachment). */
  publisher?: string;
}

export interface ExtractHints {
  /** The HTTP Content-Type header, if the bytes came from the web. */
  contentType?: string;
  /** The file name or URL, used for messages only; the kind is detected from the bytes. */
  name?: string;
  /** What the crawler knows from the linking page; used only for what the document itself does not state. */
  context?: DocumentContext;
}
