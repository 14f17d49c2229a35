import { existsSync, mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HOSTILE_AGENCY } from "./support/hostile-reports.ts";
import { AGENCY, webArchive, type WebArchive } from "./support/web-archive.ts";

// In a real browser (Debian's Chromium, driven by playwright-core): home → search → report →
// agency across years → diff, as a reader would click through, asserting what is visible, no
// console errors, no failed requests, no dialog (the hostile report's markup stays text),
// keyboard navigation (the skip link first), page titles, and header cells in every table.
// A screenshot of each page is saved under test-output/web/. Chromium must be installed
// (.ci/run installs it): without it this test fails, it does not skip.

const CHROMIUM = "/usr/bin/chromium";
const OUT = resolve(import.meta.dirname, "../../test-output/web");
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

let w: WebArchive;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install it (apt-get install -y chromium; .ci/run does)`);
  mkdirSync(OUT, { recursive: true });
  w = await webArchive();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  page = await browser.newPage({ viewport: { width: 1200, height: 900 }, locale: "zh-CN" });
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`); });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  page.on("response", (r) => { if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`); });
  page.on("dialog", (d) => { problems.push(`dialog: ${d.message()}`); void d.dismiss(); });
});
afterAll(async () => {
  await browser?.close();
  await w?.close();
});

/** Title, h1, header cells and captions of every table; a screenshot. */
async function checkPage(name: string, title: RegExp) {
  await expect.poll(() => page.title()).toMatch(title);
  expect(await page.title()).toMatch(/ · 政府信息公开年报档案$/);
  expect(await page.locator("h1").count()).toBe(1);
  const tables = await page.locator("main table").evaluateAll((ts: any[]) => ts.map((t) => ({
    caption: t.querySelector("caption")?.textContent?.trim() ?? "",
    headers: t.querySelectorAll("th[scope]").length,
    unscoped: t.querySelectorAll("th:not([scope])").length,
  })));
  for (const t of tables) {
    expect(t.caption, `${name}: a table without caption`).not.toBe("");
    expect(t.headers, `${name}: ${t.caption} has no header cells`).toBeGreaterThan(0);
    expect(t.unscoped, `${name}: ${t.caption} has th without scope`).toBe(0);
  }
  await page.screenshot({ path: resolve(OUT, `${name}.png`), fullPage: true });
}

describe("in a real browser", () => {
  it("home → search → report → agency across years → diff", async () => {
    await page.goto(`${w.base}/`);
    await checkPage("home", /^政府信息公开工作年度报告/);
    await expect.poll(() => page.getByRole("heading", { name: "按地区浏览" }).isVisible()).toBe(true);

    // Keyboard: the first Tab reaches the skip link, Enter moves to the main content.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe("跳到正文");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe("main");
    // "/" focuses the search box (the page's one script); type and submit with Enter.
    await page.keyboard.press("/");
    expect(await page.evaluate(() => (globalThis as any).document.activeElement?.name)).toBe("q");
    await page.keyboard.type("青山镇");
    await Promise.all([page.waitForURL(/\/search\?q=/), page.keyboard.press("Enter")]);
    await checkPage("search", /^检索：青山镇/);
    expect(await page.locator(".snippet mark").first().textContent()).toBe("青山镇");

    await Promise.all([page.waitForURL(/\/reports\/\d+$/), page.getByRole("link", { name: `${AGENCY} 2023 年度报告` }).click()]);
    await checkPage("report", new RegExp(`^${AGENCY} 2023 年度报告`));
    await expect.poll(() => page.getByRole("table", { name: "三、收到和处理政府信息公开申请情况" }).isVisible()).toBe(true);
    expect(await page.getByRole("row", { name: /一、本年新收政府信息公开申请数量/ }).first().textContent()).toContain("999");

    await Promise.all([page.waitForURL(/\/agencies\/\d+$/), page.getByRole("link", { name: "历年对比" }).click()]);
    await checkPage("agency", new RegExp(`^${AGENCY} 历年对比`));
    expect(await page.locator("svg.chart").first().isVisible()).toBe(true);
    expect(await page.locator("td.changed").count()).toBeGreaterThan(0);

    await Promise.all([page.waitForURL(/\/diff\?from=2022&to=2023$/), page.getByRole("link", { name: "2022 → 2023" }).click()]);
    await checkPage("diff", new RegExp(`^${AGENCY}：2022 → 2023 年`));
    expect(await page.getByRole("heading", { name: /^数据变化/ }).isVisible()).toBe(true);
    expect(await page.locator("td.up, td.down").count()).toBeGreaterThan(0);

    // The comparison form: choose two years and submit.
    await page.goto(`${w.base}/agencies/${w.ids.agencyId}`);
    await page.getByLabel("从").selectOption("2021");
    await Promise.all([page.waitForURL(/from=2021&to=2023/), page.getByRole("button", { name: "比较" }).click()]);
    await checkPage("diff-2021", /2021 → 2023/);

    expect(problems).toEqual([]);
  });

  it("key across agencies, and a report full of hostile markup, stay inert", async () => {
    await page.goto(`${w.base}/values?key=${encodeURIComponent("sum:requests.denied.total")}&per=requests.new.total`);
    await checkPage("values", /^数据比较：/);
    expect(await page.locator("svg.chart rect").count()).toBeGreaterThan(0);
    await page.goto(`${w.base}/reports/${w.ids.hostileText}`);
    await checkPage("hostile", /镇人民政府 2023 年度报告/);
    expect(await page.locator("h1").textContent()).toContain(HOSTILE_AGENCY);
    expect(await page.locator("main script, main img, main svg:not(.chart)").count()).toBe(0);
    await page.goto(`${w.base}/reports/${w.ids.hostileHtml}`);
    await checkPage("hostile-html", /恶意页面街道办事处 2022 年度报告/);
    expect(problems).toEqual([]);
  });

  it("prints without the navigation and forms", async () => {
    await page.goto(`${w.base}/reports/${w.ids.report2022}`);
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("header.site nav").isVisible()).toBe(false);
    expect(await page.getByRole("table", { name: "三、收到和处理政府信息公开申请情况" }).isVisible()).toBe(true);
    await page.screenshot({ path: resolve(OUT, "report-print.png"), fullPage: true });
    await page.emulateMedia({ media: "screen" });
    expect(problems).toEqual([]);
  });
});
