import iconv from "iconv-lite";

// URL hygiene for the crawler. `resolveUrl` turns an href as a page writes it into an absolute
// http(s) URL: tabs and newlines dropped (as browsers do), fragments dropped, query strings kept,
// and — as browsers do — non-ASCII characters in the query encoded in the page's own encoding
// (a GBK page's `?filename=年报.pdf` is sent as GBK bytes; the path is always UTF-8).
//
// `canonicalKey` names one document across its twins, so that one report is one report. It
// collapses, and only collapses:
//   - http and https (the key has no scheme) and default ports;
//   - the host prefixes `www.`, `m.` and `wap.` (`m.x.gov.cn/a` = `www.x.gov.cn/a` = `x.gov.cn/a`);
//   - a leading `/wap/` path segment and a `_wap` suffix before the extension (`t2024_1_wap.html`);
//   - gkmlpt's mobile article twin `mpost_{id}.html` = `post_{id}.html`;
//   - a trailing `index.html|htm|shtml|jsp|asp|aspx|php` or `default.*` (`/col/` = `/col/index.html`);
//   - the query parameter `isMobile` (any value), keeping every other parameter in its order;
//   - percent-escape case (`%e5` = `%E5`) and escaped unreserved characters (`%41` = `A`).
// The host is lower-cased; the path keeps its case; the fragment is dropped.

const SKIP_SCHEMES = /^(?:javascript|mailto|tel|sms|data|about|file|ftp|vbscript|blob|weixin|wtai):/i;

/** An absolute http(s) URL for an href found on a page, or undefined for anything else. */
export function resolveUrl(href: string | undefined, base: string, encoding = "utf-8"): string | undefined {
  if (!href) return undefined;
  let h = href.replace(/[\t\n\r]/g, "").trim();
  if (!h || h.startsWith("#") || SKIP_SCHEMES.test(h)) return undefined;
  if (/[^\x00-\x7f]/.test(h) && !isUtf8Label(encoding)) h = encodeQuery(h, encoding);
  let u: URL;
  try {
    u = new URL(h, base);
  } catch {
    return undefined;
  }
  if (u.protocol !== "http:" && u.protocol !== "https:") return undefined;
  if (!u.hostname) return undefined;
  u.hash = "";
  return u.href;
}

/** The key under which twins of one document collapse (see the header for exactly what collapses). */
export function canonicalKey(url: string): string {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  const host = u.hostname.toLowerCase().replace(/^(?:www|m|wap)\./, "") + (u.port ? `:${u.port}` : "");
  let path = normalizePercent(u.pathname);
  path = path.replace(/^\/wap(?=\/)/i, "");
  path = path.replace(/_wap(\.[a-z0-9]+)$/i, "$1");
  path = path.replace(/\/mpost_(\d+\.html)$/i, "/post_$1");
  path = path.replace(/\/(?:index|default)\.(?:s?html?|jsp|aspx?|php)$/i, "/");
  const query = u.search
    .slice(1)
    .split("&")
    .filter((p) => p !== "" && !/^ismobile(?:=|$)/i.test(p))
    .map(normalizePercent)
    .join("&");
  return host + path + (query ? `?${query}` : "");
}

const UNRESERVED = /[A-Za-z0-9\-._~]/;

function normalizePercent(s: string): string {
  return s.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const ch = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(ch) ? ch : `%${hex.toUpperCase()}`;
  });
}

function isUtf8Label(encoding: string): boolean {
  return /^utf-?8$/i.test(encoding) || /^utf-16/i.test(encoding);
}

/** Percent-encodes the non-ASCII characters of the query part of `href` in `encoding`. */
function encodeQuery(href: string, encoding: string): string {
  const q = href.indexOf("?");
  if (q < 0) return href;
  const hash = href.indexOf("#", q);
  const end = hash < 0 ? href.length : hash;
  const query = href.slice(q, end).replace(/[^\x00-\x7f]+/g, (run) => {
    let bytes: Buffer;
    try {
      bytes = iconv.encode(run, encoding);
    } catch {
      return run;
    }
    return [...bytes].map((b) => `%${b.toString(16).toUpperCase().padStart(2, "0")}`).join("");
  });
  return href.slice(0, q) + query + href.slice(end);
}
