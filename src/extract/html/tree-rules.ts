// How elements close when the markup does not say so, after the HTML parsing algorithm,
// simplified: which open element a new start tag closes, and how far an end tag may reach.

export const VOID = new Set([
  "area", "base", "basefont", "bgsound", "br", "col", "command", "embed", "frame", "hr", "image", "img",
  "input", "isindex", "keygen", "link", "meta", "param", "source", "track", "wbr",
]);

const set = (...tags: string[]): ReadonlySet<string> => new Set(tags);
/** Elements an end tag or an implied close never reaches past (table and cell boundaries). */
const TABLE_SCOPE = set("table", "td", "th", "caption", "template", "object");
const TABLE_ONLY = set("table", "template");
const NONE = set();

export interface CloseRule { tag: string; barrier: ReadonlySet<string> }

const P_CLOSERS = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dir", "div", "dl", "dd", "dt", "fieldset",
  "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main",
  "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul",
]);
const HEADINGS = ["h1", "h2", "h3", "h4", "h5", "h6"];
const CLOSE_P: CloseRule = { tag: "p", barrier: set(...TABLE_SCOPE, "button") };
const LIST_SCOPE = set(...TABLE_SCOPE, "ul", "ol");

/** The open elements a start tag closes, tried in order; the first one found is closed (with everything inside it). */
export function closedByOpening(name: string): CloseRule[] {
  switch (name) {
    case "td": case "th": return cellRules;
    case "tr": return rowRules;
    case "tbody": case "thead": case "tfoot": return sectionRules;
    case "li": return [{ tag: "li", barrier: LIST_SCOPE }, CLOSE_P];
    case "dd": case "dt": return [{ tag: "dd", barrier: set(...TABLE_SCOPE, "dl") }, { tag: "dt", barrier: set(...TABLE_SCOPE, "dl") }, CLOSE_P];
    case "a": return [{ tag: "a", barrier: TABLE_SCOPE }];
    default:
      if (HEADINGS.includes(name)) return [...HEADINGS.map((h) => ({ tag: h, barrier: TABLE_SCOPE })), CLOSE_P];
      return P_CLOSERS.has(name) ? [CLOSE_P] : [];
  }
}

/** A new cell closes the open cell of the current row (and what is open inside it). */
const cellRules: CloseRule[] = [{ tag: "td", barrier: TABLE_ONLY }, { tag: "th", barrier: TABLE_ONLY }];
/** A new row closes the open row of the current table. */
const rowRules: CloseRule[] = [{ tag: "tr", barrier: TABLE_ONLY }];
const sectionRules: CloseRule[] = [{ tag: "tbody", barrier: TABLE_ONLY }, { tag: "thead", barrier: TABLE_ONLY }, { tag: "tfoot", barrier: TABLE_ONLY }, ...rowRules];

/** How far up the stack an end tag may look for its element. */
export function closeScope(name: string): ReadonlySet<string> {
  if (name === "table") return NONE;
  if (name === "td" || name === "th" || name === "tr" || name === "tbody" || name === "thead" || name === "tfoot" || name === "caption") return TABLE_ONLY;
  return TABLE_SCOPE;
}
