// URL shapes for navigation: the 年报 column (zfxxgknb, xxgknb, gknb, /nb/, ndbg, Anhui's
// spage.xp?…frame=nb), the 信息公开 area (zwgk, xxgk, zfxxgk, gkmlpt …, an xxgk.* host), year
// sub-columns (gknb2022/, 2022n/, 2022nb/, nb_2022n/, xz/2022/) and the links never followed
// (login, search, RSS, feeds, print, share).

const COLUMN_SEGMENT = /^(?:zfxxgknb|xxgknb|gknb|zwgknb|zfgknb|xxgkndbg|zfxxgkndbg|ndbg|gkndbg|nb|zfnb|gknb_?\d{4}n?b?|nb_?\d{4}n?b?|\d{4}nb)$/i;
const AREA_SEGMENT = /^(?:zwgk|xxgk|zfxxgk|zfxxgkml|xxgkml|gkml|zwgkml|zfgk|zwgkzl|xxgkzl|govinfo|gkmlpt|zdlyxxgk|public)$/i;
const UTILITY = /\/(?:login|logout|register|sso|search|so|jsearch|s\.jsp|rss|feed|subscribe|print|share|wza|accessibility|sitemap)(?:[/._?]|$)|[?&](?:keyword|q|searchword)=|\.(?:xml|rss|css|js|png|jpe?g|gif|ico|svg|mp4|mp3|zip|rar)(?:[?#]|$)/i;

function parts(url: string): { host: string; segments: string[]; query: string } | undefined {
  try {
    const u = new URL(url);
    return { host: u.hostname.toLowerCase(), segments: u.pathname.split("/").filter(Boolean), query: u.search };
  } catch {
    return undefined;
  }
}

/** 60 when the URL has a 年报 column's shape, else 0. */
export function columnUrlScore(url: string): number {
  const p = parts(url);
  if (!p) return 0;
  if (p.segments.some((s) => COLUMN_SEGMENT.test(s.replace(/\.(?:s?html?|jsp|aspx?)$/i, "")))) return 60;
  if (/[?&]frame=nb(?:&|$)/i.test(p.query)) return 60; // Anhui spage.xp?doAction=…&frame=nb
  return 0;
}

/** 20–25 when the URL has the 信息公开 area's shape (path segment or an xxgk.* host), else 0. */
export function areaUrlScore(url: string, label: string): number {
  const p = parts(url);
  if (!p || label.length > 16) return 0;
  // The area's entry itself (`/zwgk/`, `/xxgk/index.html`, an xxgk.* host's root), not any page under it.
  const dirs = /\.[a-z]{2,5}$/i.test(p.segments.at(-1) ?? "") && /^(?:index|default)\./i.test(p.segments.at(-1) ?? "") ? p.segments.slice(0, -1) : p.segments;
  if (/^(?:xxgk|zwgk|gk|gkml|zfxxgk)\./.test(p.host) && dirs.length === 0) return 25;
  if (/(?:^|\/)gkmlpt\/index$/.test(p.segments.join("/"))) return 25; // Guangdong's catalogue application
  if (dirs.length >= 1 && dirs.length <= 3 && AREA_SEGMENT.test(dirs.at(-1)!)) return 20;
  return 0;
}

/** The year a sub-column's URL names (gknb2022/, 2022n/, 2022nb/, nb_2022n/, xz/2022/), if any. */
export function yearFromColumnUrl(url: string): number | undefined {
  const p = parts(url);
  if (!p) return undefined;
  const dirs = p.segments.filter((s, i) => i < p.segments.length - 1 || !/\.[a-z]{2,5}$/i.test(s));
  for (const s of dirs.reverse()) {
    const m = /^(?:(?:zfxx|xx)?gknb|nb|nd)?_?((?:19|20)\d{2})(?:n|nb|nd|nian)?$/i.exec(s);
    if (m) return Number(m[1]);
  }
  return undefined;
}

/** Links never followed: login, search, RSS, static assets, print and share endpoints. */
export function isUtilityUrl(url: string): boolean {
  return UTILITY.test(url);
}

/** True when `url` is another page of the list at `pageUrl` (index_3.html beside index.html, ?page=3). */
export function isPagerUrl(url: string, pageUrl: string): boolean {
  const a = parts(url);
  const b = parts(pageUrl);
  if (!a || !b || a.host !== b.host) return false;
  const dirA = a.segments.slice(0, -1).join("/");
  const dirB = b.segments.slice(0, -1).join("/");
  const file = a.segments.at(-1) ?? "";
  if (dirA === dirB && /^(?:index|default|list)_\d+\.\w+$/i.test(file)) return true;
  return /[?&](?:page|pageNo|pageIndex|cur_page|curpage|pagenum|p)=\d+/i.test(a.query) && a.segments.join("/") === b.segments.join("/");
}
