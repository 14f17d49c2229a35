import { Parser } from "htmlparser2";
import { closedByOpening, closeScope, VOID } from "./tree-rules.ts";

// A small DOM built from htmlparser2's tokens, tolerant of the broken markup portals serve.
// htmlparser2's own element stack closes too eagerly for tables (a stray </div> in a cell
// closes the whole table; a new <td> after an unclosed <p> nests inside it), so the tree keeps
// its own stack with scoped rules (tree-rules.ts), close to what browsers do.
// Elements that never carry report text (scripts, styles, form controls, hidden elements) are
// parsed but left detached, so nothing below them reaches the tree.

export interface El {
  tag: string;
  id: string;
  cls: string;
  attrs: Record<string, string>;
  children: Node[];
  parent: El | null;
}
export type Node = El | string;

const DROPPED = new Set([
  "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "canvas",
  "select", "option", "button", "input", "textarea", "xml", "title", "map", "audio", "video", "frameset",
]);
/**
 * How deep elements nest, at most. Unclosed inline tags (`<p><font>…` paragraph after paragraph)
 * nest a page thousands deep, past what the tree's recursive readers can walk. Beyond these
 * depths an element is kept but opens no level, its content going to the deepest open element:
 * inline elements from 300 deep (which also lets the next <p> close the last one again), any
 * element from 600.
 */
const MAX_INLINE_DEPTH = 300;
const MAX_DEPTH = 600;
const INLINE = new Set([
  "font", "span", "a", "b", "i", "u", "s", "strong", "em", "small", "big", "sup", "sub", "strike", "code", "tt", "label",
  "abbr", "ins", "del", "mark", "q", "cite", "o:p", "nobr",
]);
const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all/i;

export interface ParsedPage {
  body: El;
  /** Text of the <title> element. */
  title: string;
  /** <meta name="…" content="…"> pairs, by lower-cased name (the first of each name). */
  metas: Record<string, string>;
}

/** Reports explicit end tags by name, with the element stack left to the tree builder. */
class TagParser extends Parser {
  source = "";
  onEndTag: (name: string) => void = () => {};
  override onclosetag(start: number, endIndex: number): void {
    this.onEndTag(this.source.slice(start, endIndex).trim().toLowerCase());
    super.onclosetag(start, endIndex);
  }
}

export function parseHtml(html: string): ParsedPage {
  const root = el("#root", {}, null);
  const stack: El[] = [root];
  let title = "";
  let inTitle = false;
  const metas: Record<string, string> = {};
  const top = () => stack[stack.length - 1];

  /** Index in the stack of the nearest element named `tag`, not crossing `barrier` tags. */
  const find = (tag: string, barrier: ReadonlySet<string>): number => {
    for (let i = stack.length - 1; i > 0; i--) {
      if (stack[i].tag === tag) return i;
      if (barrier.has(stack[i].tag)) return -1;
    }
    return -1;
  };

  const open = (name: string, attribs: Record<string, string>) => {
    for (const rule of closedByOpening(name)) {
      const i = find(rule.tag, rule.barrier);
      if (i > 0) { stack.length = i; break; }
    }
    if (name === "td" || name === "th") {
      // A cell outside a row: the row is implied.
      const t = top().tag;
      if (t === "table" || t === "tbody" || t === "thead" || t === "tfoot") open("tr", {});
    }
    const parent = top();
    const node = el(name, attribs, parent);
    if (!DROPPED.has(name) && !isHidden(attribs)) parent.children.push(node);
    if (!VOID.has(name) && stack.length < (INLINE.has(name) ? MAX_INLINE_DEPTH : MAX_DEPTH)) stack.push(node);
  };

  const parser = new TagParser({
    onopentag(name, attribs, implied) {
      if (name === "title") inTitle = true;
      const metaName = name === "meta" ? attribs.name?.trim().toLowerCase() : undefined;
      if (metaName && attribs.content !== undefined && !(metaName in metas)) metas[metaName] = attribs.content;
      if (!implied || name === "br") open(name, attribs); // implied: an empty <p> for a stray </p>
    },
    ontext(text) {
      if (inTitle) title += text;
      const parent = top();
      const last = parent.children[parent.children.length - 1];
      if (typeof last === "string") parent.children[parent.children.length - 1] = last + text;
      else parent.children.push(text);
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.source = html;
  parser.onEndTag = (name) => {
    if (name === "title") inTitle = false;
    if (VOID.has(name) || name === "body" || name === "html") return;
    const i = find(name, closeScope(name));
    if (i > 0) stack.length = i;
  };
  parser.end(html);
  return { body: bodyOf(root), title: title.replace(/\s+/g, " ").trim(), metas };
}

function el(tag: string, attrs: Record<string, string>, parent: El | null): El {
  return { tag, id: attrs.id ?? "", cls: attrs.class ?? "", attrs, children: [], parent };
}

function isHidden(attrs: Record<string, string>): boolean {
  return attrs.hidden !== undefined || (attrs.style !== undefined && HIDDEN_STYLE.test(attrs.style));
}

/** The <body> element, or the root when the page has none. */
function bodyOf(root: El): El {
  const queue: El[] = [root];
  for (let n = 0; n < queue.length && n < 256; n++) {
    for (const c of queue[n].children) {
      if (typeof c === "string") continue;
      if (c.tag === "body") return c;
      queue.push(c);
    }
  }
  return root;
}
