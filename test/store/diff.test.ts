import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/diff-command.ts";
import { diffYears } from "../../src/store/year-diff.ts";
import { freshDatabase, type FreshDatabase } from "./support/index.ts";
import { capture, ingestSynthetic, NEW_ROW, setCell } from "./read-side-fixtures.ts";

// nianbao diff AGENCY YEAR_A YEAR_B: the same synthetic numbers for 2022 and 2023 except one
// cell (requests.new.natural_person), so the diff must name exactly that cell.

let fresh: FreshDatabase;
let before: number, agencyId: string;
const AGENCY = "青山镇人民政府";

beforeAll(async () => {
  fresh = await freshDatabase();
  const a = await ingestSynthetic(fresh.db, { seed: 7, agency: AGENCY, year: 2022 });
  before = a.values["requests.new.natural_person"];
  await ingestSynthetic(fresh.db, { seed: 7, agency: AGENCY, year: 2023, edit: (t) => setCell(t, NEW_ROW, 3, before + 5) });
  await ingestSynthetic(fresh.db, { seed: 8, agency: "青山街道办事处", year: 2023 });
  const row = await fresh.db.selectFrom("agencies").select("id").where("name", "=", AGENCY).executeTakeFirstOrThrow();
  agencyId = row.id;
  process.env.DATABASE_URL = fresh.url;
});
afterAll(async () => {
  delete process.env.DATABASE_URL;
  await fresh?.drop();
});

describe("diffYears", () => {
  it("names exactly the one changed cell, with both values and the delta", async () => {
    const { diff } = await diffYears(fresh.db, agencyId, 2022, 2023);
    expect(diff).not.toBeNull();
    expect(diff!.cells).toEqual([{ key: "requests.new.natural_person", status: "changed", before, after: before + 5, delta: 5 }]);
  });

  it("lists the identities whose status changed", async () => {
    const { diff } = await diffYears(fresh.db, agencyId, 2022, 2023);
    const rules = diff!.checks.map((c) => c.rule).sort();
    expect(rules).toEqual(["requests.balance", "requests.columns"]);
    for (const c of diff!.checks) {
      expect(c.before?.ok).toBe(true);
      expect(c.after?.ok).toBe(false);
    }
    expect(diff!.checks.find((c) => c.rule === "requests.balance")!.after!.detail).toContain("natural_person");
  });

  it("diffs section text: the year changes, the table row shows the changed number", async () => {
    const { diff } = await diffYears(fresh.db, agencyId, 2022, 2023);
    const one = diff!.sections.find((s) => s.number === "一")!;
    expect(one.status).toBe("changed");
    const changedAfter = one.changes.flatMap((c) => c.after.filter((p) => p.changed).map((p) => p.text));
    expect(changedAfter).toEqual(["2023"]);
    const three = diff!.sections.find((s) => s.number === "三")!;
    expect(three.status).toBe("changed");
    const rowChange = three.changes.find((c) => c.before.map((p) => p.text).join("").includes("本年新收"))!;
    expect(rowChange.before.filter((p) => p.changed).map((p) => p.text).join("")).toBe(String(before));
    expect(rowChange.after.filter((p) => p.changed).map((p) => p.text).join("")).toBe(String(before + 5));
  });

  it("says which year is missing", async () => {
    const result = await diffYears(fresh.db, agencyId, 2022, 2019);
    expect(result.diff).toBeNull();
    expect(result).toMatchObject({ missing: [2019], archived: [2022, 2023] });
  });

  it("is the same in the other direction, with the delta negated", async () => {
    const { diff } = await diffYears(fresh.db, agencyId, 2023, 2022);
    expect(diff!.cells).toEqual([{ key: "requests.new.natural_person", status: "changed", before: before + 5, after: before, delta: -5 }]);
  });
});

describe("nianbao diff", () => {
  it("prints the changed cell, the checks and the sections (no colour off a TTY)", async () => {
    const { result, stdout } = await capture(() => run(["青山镇", "2022", "2023"]));
    expect(result).toBe(0);
    expect(stdout).not.toContain("\x1b[");
    expect(stdout).toContain(`${AGENCY}: 2022`);
    expect(stdout).toMatch(new RegExp(`requests\\.new\\.natural_person .*${before} +${before + 5} +\\+5`));
    expect(stdout).toContain("Cells: 1 changed");
    expect(stdout).toContain("requests.balance: ok → FAILED");
    expect(stdout).toContain(`[-${before}-]`);
    expect(stdout).toContain(`{+${before + 5}+}`);
  });

  it("--json gives the machine form", async () => {
    const { stdout } = await capture(() => run([AGENCY, "2022", "2023", "--json"]));
    const json = JSON.parse(stdout);
    expect(json.agency).toBe(AGENCY);
    expect(json.before.year).toBe(2022);
    expect(json.cells).toEqual([{ key: "requests.new.natural_person", label: "三 一、本年新收政府信息公开申请数量 · 自然人", status: "changed", before, after: before + 5, delta: 5 }]);
    expect(json.sections.map((s: { number: string }) => s.number)).toEqual(["一", "二", "三", "四", "五", "六"]);
  });

  it("an ambiguous agency name is one line listing the candidates", async () => {
    const err = await run(["青山", "2022", "2023"]).catch((e: Error) => e);
    expect(String(err)).toMatch(/^UserError: agency '青山' is ambiguous: (青山镇人民政府 \(id \d+\), 青山街道办事处 \(id \d+\)|青山街道办事处 \(id \d+\), 青山镇人民政府 \(id \d+\)); give the full name or the id$/);
  });

  it("an unknown agency suggests similar names", async () => {
    await expect(run(["青山乡人民政府", "2022", "2023"])).rejects.toThrow(/no archived agency matches '青山乡人民政府'; did you mean: 青山镇人民政府/);
  });

  it("a missing year names the archived years", async () => {
    await expect(run([AGENCY, "2022", "2021"])).rejects.toThrow(`no 2021 report of ${AGENCY} in the archive (archived years: 2022, 2023)`);
  });

  it("a bad year is a usage error", async () => {
    await expect(run([AGENCY, "2022", "twenty"])).rejects.toMatchObject({ exitCode: 2 });
  });
});
