// HTML built by tagged templates that escape by default: every interpolated value is text
// (escaped for element content and quoted attribute values alike) unless it is already Html —
// made by this template or, for the rare trusted literal, by trusted(). Arrays are joined;
// null, undefined and false render as nothing. Report text, titles and URLs from the open web
// can only ever reach a page as text.

export class Html {
  readonly value: string;
  constructor(value: string) {
    this.value = value;
  }
  toString(): string {
    return this.value;
  }
}

export type HtmlValue = Html | string | number | bigint | boolean | null | undefined | readonly HtmlValue[];

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;" };

/** Text as HTML: & < > " ' ` escaped (safe in element content and in quoted attributes). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`]/g, (c) => ESCAPES[c]);
}

function render(value: HtmlValue): string {
  if (value instanceof Html) return value.value;
  if (value === null || value === undefined || value === false || value === true) return "";
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return new Html(out);
}

/** Markup written in this code base (never data): e.g. a static SVG path. */
export const trusted = (markup: string) => new Html(markup);

/** Joins items with a separator (itself HTML). */
export function joinHtml(items: readonly HtmlValue[], separator: Html = html``): Html {
  return new Html(items.map(render).join(separator.value));
}
