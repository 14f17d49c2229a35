import { randomBytes, randomInt } from "node:crypto";
import type { FixtureRequest, Handler, Reply } from "../site-server.ts";
import type { ChallengeOptions } from "../types.ts";

// An anti-bot gate like the provincial WAFs': a request without a valid cookie gets a tiny page
// (412, 瑞数-like; or 521 with X-Via-JSL, 加速乐-like) that sets a server cookie and runs a script
// computing a second cookie, then reloads. The script hashes a string it assembles from a
// split nonce and some arithmetic, so nothing short of running it in a JS engine yields the
// value. Solved cookies expire after a time or a number of uses; a switch keeps the host blocked.

interface Issued { token: string; issued: number; uses: number }

/** FNV-1a over UTF-16 code units, base 36: what the challenge script computes. */
export function challengeHash(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h.toString(36);
}

export interface Flavour {
  status: 412 | 521;
  /** The cookie the server sets, and the one the script computes. */
  serverCookie: string;
  scriptCookie: string;
  headers: Record<string, string>;
  reload: string;
}

export const RUISHU: Flavour = { status: 412, serverCookie: "FSSBBIl1UgzbN7N80S", scriptCookie: "FSSBBIl1UgzbN7N80T", headers: {}, reload: "location.reload();" };
export const JIASULE: Flavour = { status: 521, serverCookie: "__jsluid_h", scriptCookie: "__jsl_clearance", headers: { "x-via-jsl": "5a6b1fb,-" }, reload: "location.href = location.pathname + location.search;" };

function challengePage(f: Flavour, nonce: string, a: number, b: number, c: number): string {
  const script = `(function () {
  var _$k = ["${nonce.slice(4)}", "${nonce.slice(0, 4)}"];
  var _$m = function (x) { return (x * ${a} + ${b}) % 9973; };
  function _$h(s) { var h = 2166136261; for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 16777619) >>> 0; } return h.toString(36); }
  var _$s = _$k[1] + _$k[0] + "." + _$m(${c});
  document.cookie = "${f.scriptCookie}=" + _$h(_$s) + "; path=/";
  ${f.reload}
})();`;
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><meta http-equiv="Pragma" content="no-cache"><meta id="${randomBytes(4).toString("hex")}" content="${randomBytes(24).toString("base64")}"><script type="text/javascript">${script}</script></head><body></body></html>`;
}

/** A gate for FixtureSite.gate: which flavour guards a path, and the options (read at every request, so they can change). */
export function challengeGate(flavourOf: (req: FixtureRequest) => Flavour, options: () => ChallengeOptions): Handler {
  const issued = new Map<string, Issued>();
  return (req) => {
    const f = flavourOf(req);
    const o = options();
    const nonce = req.cookies[f.serverCookie];
    const known = nonce ? issued.get(`${f.serverCookie}=${nonce}`) : undefined;
    const fresh = known && Date.now() - known.issued < (o.ttlMs ?? 600_000) && known.uses < (o.maxUses ?? Infinity);
    if (!o.blocked && fresh && req.cookies[f.scriptCookie] === known.token) {
      known.uses++;
      return undefined;
    }
    const next = randomBytes(4).toString("hex");
    const a = randomInt(3, 97), b = randomInt(100, 9000), c = randomInt(1000, 99999);
    issued.set(`${f.serverCookie}=${next}`, { token: challengeHash(`${next}.${(c * a + b) % 9973}`), issued: Date.now(), uses: 0 });
    const reply: Reply = {
      status: f.status, contentType: "text/html; charset=utf-8", body: challengePage(f, next, a, b, c),
      headers: { ...f.headers, "set-cookie": `${f.serverCookie}=${next}; Path=/; HttpOnly`, "cache-control": "no-cache, no-store" },
    };
    return reply;
  };
}
