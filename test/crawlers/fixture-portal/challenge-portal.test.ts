import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFixturePortals, type FixturePortals } from "./index.ts";
import { solveChallenge } from "./test-helpers.ts";

// The challenge site: plain requests get the 412 (or 521 X-Via-JSL) cookie script; a real
// Chromium runs it and gets through; its cookies work when replayed to plain requests until they
// expire; the block switch keeps everyone out.

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

let browser: Browser;
let portals: FixturePortals;
let host: string;
const url = (path: string) => `http://${host}${path}`;
const COVER = "/zwgk/xxgknb/bm/202401/t20240126_9102.html";

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it with apt-get install -y chromium`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  portals = await startFixturePortals({ sites: ["challenge"] });
  host = portals.sites.challenge.host;
});
afterAll(async () => {
  await browser?.close();
  await portals?.close();
});

/** Solves a challenge in V8 (no browser) and returns the Cookie header that passes it. */
async function solved(path: string, base = url): Promise<string> {
  const res = await fetch(base(path));
  return solveChallenge(await res.text(), res.headers.get("set-cookie"));
}

describe("challenge portal", () => {
  it("answers a plain request 412 with a tiny page whose script computes a cookie", async () => {
    const res = await fetch(url("/"));
    const body = await res.text();
    expect(res.status).toBe(412);
    expect(res.headers.get("set-cookie")).toMatch(/^FSSBBIl1UgzbN7N80S=[0-9a-f]{8}; Path=\/; HttpOnly$/);
    expect(body.length).toBeLessThan(2000);
    expect(body).toContain(`document.cookie = "FSSBBIl1UgzbN7N80T=" + _$h(_$s)`);
    expect(body).not.toMatch(/FSSBBIl1UgzbN7N80T=[0-9a-z]{4,}/);
    expect((await fetch(url("/robots.txt"))).status).toBe(412);
  });

  it("answers 521 with X-Via-JSL under /zwgk/xxgknb/bm/, whose cookies the 412 ones do not replace", async () => {
    const res = await fetch(url(COVER));
    expect([res.status, res.headers.get("x-via-jsl")]).toEqual([521, "5a6b1fb,-"]);
    expect(await res.text()).toContain("__jsl_clearance=");
    const ruishu = await solved("/");
    expect((await fetch(url(COVER), { headers: { cookie: ruishu } })).status).toBe(521);
    expect((await fetch(url(COVER), { headers: { cookie: await solved(COVER) } })).status).toBe(200);
  });

  it("lets a real Chromium through, and its cookies through plain requests; a plain request without them stays out", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    try {
      await page.goto(url("/"));
      await page.waitForSelector("a[href='/zwgk/xxgknb/index.html']", { timeout: 10_000 });
      await page.goto(url(COVER));
      await page.waitForSelector("a[href$='.pdf']", { timeout: 10_000 });
      const cookies = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
      expect(cookies).toMatch(/FSSBBIl1UgzbN7N80T=.*__jsl_clearance=|__jsl_clearance=.*FSSBBIl1UgzbN7N80T=/);
      const list = await fetch(url("/zwgk/xxgknb/index.html"), { headers: { cookie: cookies } });
      expect(list.status).toBe(200);
      expect(await list.text()).toContain("石门县人民政府2023年政府信息公开工作年度报告");
      expect((await fetch(url("/zwgk/xxgknb/index.html"))).status).toBe(412);
    } finally {
      await context.close();
    }
  });

  it("keeps every request out while blocked, solved or not, and lets them in again when unblocked", async () => {
    const cookie = await solved("/");
    portals.mutate.blockChallenge(true);
    try {
      expect((await fetch(url("/"), { headers: { cookie } })).status).toBe(412);
      const context = await browser.newContext();
      const page = await context.newPage();
      // The page reloads itself in a loop: wait for the first answer only, then watch it fail for a while.
      await page.goto(url("/"), { waitUntil: "commit" });
      await page.waitForTimeout(300);
      expect(await page.locator("a[href='/zwgk/xxgknb/index.html']").count()).toBe(0);
      await context.close();
    } finally {
      portals.mutate.blockChallenge(false);
    }
    expect((await fetch(url("/"), { headers: { cookie: await solved("/") } })).status).toBe(200);
  });
});

describe("challenge cookies expire", () => {
  it("after a number of uses", async () => {
    const limited = await startFixturePortals({ sites: ["challenge"], challenge: { maxUses: 2 } });
    const at = (path: string) => `http://${limited.sites.challenge.host}${path}`;
    try {
      const cookie = await solved("/", at);
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await fetch(at("/"), { headers: { cookie } })).status);
      expect(statuses).toEqual([200, 200, 412]);
    } finally {
      await limited.close();
    }
  });

  it("after a time", async () => {
    const short = await startFixturePortals({ sites: ["challenge"], challenge: { ttlMs: 150 } });
    const at = (path: string) => `http://${short.sites.challenge.host}${path}`;
    try {
      const cookie = await solved("/", at);
      expect((await fetch(at("/"), { headers: { cookie } })).status).toBe(200);
      await new Promise((r) => setTimeout(r, 200));
      expect((await fetch(at("/"), { headers: { cookie } })).status).toBe(412);
    } finally {
      await short.close();
    }
  });
});
