import type { DocumentText, ExtractHints } from "../document-text.ts";
import { ExtractError } from "../extract-error.ts";
import { MAX_INPUT_BYTES } from "../limits.ts";
import { normalizeText } from "../normalize-text.ts";
import { decodeBytes } from "../decode/decode-bytes.ts";
import { looksLikeText } from "../decode/looks-like-text.ts";
import { stripMarkdown } from "./markdown-markers.ts";

// Plain text and markdown → the canonical text format: decode, drop markdown markers (headings,
// bold, table rule rows), turn pipe tables into tab rows, normalize. Tab-separated rows are
// kept as they are: they already are the canonical table form.

export function textToText(bytes: Uint8Array, hints: ExtractHints = {}): DocumentText {
  const name = hints.name ?? "input";
  if (bytes.length > MAX_INPUT_BYTES) {
    throw new ExtractError(`${name}: text file of ${bytes.length} bytes is larger than the ${MAX_INPUT_BYTES}-byte limit; split it or check that it is a report`);
  }
  if (!looksLikeText(bytes)) {
    throw new ExtractError(`${name}: does not look like HTML or text (binary data); check the file type, or pass it as PDF/DOC/DOCX if it is one`);
  }
  const { text } = decodeBytes(bytes, hints.contentType);
  return { format: "text", text: normalizeText(stripMarkdown(text.replace(/\r\n?/g, "\n"))), warnings: [] };
}
