import type { HeaderList } from "../warc/types.ts";
import { header, headers } from "./http-exchange.ts";

// Is this answer a script challenge rather than content or an error? Whole provincial site groups
// answer 412 (瑞数-class: a small page whose script computes a cookie and reloads) or 521 with an
// X-Via-JSL header (加速乐); others answer 403 or even 200 with such a page. The signs: a small
// HTML body made mostly of script, that sets a cookie or reloads, often with Set-Cookie. A real
// browser passes these; a plain client never does.

const SCRIPT_SIGNS = /document\.cookie|location\.(?:reload|replace|href)|window\.location|\$_ts|setTimeout\s*\(|eval\s*\(|atob\s*\(|String\.fromCharCode/;

/** Why this answer is a challenge page, or undefined. */
export function detectChallenge(status: number, list: HeaderList, body: Uint8Array): string | undefined {
  if (status === 521 && header(list, "x-via-jsl")) return "521 with X-Via-JSL (加速乐 challenge)";
  if (![200, 202, 403, 412, 429, 503, 521].includes(status)) return undefined;
  if (body.length > 64 * 1024) return undefined;
  const text = Buffer.from(body).toString("latin1");
  if (!/<script/i.test(text) || !SCRIPT_SIGNS.test(text)) return undefined;
  const scripts = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/gi)].reduce((n, m) => n + m[1].length, 0);
  const visible = text.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>|&nbsp;|\s+/gi, "").length;
  const setsCookie = headers(list, "set-cookie").length > 0 || /document\.cookie/.test(text);
  // Mostly script, little to read: a challenge. A 200 page needs stronger signs (it may be a real page with scripts).
  if (visible > 400 || scripts < visible) return undefined;
  const obfuscated = /_0x[0-9a-f]|\\x[0-9a-f]{2}|eval\s*\(|atob\s*\(/i.test(text);
  if (status === 200 && !((setsCookie || obfuscated) && /reload|location/.test(text))) return undefined;
  return `${status} script challenge page (${body.length} bytes${setsCookie ? ", sets a cookie" : ""})`;
}
