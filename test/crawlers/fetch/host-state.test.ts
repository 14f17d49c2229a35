import { describe, expect, it } from "vitest";
import { HostState, retryAfterMs } from "../../../src/crawlers/fetch/host-state.ts";

describe("HostState politeness", () => {
  it("lets one request in at a time and keeps the delay between them", async () => {
    const host = new HostState("a.gov.cn", { perHost: 1, delayMs: 80, maxWaitMs: 1000 });
    const starts: number[] = [];
    let inFlight = 0;
    let most = 0;
    await Promise.all([1, 2, 3].map(async () => {
      await host.acquire();
      starts.push(Date.now());
      most = Math.max(most, ++inFlight);
      await new Promise((r) => setTimeout(r, 10));
      inFlight--;
      host.release();
    }));
    expect(most).toBe(1);
    expect(starts[1] - starts[0]).toBeGreaterThanOrEqual(85);
    expect(starts[2] - starts[1]).toBeGreaterThanOrEqual(85);
  });

  it("backs off doubling on refusals, honours Retry-After within the cap, and starts over after a success", () => {
    const host = new HostState("a.gov.cn", { perHost: 1, delayMs: 0, maxWaitMs: 5000 });
    expect(host.refused()).toBe(1000);
    expect(host.refused()).toBe(2000);
    expect(host.refused()).toBe(4000);
    expect(host.refused()).toBe(5000);
    expect(host.refused(3000)).toBe(3000);
    expect(host.refused(60_000)).toBe(5000);
    expect(host.refusals).toBe(6);
    host.succeeded();
    expect(host.refusals).toBe(0);
    expect(host.refused()).toBe(1000);
  });

  it("takes a longer Crawl-delay but never a shorter one", () => {
    const host = new HostState("a.gov.cn", { perHost: 1, delayMs: 1000, maxWaitMs: 5000 });
    host.minDelayMs = 300;
    expect(host.delayMs).toBe(1000);
    host.minDelayMs = 2000;
    expect(host.delayMs).toBe(2000);
  });
});

describe("retryAfterMs", () => {
  it("reads seconds and HTTP dates", () => {
    expect(retryAfterMs("120")).toBe(120_000);
    expect(retryAfterMs("Wed, 01 Dec 2026 10:00:30 GMT", Date.parse("Wed, 01 Dec 2026 10:00:00 GMT"))).toBe(30_000);
    expect(retryAfterMs("soon")).toBeUndefined();
    expect(retryAfterMs(undefined)).toBeUndefined();
  });
});
