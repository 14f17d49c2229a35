import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CrawlLog } from "../../../src/crawlers/crawl/crawl-log.ts";
import { runPortalStats, startRun } from "../../../src/store/crawl-runs.ts";
import { addPortal } from "../../../src/store/portals.ts";
import { freshDatabase, type FreshDatabase } from "../../store/support/index.ts";

// The crawl log gathers fetches and counts and writes them in batches, on a real PostgreSQL:
// nothing is lost by the batching, counts of one portal add up, and a write that fails is
// reported to the next caller instead of vanishing in a timer.

let fresh: FreshDatabase;
beforeAll(async () => { fresh = await freshDatabase(); });
afterAll(async () => { await fresh?.drop(); });

const fetched = (runId: string) => fresh.db.selectFrom("crawl_fetches").select("url").where("run_id", "=", runId).execute();

describe("the crawl log", () => {
  it("writes every fetch and sums each portal's counts, in batches and on flush", async () => {
    const { portal } = await addPortal(fresh.db, { name: "某县", startUrl: "http://log.example.gov.cn/" });
    const run = await startRun(fresh.db, [portal.id], {});
    const log = new CrawlLog(fresh.db);
    for (let i = 0; i < 250; i++) {
      await log.fetch({ runId: run.id, portalId: portal.id, url: `http://log.example.gov.cn/${i}.html`, kind: "detail", outcome: "page" }, { pages: 1 });
    }
    expect((await fetched(run.id)).length).toBe(200); // two full batches went on their own
    await log.flush();
    expect((await fetched(run.id)).length).toBe(250);
    expect(await runPortalStats(fresh.db, run.id)).toEqual([expect.objectContaining({ pages: 250 })]);
  });

  it("writes a small batch after a short wait, without a flush", async () => {
    const { portal } = await addPortal(fresh.db, { name: "某区", startUrl: "http://wait.example.gov.cn/" });
    const run = await startRun(fresh.db, [portal.id], {});
    const log = new CrawlLog(fresh.db);
    await log.fetch({ runId: run.id, portalId: portal.id, url: "http://wait.example.gov.cn/", kind: "nav", outcome: "page" }, { pages: 1 });
    expect(await fetched(run.id)).toEqual([]);
    await new Promise((r) => setTimeout(r, 600));
    expect(await fetched(run.id)).toEqual([{ url: "http://wait.example.gov.cn/" }]);
  });

  it("reports a failed write to the next flush", async () => {
    const { portal } = await addPortal(fresh.db, { name: "某市", startUrl: "http://fail.example.gov.cn/" });
    const log = new CrawlLog(fresh.db);
    await log.fetch({ runId: "999999", portalId: portal.id, url: "http://fail.example.gov.cn/", kind: "nav", outcome: "page" }, { pages: 1 }); // no such run
    await new Promise((r) => setTimeout(r, 600)); // the timer's write fails
    await expect(log.flush()).rejects.toThrow(/foreign key/);
    await expect(log.flush()).resolves.toBeUndefined(); // reported once
  });
});
