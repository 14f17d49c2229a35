import type { Page } from "./page.ts";
import { clean, decodeEntities } from "./text.ts";

// Links that exist only once a script runs: HTML written into the page from string literals
// (`var att = '<a href="./P0….pdf">…</a>'`, `$("#att").html('…')`, `document.write("…")`) and
// bare document paths in string literals (`var file = "./P020240130….pdf"`). Links whose href
// is assembled at run time (`'<a href="' + url + '">'`) cannot be read and are left out.

export interface ScriptAnchor {
  href: string;
  name?: string;
}

/** Bounded, so that a script full of `<a` and no `</a>` stays linear. */
const ANCHOR = /<a\b([^>]{0,1000})>([\s\S]{0,2000}?)<\/a\s*>/gi;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
const TITLE = /\btitle\s*=\s*(?:"([^"]*)"|'([^']*)')/i;
const DOC_STRING = /(["'])((?:https?:\/\/|\.{0,2}\/)?[^"'\s<>+()]*?\.(?:pdf|docx?|wps|ofd|rtf|xlsx?))\1/gi;

/** Script source with JS string escapes that hide markup undone (\" \' \/ \x3c \u003c). */
function unescapeScript(s: string): string {
  return s
    .replace(/\\u003c/gi, "<")
    .replace(/\\u003e/gi, ">")
    .replace(/\\x3c/gi, "<")
    .replace(/\\x3e/gi, ">")
    .replace(/\\u0026/gi, "&")
    .replace(/\\(["'/])/g, "$1");
}

/** Anchors written by the page's scripts, with literal hrefs only. */
export function scriptAnchors(page: Page): ScriptAnchor[] {
  const out: ScriptAnchor[] = [];
  for (const script of page.scripts) {
    if (!/<a\b|\\x3ca|\\u003ca/i.test(script)) continue;
    const src = unescapeScript(script);
    for (const m of src.matchAll(ANCHOR)) {
      const h = HREF.exec(m[1]);
      const href = h ? (h[1] ?? h[2] ?? h[3]) : undefined;
      if (!href || /["'+\s]|\$\{/.test(href.trim())) continue; // assembled at run time
      const t = TITLE.exec(m[1]);
      const text = clean(decodeEntities(m[2].replace(/<[^>]*>/g, "")));
      const title = t ? clean(decodeEntities(t[1] ?? t[2] ?? "")) : "";
      out.push({ href: decodeEntities(href.trim()), name: title || text || undefined });
    }
  }
  return out;
}

/** Document paths in script string literals (`"./P020240130….pdf"`). */
export function scriptDocumentPaths(page: Page): string[] {
  const out: string[] = [];
  for (const script of page.scripts) {
    for (const m of unescapeScript(script).matchAll(DOC_STRING)) out.push(m[2]);
  }
  return out;
}
