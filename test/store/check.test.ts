import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/check-command.ts";
import { checkContinuity } from "../../src/store/continuity.ts";
import { freshDatabase, type FreshDatabase } from "./support/index.ts";
import { capture, CARRIED_OVER_ROW, ingestSynthetic, setCell } from "./read-side-fixtures.ts";

// carry.continuity: 2022's carried_forward must reappear as 2023's carried_over. The 2023
// report is built to agree in every column but `research`, which is off by 3.

/** Sets the seven cells of row 二 (上年结转) of table 三. */
const carriedOver = (text: string, cells: number[]) => cells.reduce((t, v, i) => setCell(t, CARRIED_OVER_ROW, 3 + i, v), text);

let fresh: FreshDatabase;
let forward: Record<string, number>;
const AGENCY = "青山镇人民政府";
const COLUMNS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other", "total"];

beforeAll(async () => {
  fresh = await freshDatabase();
  const y2022 = await ingestSynthetic(fresh.db, { seed: 5, agency: AGENCY, year: 2022 });
  forward = Object.fromEntries(COLUMNS.map((c) => [c, y2022.values[`requests.carried_forward.${c}`]]));
  const carried = COLUMNS.map((c) => (c === "research" ? forward[c] + 3 : forward[c]));
  await ingestSynthetic(fresh.db, { seed: 6, agency: AGENCY, year: 2023, edit: (t) => carriedOver(t, carried) });
  // Another agency with agreeing years, and one with a gap (2020, 2022): no pair.
  const a = await ingestSynthetic(fresh.db, { seed: 7, agency: "白云乡人民政府", year: 2021 });
  await ingestSynthetic(fresh.db, { seed: 8, agency: "白云乡人民政府", year: 2022, edit: (t) => carriedOver(t, COLUMNS.map((c) => a.values[`requests.carried_forward.${c}`])) });
  await ingestSynthetic(fresh.db, { seed: 9, agency: "绿水县人民政府办公室", year: 2020, template: "2019" });
  await ingestSynthetic(fresh.db, { seed: 10, agency: "绿水县人民政府办公室", year: 2022 });
  process.env.DATABASE_URL = fresh.url;
});
afterAll(async () => {
  delete process.env.DATABASE_URL;
  await fresh?.drop();
});

describe("checkContinuity", () => {
  it("reports per agency the failing columns with both values", async () => {
    const results = await checkContinuity(fresh.db);
    expect(results.map((r) => r.agency).sort()).toEqual(["白云乡人民政府", "青山镇人民政府"]);
    const qs = results.find((r) => r.agency === AGENCY)!;
    expect(qs.pairs).toHaveLength(1);
    expect(qs.pairs[0]).toMatchObject({ yearBefore: 2022, yearAfter: 2023, status: "failed", compared: 7 });
    expect(qs.pairs[0].failing).toEqual([{ column: "research", carriedForward: forward.research, carriedOver: forward.research + 3 }]);
    const by = results.find((r) => r.agency === "白云乡人民政府")!;
    expect(by.pairs[0]).toMatchObject({ yearBefore: 2021, yearAfter: 2022, status: "ok", compared: 7, failing: [] });
  });
});

describe("nianbao check --continuity", () => {
  it("prints per agency and exits 1 when a pair fails", async () => {
    const { result, stdout } = await capture(() => run(["--continuity"]));
    expect(result).toBe(1);
    expect(stdout).toContain(`2022 → 2023  FAILED research: carried_forward 2022 = ${forward.research}, carried_over 2023 = ${forward.research + 3}`);
    expect(stdout).toContain("2021 → 2022  ok (7 columns)");
    expect(stdout).toContain("2 agencies, 2 pairs of consecutive years: 1 failed, 0 not comparable");
  });

  it("--agency narrows it; --json gives one object per agency", async () => {
    const { result, stdout } = await capture(() => run(["--continuity", "--agency", "白云乡", "--json"]));
    expect(result).toBe(0);
    const lines = stdout.trim().split("\n").map((l) => JSON.parse(l));
    expect(lines).toHaveLength(1);
    expect(lines[0].pairs[0]).toMatchObject({ year_before: 2021, year_after: 2022, status: "ok" });
  });

  it("without --continuity it is a usage error", async () => {
    await expect(run([])).rejects.toMatchObject({ exitCode: 2 });
  });
});
