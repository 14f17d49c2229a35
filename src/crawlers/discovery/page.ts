import { load, type CheerioAPI } from "cheerio/slim";
import { hasChildren, isTag, type AnyNode, type Element, type ParentNode, type Text } from "domhandler";
import { decodeBytes } from "../../extract/decode/decode-bytes.ts";
import type { PageInput, PageKind } from "./types.ts";
import { repairTree } from "./tree-repair.ts";
import { resolveUrl } from "./url-canon.ts";
import { clean } from "./text.ts";

// One fetched page as the discovery modules see it: decoded text (header → <meta> → detection,
// by src/extract's decoder), parsed once with cheerio's htmlparser2 build (`cheerio/slim`: fast,
// lenient, never loads parse5), its base URL, its inline scripts, and what the crawl expected it
// to be. Built once per page and shared by every module.

export interface Page {
  url: string;
  kind: PageKind;
  input: PageInput;
  text: string;
  encoding: string;
  $: CheerioAPI;
  /** The URL relative links resolve against (<base href> if any, else the page URL). */
  base: string;
  /** Bodies of the inline <script> elements (not the `type="text/xml"` datastores). */
  scripts: string[];
  /** All script text joined, for pattern searches. */
  scriptText: string;
  /** Reached as a 年报 column, one of its list pages or list APIs: every list item is a candidate. */
  reportContext: boolean;
  resolve(href: string | undefined): string | undefined;
  /** The page's visible text (scripts, styles and comments left out), whitespace collapsed. */
  visibleText(): string;
  /** The body parsed as JSON (or JSONP), if it is JSON. */
  json(): unknown;
}

export function buildPage(input: PageInput): Page {
  const { text, encoding } = decodeBytes(input.bytes, input.contentType);
  const document = load(text);
  repairTree(document.root()[0]!);
  const $ = indexedQueries(document);
  const pageUrl = input.url;
  const baseHref = $("base[href]").first().attr("href");
  const base = (baseHref && resolveUrl(baseHref, pageUrl)) || pageUrl;
  const scripts: string[] = [];
  $("script").each((_, el) => {
    const type = ($(el).attr("type") ?? "").toLowerCase();
    if (type.includes("xml") || type.includes("template") || type.includes("json")) return;
    const body = $(el).text();
    if (body.trim()) scripts.push(body);
  });
  let visible: string | undefined;
  let parsed: { value: unknown } | undefined;
  return {
    url: pageUrl,
    kind: input.kind,
    input,
    text,
    encoding,
    $,
    base,
    scripts,
    scriptText: scripts.join("\n;\n"),
    reportContext: input.kind === "column" || input.kind === "list" || input.kind === "list-api",
    resolve: (href) => resolveUrl(href, base, encoding),
    visibleText: () => (visible ??= visibleTextOf($)),
    json: () => (parsed ??= { value: parseJson(text) }).value,
  };
}

/**
 * The document's `$`, with its whole-document queries by tag (`a[href]`, `title`, `meta[name="…"]`,
 * `frame[src], iframe[src]` …) answered from an index of the elements by tag name built in one walk,
 * and each answer kept: the modules ask the same few of every page, and cheerio walked the whole
 * tree for each (two dozen walks a page, half of discovery's time). Discovery never changes the
 * tree, so an answer holds for the page's life. Any other query goes to cheerio as it is.
 */
