// Numbers, dates and links as the pages show them: dates in Asia/Shanghai (the users' time),
// numbers as the report forms print them (no separators), links to the outside only http(s).

const DATE_TIME = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hour12: false,
});
const DATE = new Intl.DateTimeFormat("zh-CN", { timeZone: "Asia/Shanghai", year: "numeric", month: "2-digit", day: "2-digit" });

const parts = (f: Intl.DateTimeFormat, d: Date) => Object.fromEntries(f.formatToParts(d).map((p) => [p.type, p.value]));

/** 2024-03-01 08:00 (Asia/Shanghai). */
export function formatDateTime(d: Date | null | undefined): string {
  if (!d) return "";
  const p = parts(DATE_TIME, d);
  return `${p.year}-${p.month}-${p.day} ${p.hour === "24" ? "00" : p.hour}:${p.minute}`;
}

/** 2024-03-01 (Asia/Shanghai). */
export function formatDate(d: Date | null | undefined): string {
  if (!d) return "";
  const p = parts(DATE, d);
  return `${p.year}-${p.month}-${p.day}`;
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
