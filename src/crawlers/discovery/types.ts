// What discovery reads and what it finds. Discovery is pure: one fetched page (its bytes, URL and
// response metadata) in; the pages to fetch next, with what each is expected to be, out. No
// network, no database, no clock. One file per CMS family; discover-page.ts runs them all.

/**
 * What a page is to the crawl, and so which router handler takes it:
 * - `nav`: on the way to the reports (homepage, 政务公开 / 信息公开 area, 信息公开目录);
 * - `column`: a 年报 column or one of its sub-columns (by year, by kind of body);
 * - `list`: another page of a column's list (a pager's page);
 * - `list-api`: a list's data source (Hanweb dataproxy.jsp, gkmlpt JSON, a TRS search API, …);
 * - `detail`: a page that may be a report (inline) or carry the report as an attachment;
 * - `attachment`: a document file (PDF, DOC, DOCX, RTF, WPS, OFD …) that may be a report.
 */
export type PageKind = "nav" | "column" | "list" | "list-api" | "detail" | "attachment";

export interface PageInput {
  /** The URL the bytes came from (after redirects). */
  url: string;
  /** The raw response body, undecoded: discovery decodes it (header → <meta> → detection). */
  bytes: Uint8Array;
  /** The Content-Type response header, if any. */
  contentType?: string;
  /** HTTP status of the response (200 unless told). */
  status?: number;
  /** What the crawler expected this page to be (the kind of the link that led here). */
  kind: PageKind;
  /** The link that led here (its text or title), if any: e.g. a list row's full title. */
  linkText?: string;
  /** For `list-api` responses: the request that produced them (to page through the same API). */
  request?: ApiRequest;
}

export interface ApiRequest {
  url: string;
  method: "GET" | "POST";
  /** application/x-www-form-urlencoded body for POST. */
  body?: string;
  headers?: Record<string, string>;
}

/** One page to fetch next. */
export interface Link {
  url: string;
  kind: PageKind;
  /** The link's text or title as the page shows it (a list row's full `title=`), trimmed. */
  text?: string;
  /** For list APIs (and any non-GET request): method, form body and headers. */
  method?: "GET" | "POST";
  body?: string;
  headers?: Record<string, string>;
  /** The file name a link states for an attachment (link text, `alt`, `title`), when the URL has none. */
  fileName?: string;
  /** The reporting year a sub-column or list row names, when it names one (a hint, never the record's year). */
  year?: number;
  /** Which discovery module found it (trs, hanweb, gkmlpt, ucap, epoint, generic, navigation, attachments …). */
  family: string;
  /** Why it was taken, short, for logs: "script pager countPage=5", "link text 政府信息公开年报". */
  why: string;
  /** Larger first; 0 by default. The crawler fetches higher-priority links first. */
  priority?: number;
}

export interface Findings {
  /** The CMS family recognised on this page, if any (trs, hanweb, gkmlpt, ucap, epoint, aspnet …). */
  family?: string;
  /** The page's title as the page states it (article title, else <title>). */
  title?: string;
  links: Link[];
  /** A redirect shell (meta refresh, `location.href = …`, `window.location.replace(…)`): go there instead. */
  redirect?: string;
  /** Why this 200 answer is really a "not found" page, if it is one (soft 404). */
  softNotFound?: string;
  /**
   * Why this list seems to exist only after its scripts run (declares more records than it shows
   * and offers no static next page and no data source discovery can read), if so: the crawler
   * then renders it in a browser.
   */
  needsBrowser?: string;
  /**
   * Why this answer is an anti-bot challenge page (瑞数 412 / 加速乐 521 / a cookie-and-reload
   * script), if it is one: not content, not a failure — a browser passes it.
   */
  challenge?: string;
  /** How many records a list says it has (TRS recordCount, Hanweb totalrecord, gkmlpt total). */
  declaredRecords?: number;
  /** The character encoding the page was decoded with ("utf-8", "gb18030", …). */
  encoding?: string;
  /** Short notes for logs on what discovery decided not to do ("script pager countPage=100000 capped at 100"). */
  notes?: string[];
}