function indexedQueries($: CheerioAPI): CheerioAPI {
  let byTag: Map<string, Element[]> | undefined;
  const position = new Map<Element, number>();
  const answers = new Map<string, ReturnType<CheerioAPI>>();
  const index = (): Map<string, Element[]> => {
    const tags = new Map<string, Element[]>();
    const stack: AnyNode[] = [...$.root().get()].reverse(); // document order, without recursion (unclosed tags nest deep)
    for (let node = stack.pop(); node; node = stack.pop()) {
      if (isTag(node)) {
        position.set(node, position.size);
        const list = tags.get(node.name);
        if (list) list.push(node);
        else tags.set(node.name, [node]);
      }
      if (hasChildren(node)) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
    return tags;
  };
  const byIndex = (selector: string): Element[] | undefined => {
    const parts = selector.split(",").map((part) => SIMPLE_SELECTOR.exec(part));
    if (parts.some((p) => !p)) return undefined;
    byTag ??= index();
    const found = parts.flatMap((p) => {
      const [, tag, attr, value] = p!;
      const elements = byTag!.get(tag.toLowerCase()) ?? [];
      if (!attr) return elements;
      const name = attr.toLowerCase();
      return elements.filter((el) => (value === undefined ? el.attribs[name] !== undefined : el.attribs[name] === value));
    });
    return parts.length > 1 ? [...new Set(found)].sort((a, b) => position.get(a)! - position.get(b)!) : found;
  };
  const query = ((selector: unknown, ...rest: unknown[]) => {
    if (typeof selector !== "string" || rest.length > 0) return ($ as (...args: unknown[]) => unknown)(selector, ...rest);
    let answer = answers.get(selector);
    if (!answer) {
      const elements = byIndex(selector);
      if (!elements) return $(selector);
      answers.set(selector, (answer = $(elements)));
    }
    return answer;
  }) as CheerioAPI;
  return Object.setPrototypeOf(Object.assign(query, $), Object.getPrototypeOf($)) as CheerioAPI;
}

/** `tag`, `tag[attr]` or `tag[attr="value"]`: what the element index answers. */
const SIMPLE_SELECTOR = /^\s*([a-z][a-z0-9]*)(?:\[([a-z][\w-]*)(?:="([^"]*)")?\])?\s*$/i;

function visibleTextOf($: CheerioAPI): string {
  const root: AnyNode | undefined = $("body").get(0) ?? $.root().get(0);
  const parts: string[] = [];
  const stack: AnyNode[] = root ? [root] : []; // without recursion: unclosed tags nest deep
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (node.type === "text") parts.push((node as Text).data);
    else if (node.type === "root" || (node.type === "tag" && !HIDDEN.has((node as Element).name))) {
      const children = (node as ParentNode).children;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return clean(parts.join(" "));
}

const HIDDEN = new Set(["script", "style", "noscript", "template"]);

/** JSON or JSONP (`callback({...})`), else undefined. */
function parseJson(text: string): unknown {
  const t = text.trim().replace(/^\uFEFF/, "");
  const candidates = [t];
  const jsonp = /^[\w$.]+\s*\(([\s\S]*)\)\s*;?$/.exec(t);
  if (jsonp) candidates.push(jsonp[1]);
  for (const c of candidates) {
    if (!/^[[{]/.test(c)) continue;
    try {
      return JSON.parse(c);
    } catch {
      // not JSON
    }
  }
  return undefined;
}

/** A call or an assignment handed a literal address: window.open('…'), location.href = '…', downloadFile('…'). */
const ONCLICK_URL = /(?:[\w$.]+\s*\(\s*|location(?:\.href)?\s*=\s*)(["'])((?:https?:\/\/|\/|\.{1,2}\/)[^"'\s]+)\1/i;

/**
 * Where a link goes: its href, or — for `href="javascript:…"` / `href="#"` links that open their
 * target from a script (`onclick="window.open('/zwgk/nb/')"`, `location.href='…'`) — that target.
 */
export function linkHref($: CheerioAPI, a: AnyNode): string | undefined {
  const el = $(a);
  const href = el.attr("href")?.trim();
  if (href && !/^(?:javascript:|#)/i.test(href)) return href;
  const script = `${el.attr("onclick") ?? ""} ${href ?? ""}`;
  return ONCLICK_URL.exec(script)?.[2] ?? href;
}

/** A list row's full title: `title=` when it is at least as informative as the (often cut) text. */
export function anchorTitle($: CheerioAPI, a: AnyNode): string {
  const el = $(a);
  const text = clean(el.text());
  const title = clean(el.attr("title"));
  if (title && (title.length >= text.replace(/(?:…|\.\.\.)+$/, "").length || /(?:…|\.\.\.)$/.test(text))) return title;
  return text || title || clean(el.find("img[alt]").first().attr("alt")) || clean(el.attr("alt"));
}
