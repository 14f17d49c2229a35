import type { ReportKey } from "../store/list-reports.ts";
import type { SearchCursor } from "../store/search-reports.ts";
import { badRequest } from "./http-error.ts";

// Opaque keyset cursors: where the next page starts, as base64url JSON. A cursor that does not
// decode to the expected shape is a 400, never a query.

const encode = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");

function decode(text: string): unknown {
  if (text.length > 600 || !/^[A-Za-z0-9_-]+$/.test(text)) throw badRequest("参数 cursor 无效（请使用上一页返回的 next_cursor）", { parameter: "cursor" });
  try {
    return JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    throw badRequest("参数 cursor 无效（请使用上一页返回的 next_cursor）", { parameter: "cursor" });
  }
}

const isId = (v: unknown): v is string => typeof v === "string" && /^\d{1,18}$/.test(v);
const isYear = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1990 && (v as number) <= 2100;

export const encodeReportKey = (k: ReportKey | null) => (k ? encode(["r", k.agency, k.year, k.id]) : null);

export function decodeReportKey(text: string | undefined): ReportKey | undefined {
  if (text === undefined || text === "") return undefined;
  const v = decode(text);
  if (Array.isArray(v) && v[0] === "r" && typeof v[1] === "string" && isYear(v[2]) && isId(v[3])) return { agency: v[1], year: v[2], id: v[3] };
  throw badRequest("参数 cursor 无效（请使用上一页返回的 next_cursor）", { parameter: "cursor" });
}

export const encodeSearchCursor = (c: SearchCursor | null) => (c ? encode(["s", c.mode, c.rank, c.year, c.id]) : null);

export function decodeSearchCursor(text: string | undefined): SearchCursor | undefined {
  if (text === undefined || text === "") return undefined;
  const v = decode(text);
  if (Array.isArray(v) && v[0] === "s" && ["phrase", "any", "substring"].includes(v[1]) && typeof v[2] === "number" && Number.isFinite(v[2]) && isYear(v[3]) && isId(v[4])) {
    return { mode: v[1], rank: v[2], year: v[3], id: v[4] };
  }
  throw badRequest("参数 cursor 无效（请使用上一页返回的 next_cursor）", { parameter: "cursor" });
}
