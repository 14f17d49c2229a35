import type { Page } from "./page.ts";

// Anti-bot challenge pages (per province, not per CMS): a small page whose script computes a
// cookie and reloads — 瑞数-class answers (412, `$_ts`, a <meta id> carrying the seed), 加速乐
// (521, `__jsl_clearance`), and 200 pages that only set document.cookie and reload. They are
// neither content nor failures: a real browser passes them (the crawler's business); discovery
// only says so, so that such a page is not read as an empty list or a soft 404.

const MARKERS: Array<[RegExp, string]> = [
  [/\$_ts\s*=|\$_ts\.(?:nsd|cd)\b|\$_ts\[/, "瑞数-class script challenge ($_ts)"],
  [/jsl_clearance/, "加速乐 script challenge (__jsl_clearance)"], // the name is often assembled: ('_')+('_')+('jsl_clearance')
  [/\bacw_sc__v2\b|\barg1\s*=\s*['"][0-9A-F]{20,}/, "Aliyun WAF script challenge (acw_sc__v2)"],
  [/safeline_bot_challenge|leading_zero_bit/, "SafeLine script challenge"],
];
const SMALL_TEXT = 300;

export function challengeReason(page: Page): string | undefined {
  return challengeSigns(page.input.status ?? 200, page.scriptText, page.visibleText().length, page.$("a[href]").length);
}

/**
 * The signs themselves, from a page's script text, the length of its visible text and its link
 * count: shared with the fetch edge, which checks every answer before anything parses it.
 */
export function challengeSigns(status: number, scriptText: string, visibleLength: number, anchors: number): string | undefined {
  const small = visibleLength <= SMALL_TEXT;
  for (const [re, reason] of MARKERS) if (re.test(scriptText) && (small || status >= 400)) return `${reason}${status !== 200 ? `, status ${status}` : ""}`;
  if (!small || anchors > 3) return undefined;
  const setsCookie = /document\.cookie\s*=/.test(scriptText);
  const reloads = /location(?:\.href)?\s*=|location\.(?:reload|replace|assign)\s*\(/.test(scriptText);
  if (setsCookie && reloads) return `a small page whose script sets a cookie and reloads${status !== 200 ? ` (status ${status})` : ""}`;
  if ((status === 412 || status === 521) && scriptText.trim().length > 0) return `status ${status} with a small script page`;
  return undefined;
}
