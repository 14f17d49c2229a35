import { challengeSigns } from "../discovery/challenge.ts";
import type { HeaderList } from "../warc/types.ts";
import { header } from "./http-exchange.ts";

// Is this answer a script challenge rather than content or an error? Whole provincial site groups
// answer 412 (瑞数-class: a small page whose script computes a cookie and reloads) or 521 with an
// X-Via-JSL header (加速乐); others answer 403 or even 200 with such a page. The edge checks every
// answer before anything parses it: a cheap look at the bytes (scripts, visible text, links),
// judged by the same signs discovery uses (discovery/challenge.ts).

const MAX_CHALLENGE_BYTES = 64 * 1024;

/** Why this answer is a challenge page, or undefined. */
export function detectChallenge(status: number, list: HeaderList, body: Uint8Array): string | undefined {
  if (status === 521 && header(list, "x-via-jsl")) return "521 with X-Via-JSL (加速乐 challenge)";
  if (![200, 202, 403, 412, 429, 503, 521].includes(status) || body.length > MAX_CHALLENGE_BYTES) return undefined;
  const text = Buffer.from(body).toString("latin1");
  if (!/<script/i.test(text)) return undefined;
  const scripts = [...text.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]).join("\n");
  const visible = Buffer.from(text.replace(/<script[\s\S]*?<\/script>|<style[\s\S]*?<\/style>|<[^>]+>|&nbsp;/gi, "").replace(/\s+/g, ""), "latin1").toString("utf8").length;
  const anchors = (text.match(/<a\s[^>]*href=/gi) ?? []).length;
  const reason = challengeSigns(status, scripts, visible, anchors);
  return reason && `${status} script challenge: ${reason}`;
}
