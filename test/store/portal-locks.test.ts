import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectDatabase } from "../../src/store/open-store.ts";
import { PortalsBusy, withPortalLocks } from "../../src/store/portal-locks.ts";
import { freshDatabase, type FreshDatabase } from "./support/index.ts";

// Crawl locks on a real PostgreSQL, taken from two pools as two processes would.

let fresh: FreshDatabase;
let other: ReturnType<typeof connectDatabase>;
beforeAll(async () => { fresh = await freshDatabase(); other = connectDatabase(fresh.url); });
afterAll(async () => { await other?.destroy(); await fresh?.drop(); });

const a = { id: "1", name: "甲县" }, b = { id: "2", name: "乙县" }, c = { id: "3", name: "丙县" };

describe("withPortalLocks", () => {
  it("refuses portals another connection is crawling, naming them, and frees its locks when done", async () => {
    let refusal: unknown;
    await withPortalLocks(fresh.db, [a, b], async () => {
      refusal = await withPortalLocks(other, [c, b, a], async () => "ran").catch((e: unknown) => e);
      expect(await withPortalLocks(other, [c], async () => "ran")).toBe("ran"); // no overlap: no wait
    });
    expect(refusal).toBeInstanceOf(PortalsBusy);
    expect((refusal as PortalsBusy).message).toMatch(/^portals 1 \(甲县\), 2 \(乙县\) are being crawled by another nianbao process; /);
    expect(await withPortalLocks(other, [a, b, c], async () => "ran")).toBe("ran"); // released
  });

  it("frees its locks when the crawl fails, and when it was refused", async () => {
    await expect(withPortalLocks(fresh.db, [a], async () => { throw new Error("boom"); })).rejects.toThrow("boom");
    await withPortalLocks(other, [b], async () => {
      await expect(withPortalLocks(fresh.db, [a, b], async () => "ran")).rejects.toBeInstanceOf(PortalsBusy);
    });
    expect(await withPortalLocks(other, [a], async () => "ran")).toBe("ran"); // the refused call let go of portal 1 too
  });
});
