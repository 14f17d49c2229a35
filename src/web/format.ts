// Numbers, dates and links as the pages show them: dates in Asia/Shanghai (the users' time),
// numbers as the report forms print them (no separators), links to the outside only http(s).

// Asia/Shanghai is UTC+8 all year (no daylight saving since 1991, before any report online):
// shifting by eight hours and reading the UTC fields gives its wall-clock time exactly, far
// faster than Intl's time-zone formatting (the report pages show a date per capture).
const SHANGHAI_MS = 8 * 3600 * 1000;
const shanghai = (d: Date) => new Date(d.getTime() + SHANGHAI_MS).toISOString();

/** 2024-03-01 08:00 (Asia/Shanghai). */
export function formatDateTime(d: Date | null | undefined): string {
  if (!d) return "";
  const s = shanghai(d);
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}

/** 2024-03-01 (Asia/Shanghai). */
export function formatDate(d: Date | null | undefined): string {
  return d ? shanghai(d).slice(0, 10) : "";
}

export const formatNumber = (n: number | null | undefined) => (n === null || n === undefined ? "" : String(n));
export const formatDelta = (n: number | null | undefined) => (n === null || n === undefined ? "" : n > 0 ? `+${n}` : String(n));
export const formatRatio = (n: number | null | undefined, digits = 1) => (n === null || n === undefined || !Number.isFinite(n) ? "" : n.toFixed(digits));

/** The URL if it is an absolute http(s) URL (then safe to link to), else null: never javascript:, data:, … */
export function externalHref(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === "http:" || u.protocol === "https:" ? u.href : null;
  } catch {
    return null;
  }
}
