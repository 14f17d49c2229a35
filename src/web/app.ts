import { Hono, type Context } from "hono";
import { chooseCoding } from "./compress.ts";
import { HttpError } from "./http-error.ts";
import type { Db } from "./loaders.ts";
import { PageCache } from "./page-cache.ts";
import { answer, answerOf, sendHtml, sendJson } from "./respond.ts";
import { apiRoutes } from "./routes/api-routes.ts";
import { agencyRoutes } from "./routes/agency-routes.ts";
import { downloadRoutes } from "./routes/download-routes.ts";
import { homeRoutes } from "./routes/home-routes.ts";
import { reportRoutes } from "./routes/report-routes.ts";
import { searchRoutes } from "./routes/search-routes.ts";
import { valuesRoutes } from "./routes/values-routes.ts";
import { errorPage } from "./views/error-view.ts";

// The web application: pages, downloads and the JSON API over a read-only archive handle.
// Every response carries a strict Content-Security-Policy (scripts and styles from this origin
// only, no inline script, nothing framed); errors are a page or {error, detail}, never a stack.

export interface AppOptions {
  db: Db;
  /** Keep rendered pages and API answers in memory, up to this many bytes (0: no cache). */
  cacheBytes?: number;
  /** One line per unexpected failure (default: stderr). */
  log?: (line: string) => void;
}

export const CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:", "font-src 'self'",
  "connect-src 'self'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
].join("; ");

const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": CSP,
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "x-frame-options": "DENY",
  "cross-origin-opener-policy": "same-origin",
};

/** Pages and API answers (not downloads, originals, static files). */
const CACHEABLE = /^\/(?!static\/|captures\/|export\.|healthz)(?!.*\.csv$)/;

/** A database failure the client can wait out: a statement timeout, a lost or refused connection. */
function unavailable(err: unknown): string | null {
  const e = err as { code?: string; message?: string };
  if (e?.code === "57014") return "查询超时：请缩小范围（例如限定年度或地区）后重试";
  if (e?.code === "53300" || e?.code === "57P01" || e?.code === "57P03" || /^08/.test(e?.code ?? "")) return "数据库暂时无法连接，请稍后重试";
  if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE"].includes(e?.code ?? "") || /timeout exceeded when trying to connect|Connection terminated/i.test(e?.message ?? "")) {
    return "数据库暂时无法连接，请稍后重试";
  }
  return null;
}

export function createApp(options: AppOptions): Hono {
  const log = options.log ?? ((line: string) => process.stderr.write(`nianbao serve: ${line}\n`));
  const app = new Hono();
  app.use("*", async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!c.res.headers.has(k)) c.res.headers.set(k, v);
  });
  if (options.cacheBytes) {
    const cache = new PageCache(options.db, { maxBytes: options.cacheBytes });
    app.use("*", async (c, next) => {
      if (c.req.method !== "GET" || !CACHEABLE.test(c.req.path)) return next();
      // As sent: compressed for clients that accept it (most), as it is for the others.
      const key = `${chooseCoding(c.req.header("accept-encoding"))} ${c.req.url}`;
      const stamp = await cache.stamp();
      const hit = cache.get(key, stamp);
      if (hit) return answer(c, hit);
      await next();
      const fresh = c.res.status === 200 ? answerOf(c.res) : undefined;
      if (fresh) cache.set(key, stamp, fresh);
    });
  }
  const deps = { db: options.db, log };
  homeRoutes(app, deps);
  reportRoutes(app, deps);
  agencyRoutes(app, deps);
  valuesRoutes(app, deps);
  searchRoutes(app, deps);
  downloadRoutes(app, deps);
  apiRoutes(app, deps);

  const fail = (c: Context, status: number, message: string, detail?: unknown) =>
    c.req.path.startsWith("/api/")
      ? sendJson(c, { error: message, detail: detail ?? null }, status)
      : sendHtml(c, errorPage(status, message, detail), status);
  app.notFound((c) => fail(c, 404, `没有这个页面：${c.req.path}`));
  app.onError((err, c) => {
    if (err instanceof HttpError) return fail(c, err.status, err.message, err.detail);
    const down = unavailable(err);
    if (down) {
      log(`${c.req.method} ${c.req.path}: ${(err as Error).message}`);
      return fail(c, 503, down);
    }
    log(`${c.req.method} ${c.req.path}: internal error: ${(err as Error)?.message ?? String(err)}`);
    return fail(c, 500, "服务器内部错误，已记录");
  });
  return app;
}

export type Deps = { db: Db; log: (line: string) => void };
