import { detectFormat } from "../extract/detect-format.ts";
import type { CaptureOriginal } from "../store/capture-original.ts";
import { attachment } from "./respond.ts";

// How an archived original is served: its type from its own bytes (what the extractors saw),
// else the type it was served with when that is one of the document types, and a file name
// from its URL, always as an attachment (downloaded, never shown as a page of this site).

const BY_FORMAT: Record<string, [string, string]> = {
  pdf: ["application/pdf", "pdf"],
  docx: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"],
  doc: ["application/msword", "doc"],
  html: ["text/html", "html"],
  text: ["text/plain", "txt"],
  rtf: ["application/rtf", "rtf"],
};

function format(c: CaptureOriginal): [string, string] {
  const f = detectFormat(c.bytes);
  if (BY_FORMAT[f]) {
    // Text and HTML keep the charset they were served with, when they gave one (GBK pages).
    const charset = /charset=([\w-]{1,40})/i.exec(c.contentType ?? "")?.[1];
    const [type, ext] = BY_FORMAT[f];
    return [charset && type.startsWith("text/") ? `${type}; charset=${charset}` : type, ext];
  }
  return ["application/octet-stream", "bin"];
}

export const originalType = (c: CaptureOriginal) => format(c)[0];

export function originalName(c: CaptureOriginal): string {
  const [, ext] = format(c);
  let base = "";
  try {
    base = decodeURIComponent(new URL(c.finalUrl ?? c.url).pathname.split("/").pop() ?? "");
  } catch { /* not a URL */ }
  base = base.replace(/[\u0000-\u001f/\\]/g, "_").slice(0, 120);
  if (!base || base.startsWith(".")) base = `capture-${c.id}.${ext}`;
  else if (!/\.[A-Za-z0-9]{1,5}$/.test(base)) base = `${base}.${ext}`;
  return attachment(base);
}
