import type { ReportFilter } from "../store/list-reports.ts";
import { badRequest } from "./http-error.ts";
import { isKnownKey } from "./labels.ts";

// Query and path parameters, checked before any query runs: a malformed one is a 400 naming it.
// Lengths and page sizes are capped.

export const MAX_TEXT = 100;
export const MAX_QUERY = 200;
export const MAX_PAGE = 100;

export type Query = URLSearchParams;

function text(q: Query, name: string, max = MAX_TEXT): string | undefined {
  const v = q.get(name);
  if (v === null) return undefined;
  const t = v.normalize("NFC").trim();
  if (Array.from(t).length > max) throw badRequest(`参数 ${name} 过长（最多 ${max} 个字符）`, { parameter: name });
  if (/[\u0000-\u001f]/.test(t)) throw badRequest(`参数 ${name} 含有控制字符`, { parameter: name });
  return t === "" ? undefined : t;
}

export const optionalText = text;

export function year(q: Query, name = "year"): number | undefined {
  const v = text(q, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d{4}$/.test(v) || n < 1990 || n > 2100) throw badRequest(`参数 ${name} 应为 1990 至 2100 之间的年份，而不是“${v}”`, { parameter: name });
  return n;
}

/** A database id (a path segment or a parameter). */
export function id(value: string | undefined, name: string): string {
  if (value === undefined || !/^\d{1,18}$/.test(value)) throw badRequest(`${name} 应为数字编号，而不是“${value ?? ""}”`, { parameter: name });
  return value;
}

export function optionalId(q: Query, name: string): string | undefined {
  const v = text(q, name);
  return v === undefined ? undefined : id(v, name);
}

export function limit(q: Query, fallback = 50): number {
  const v = text(q, "limit");
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < 1 || n > MAX_PAGE) throw badRequest(`参数 limit 应为 1 至 ${MAX_PAGE} 的整数，而不是“${v}”`, { parameter: "limit" });
  return n;
}

export function oneOf<T extends string>(q: Query, name: string, allowed: readonly T[]): T | undefined {
  const v = text(q, name);
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw badRequest(`参数 ${name} 应为 ${allowed.join("、")} 之一，而不是“${v}”`, { parameter: name });
  return v as T;
}

export function cellKey(q: Query, name: string): string | undefined {
  const v = text(q, name);
  if (v === undefined) return undefined;
  if (!isKnownKey(v)) throw badRequest(`参数 ${name}：“${v}”不是表格中的数据项（见 /values 页面的选项）`, { parameter: name });
  return v;
}

/** The report filter of a list: year, region, template, failed_checks (agency is resolved apart). */
export function reportFilter(q: Query): ReportFilter {
  const filter: ReportFilter = { year: year(q), region: text(q, "region"), template: oneOf(q, "template", ["2021", "2019", "none"] as const) };
  const failed = text(q, "failed_checks");
  if (failed === "any" || failed === "true" || failed === "1") filter.failedChecks = true;
  else if (failed !== undefined) {
    if (!/^[a-z_]+(\.[a-z_]+)*$/.test(failed) || failed.length > 60) throw badRequest(`参数 failed_checks 应为 any 或一条校验规则名（如 requests.balance），而不是“${failed}”`, { parameter: "failed_checks" });
    filter.failedCheck = failed;
  }
  return filter;
}

/** A URL's query with some parameters changed (undefined removes one); for links that keep the filter. */
export function withParams(path: string, q: Query, changes: Record<string, string | number | undefined>): string {
  const next = new URLSearchParams(q);
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined || v === "") next.delete(k);
    else next.set(k, String(v));
  }
  const s = next.toString();
  return s ? `${path}?${s}` : path;
}
