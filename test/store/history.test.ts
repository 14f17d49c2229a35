import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/history-command.ts";
import { reportHistory } from "../../src/store/report-history.ts";
import { freshDatabase, type FreshDatabase } from "./support/index.ts";
import { capture, ingestSynthetic, NEW_ROW, setCell } from "./read-side-fixtures.ts";

// nianbao history AGENCY YEAR: one report seen three times; the second capture differs in one
// cell (a new version), the third equals the second (no new version, its last_seen widened).

let fresh: FreshDatabase;
let reportId: string, v1: string, v2: string, before: number;
const AGENCY = "柳林县人民政府办公室";
const t1 = new Date("2024-02-01T08:00:00Z"), t2 = new Date("2024-05-01T08:00:00Z"), t3 = new Date("2024-06-01T08:00:00Z");

beforeAll(async () => {
  fresh = await freshDatabase();
  const first = await ingestSynthetic(fresh.db, { seed: 21, agency: AGENCY, year: 2023, fetchedAt: t1 });
  before = first.values["requests.new.commercial"];
  const edit = (t: string) => setCell(t, NEW_ROW, 4, before + 2);
  const second = await ingestSynthetic(fresh.db, { seed: 21, agency: AGENCY, year: 2023, fetchedAt: t2, edit, url: "https://example.gov.cn/b.txt" });
  const third = await ingestSynthetic(fresh.db, { seed: 21, agency: AGENCY, year: 2023, fetchedAt: t3, edit, url: "https://example.gov.cn/c.txt" });
  if (first.status === "skipped" || second.status === "skipped" || third.status === "skipped") throw new Error("skipped");
  expect([first.status, second.status, third.status]).toEqual(["new", "new", "unchanged"]);
  [reportId, v1, v2] = [first.reportId, first.versionId, second.versionId];
  process.env.DATABASE_URL = fresh.url;
});
afterAll(async () => {
  delete process.env.DATABASE_URL;
  await fresh?.drop();
});

describe("reportHistory", () => {
  it("lists the versions in order with what changed and when", async () => {
    const history = await reportHistory(fresh.db, reportId);
    expect(history.map((h) => h.versionId)).toEqual([v1, v2]);
    expect(history[0].changes).toBeNull();
    expect(history[0].firstSeen).toEqual(t1);
    expect(history[1].firstSeen).toEqual(t2);
    expect(history[1].lastSeen).toEqual(t3);
    expect(history[1].changes!.cells).toEqual([{ key: "requests.new.commercial", status: "changed", before, after: before + 2, delta: 2 }]);
    expect(history[1].changes!.checks.map((c) => c.rule).sort()).toEqual(["requests.balance", "requests.columns"]);
    const changedSections = history[1].changes!.sections.filter((s) => s.status !== "same").map((s) => s.number);
    expect(changedSections).toEqual(["三"]);
  });
});

describe("nianbao history", () => {
  it("prints each version with its first-seen time and the changes", async () => {
    const { result, stdout } = await capture(() => run([AGENCY, "2023"]));
    expect(result).toBe(0);
    expect(stdout).toContain(`${AGENCY} 2023 (report ${reportId}): 2 versions`);
    expect(stdout).toContain(`version ${v1}  first seen 2024-02-01 08:00Z`);
    expect(stdout).toContain(`version ${v2}  first seen 2024-05-01 08:00Z  last seen 2024-06-01 08:00Z`);
    expect(stdout).toMatch(new RegExp(`requests\\.new\\.commercial .* ${before} +${before + 2} +\\+2`));
    expect(stdout).toContain("the first version");
  });

  it("takes a report id too, and --json", async () => {
    const { stdout } = await capture(() => run([reportId, "--json"]));
    const json = JSON.parse(stdout);
    expect(json.versions).toHaveLength(2);
    expect(json.versions[1].first_seen).toBe(t2.toISOString());
    expect(json.versions[1].changes.cells[0]).toMatchObject({ key: "requests.new.commercial", before, after: before + 2, delta: 2 });
  });

  it("takes \"AGENCY YEAR\" as one argument and a unique part of the name", async () => {
    const { stdout } = await capture(() => run(["柳林县 2023"]));
    expect(stdout).toContain(`${AGENCY} 2023`);
  });
});
