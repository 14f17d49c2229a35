import { request } from "node:https";
import { runInNewContext } from "node:vm";

// Small helpers for the fixture portals' own tests: a GET over https that accepts the test
// certificate, the links a plain (script-less) link extractor would see, and a challenge solver
// that runs the challenge page's script in a V8 context (the tests of the crawler use Chromium).

export function httpsGet(url: string): Promise<{ status: number; body: Buffer; headers: Record<string, string | string[] | undefined> }> {
  return new Promise((resolve, reject) => {
    request(url, { rejectUnauthorized: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks), headers: res.headers }));
    }).on("error", reject).end();
  });
}

/** hrefs of <a> elements outside <script> blocks: what a crawler that runs no script finds. */
export function plainLinks(html: string): string[] {
  const outside = html.replace(/<script\b[\s\S]*?<\/script>/gi, "");
  return [...outside.matchAll(/<a\b[^>]*\bhref\s*=\s*["']([^"']+)["']/gi)].map((m) => m[1]);
}

/**
 * Solves a challenge page as a browser would: runs its script with a `document` whose cookie
 * setter is recorded, and returns the Cookie header to send (server cookie from Set-Cookie first).
 */
export function solveChallenge(page: string, setCookie: string | null): string {
  const script = page.match(/<script[^>]*>([\s\S]*?)<\/script>/)?.[1];
  if (!script) throw new Error("no script in the challenge page");
  const set: string[] = [];
  const document = { set cookie(value: string) { set.push(value.split(";")[0]); } };
  runInNewContext(script, { document, location: { reload() {}, pathname: "/", search: "", href: "" }, Math });
  const server = (setCookie ?? "").split(";")[0];
  return [server, ...set].filter(Boolean).join("; ");
}
