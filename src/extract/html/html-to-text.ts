import type { DocumentText, ExtractHints } from "../document-text.ts";
import { ExtractError } from "../extract-error.ts";
import { MAX_INPUT_BYTES } from "../limits.ts";
import { normalizeText } from "../normalize-text.ts";
import { decodeBytes } from "../decode/decode-bytes.ts";
import { looksLikeText } from "../decode/looks-like-text.ts";
import { parseHtml, type El } from "./dom.ts";
import { computeStats, proseWeight } from "./text-stats.ts";
import { findContent } from "./content-container.ts";
import { pruneChrome } from "./page-chrome.ts";
import { readPageMeta } from "./page-meta.ts";
import { findTitle, squash } from "./page-title.ts";
import { renderBlocks } from "./render-blocks.ts";

// An HTML page (as government portals serve it) → the report in the canonical text format:
// decode, parse, find the article, read what the page states about it (page-meta.ts), drop the
// page chrome, render paragraphs and tables.

export function htmlToText(bytes: Uint8Array, hints: ExtractHints = {}): DocumentText {
  const name = hints.name ?? "input";
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new ExtractError(`${name}: HTML page of ${bytes.length} bytes is larger than the ${MAX_INPUT_BYTES}-byte limit; save the report itself, not a page bundle`);
  }
  if (!looksLikeText(bytes)) {
    throw new ExtractError(`${name}: does not look like HTML or text (binary data); check the file type, or pass it as PDF/DOC/DOCX if it is one`);
  }
  const warnings: string[] = [];
  const { text: html } = decodeBytes(bytes, hints.contentType);
  const page = parseHtml(html);
  const stats = computeStats(page.body);
  const content = findContent(page.body, stats);
  if (content.how === "density" && content.el === page.body && proseWeight(stats.get(page.body)) > 0) {
    warnings.push(`${name}: no main content element found; the whole page was used`);
  }
  const title = findTitle(page.body, page.title);
  const meta = readPageMeta(page);
  pruneChrome(content.el, stats);
  const blocks = renderBlocks(wrap(content.el), stats);
  if (title && !startsWithTitle(blocks, title.text)) {
    blocks.unshift(title.text);
    meta.addedTitle = title.from;
  }
  if (blocks.length === 0) warnings.push(`${name}: the page has no text`);
  return { format: "html", text: normalizeText(blocks.join("\n\n")), warnings, meta };
}

/** A table chosen as the content element is rendered as a table, not as the walk root. */
function wrap(el: El): El {
  return el.tag === "table" ? { tag: "div", id: "", cls: "", attrs: {}, children: [el], parent: null } : el;
}

/** True when the first few blocks already hold the title (possibly broken over two lines). */
function startsWithTitle(blocks: string[], title: string): boolean {
  const t = squash(title);
  const head = squash(blocks.slice(0, 3).join("").split("\t").join(""));
  return head.startsWith(t) || head.slice(0, t.length + 40).includes(t);
}
