import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type FreshDatabase } from "./support/index.ts";

describe("store test harness", () => {
  let fresh: FreshDatabase;
  beforeAll(async () => { fresh = await freshDatabase(); });
  afterAll(async () => { await fresh?.drop(); });

  it("gives a migrated, empty database of its own", async () => {
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(fresh.db);
    expect(rows.map((r) => r.name)).toContain("0001_archive");
    const reports = await fresh.db.selectFrom("reports").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow();
    expect(reports.n).toBe("0");
    expect(fresh.name).toMatch(/^nianbao_test_[0-9a-f]{12}$/);
  });
});
