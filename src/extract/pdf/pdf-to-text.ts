import type { PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { DocumentText, ExtractHints } from "../document-text.ts";
import { ExtractError } from "../extract-error.ts";
import { MAX_PDF_PAGES, PDF_TIME_BUDGET_MS } from "../limits.ts";
import { normalizeText } from "../normalize-text.ts";
import { assemble } from "./assemble.ts";
import { continueTables } from "./continue-tables.ts";
import { cMapUrl, loadPdfJs } from "./load-pdfjs.ts";
import { dropFurniture } from "./page-furniture.ts";
import { pageLayout } from "./page-layout.ts";
import { readRulings, readText } from "./read-page.ts";
import { mayHoldTable } from "./table-signal.ts";
import type { PageLayout } from "./types.ts";

// PDF → canonical text: reads every page's text runs with pdf.js, and its ruling lines where
// the text could be a table (mayHoldTable), rebuilds paragraphs and tables page by page, drops
// page furniture, and joins what page breaks split (a borderless table's rows carried over to
// the next page read in its columns first). Only the small per-page layouts are kept
// from page to page; pdf.js's own caches are emptied as fonts accumulate.

/**
 * Fonts loaded between two document-wide cleanups of pdf.js caches. pdf.js keeps every parsed
 * font (and its glyph outlines) until a cleanup, and parses it again after one: a long report
 * reuses a handful of fonts on every page, so a cleanup by page count would re-parse them over
 * and over (2–3× slower), while a document that embeds new fonts page after page is bounded.
 */
export const FONTS_BETWEEN_CLEANUPS = 16;

export const NO_TEXT_LAYER = "PDF has no text layer (scanned image?); OCR is not supported";

function hasBytes(bytes: Uint8Array, text: string, from: number, to: number): number {
  const needle = [...text].map((c) => c.charCodeAt(0));
  for (let i = Math.max(0, to - needle.length); i >= from; i--) {
    let k = 0;
    while (k < needle.length && bytes[i + k] === needle[k]) k++;
    if (k === needle.length) return i;
  }
  return -1;
}

/** Rejects what is plainly not a whole PDF before pdf.js tries to repair it. */
function checkShape(bytes: Uint8Array, name: string): void {
  if (hasBytes(bytes, "%PDF-", 0, Math.min(bytes.length, 1024)) < 0) {
    throw new ExtractError(`${name} is not a PDF (no %PDF- header); check the file or its download.`);
  }
  if (hasBytes(bytes, "%%EOF", 0, bytes.length) < 0) {
    throw new ExtractError(`${name} is truncated or corrupt (no %%EOF end marker); download the PDF again.`);
  }
}

function withDeadline<T>(work: Promise<T>, deadline: number, name: string): Promise<T> {
  const left = deadline - Date.now();
  if (left <= 0) return Promise.reject(overBudget(name));
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(overBudget(name)), left); });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const overBudget = (name: string) =>
  new ExtractError(`${name} took longer than ${PDF_TIME_BUDGET_MS / 1000} s to read (the time budget for one PDF); the file may be damaged or unusually complex.`);

async function openDocument(bytes: Uint8Array, name: string, deadline: number): Promise<PDFDocumentProxy> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument({
    // pdf.js takes over (detaches) the buffer it is given, and refuses Buffers: hand it a plain
    // Uint8Array copy. pdf.js 6 has no `isEvalSupported` option: it no longer evals font code.
    data: new Uint8Array(bytes),
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    cMapUrl: cMapUrl(),
    cMapPacked: true,
    // Images are never read: leave them out of operator lists instead of decoding them.
    maxImageSize: 0,
  });
  try {
    return await withDeadline(task.promise, deadline, name);
  } catch (err) {
    void task.destroy();
    if (err instanceof ExtractError) throw err;
    const kind = (err as { name?: string }).name;
    if (kind === "PasswordException") throw new ExtractError(`${name} is password-protected (encrypted); save an unprotected copy and extract that.`);
    const detail = err instanceof Error ? err.message : String(err);
    throw new ExtractError(`${name} is corrupt or not a readable PDF (${detail}); download the PDF again.`);
  }
}

export async function pdfToText(bytes: Uint8Array, hints?: ExtractHints): Promise<DocumentText> {
  const name = hints?.name ?? "the PDF";
  const deadline = Date.now() + PDF_TIME_BUDGET_MS;
  checkShape(bytes, name);
  const pdfjs = await loadPdfJs();
  const doc = await openDocument(bytes, name, deadline);
  const warnings: string[] = [];
  const pages: PageLayout[] = [];
  let runs = 0;
  try {
    const count = Math.min(doc.numPages, MAX_PDF_PAGES);
    if (doc.numPages > MAX_PDF_PAGES) warnings.push(`PDF has ${doc.numPages} pages; only the first ${MAX_PDF_PAGES} were read`);
    let fonts = new Set<string>();
    for (let n = 1; n <= count; n++) {
      const page = await withDeadline(doc.getPage(n), deadline, name);
      try {
        const text = await withDeadline(readText(page), deadline, name);
        const segments = mayHoldTable(text.runs) ? await withDeadline(readRulings(page, pdfjs), deadline, name) : [];
        runs += text.runs.length;
        pages.push(pageLayout(text.width, text.height, text.runs, segments));
        for (const f of text.fonts) fonts.add(f);
      } catch (err) {
        if (err instanceof ExtractError) throw err;
        const detail = err instanceof Error ? err.message : String(err);
        throw new ExtractError(`${name}: page ${n} is corrupt (${detail}); download the PDF again.`);
      } finally {
        page.cleanup();
      }
      if (fonts.size > FONTS_BETWEEN_CLEANUPS) {
        await doc.cleanup();
        fonts = new Set();
      }
    }
  } finally {
    await doc.loadingTask.destroy();
  }
  if (runs === 0) return { format: "pdf", text: "", warnings: [...warnings, NO_TEXT_LAYER], pages: doc.numPages };
  dropFurniture(pages);
  continueTables(pages);
  return { format: "pdf", text: normalizeText(assemble(pages)), warnings, pages: doc.numPages };
}
