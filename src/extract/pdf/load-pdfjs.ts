import { fileURLToPath } from "node:url";

// Loads pdf.js (the legacy build, which runs in Node without a DOM) once, with its worker
// code running in this thread: pdf.js picks up `globalThis.pdfjsWorker` instead of starting a
// worker from a separate file.

type PdfJs = typeof import("pdfjs-dist/legacy/build/pdf.mjs");

let loading: Promise<PdfJs> | null = null;

const WORKER = "pdfjs-dist/legacy/build/pdf.worker.mjs";

export function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= await import(WORKER);
    return await import("pdfjs-dist/legacy/build/pdf.mjs");
  })();
  return loading;
}

/** Where pdf.js finds the predefined CJK CMaps it ships (read only for fonts that need them). */
export function cMapUrl(): string {
  return fileURLToPath(new URL("./cmaps/", import.meta.resolve("pdfjs-dist/package.json"))) + "/";
}
