import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ingestDocument, type IngestResult } from "../../src/store/ingest-document.ts";
import { markRemoved } from "../../src/store/mark-removed.ts";
import { canonicalText, syntheticReport } from "../support/synthetic-report.ts";
import { corpus } from "./corpus.ts";
import { freshDatabase, type FreshDatabase } from "./support/index.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const day = (d: string) => new Date(`${d}T00:00:00Z`);

function archived(r: IngestResult) {
  if (r.status === "skipped") throw new Error(`skipped: ${r.reason}`);
  return r;
}

describe("ingestDocument", () => {
  let fresh: FreshDatabase;
  beforeAll(async () => { fresh = await freshDatabase(); });
  afterAll(async () => { await fresh?.drop(); });
  const count = async (table: "report_versions" | "reports" | "captures" | "blobs" | "report_values" | "version_captures" | "agencies" | "skipped_captures") =>
    Number((await fresh.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as("n")).executeTakeFirstOrThrow()).n);

  it("archives the corpus: 6 reports with the expected values in latest_values", async () => {
    const docs = corpus();
    for (const doc of docs) {
      const r = archived(await ingestDocument(fresh.db, { bytes: doc.bytes, url: `file://${doc.path}`, fetchedAt: day("2025-01-10"), origin: "ingest" }));
      expect(r.status).toBe("new");
      expect(r.newReport).toBe(true);
      expect(doc.expected.agency).toContain(r.agency);
      expect(r.year).toBe(doc.expected.year);
    }
    expect(await count("reports")).toBe(6);
    expect(await count("report_versions")).toBe(6);
    expect(await count("blobs")).toBe(6);

    for (const doc of docs) {
      const rows = await fresh.db.selectFrom("latest_values").select(["key", "table", "row_key", "column_key", "value", "agency"])
        .where("agency", "in", doc.expected.agency).where("year", "=", doc.expected.year).execute();
      const stored = Object.fromEntries(rows.map((r) => [r.key, Number(r.value)]));
      for (const [key, value] of Object.entries(doc.expected.values)) expect(stored[key], `${doc.name} ${key}`).toBe(value);
      for (const key of doc.expected.absent ?? []) expect(stored[key], `${doc.name} ${key} must be absent`).toBeUndefined();
    }

    // Long form: the key split into table / row / column.
    const denied = await fresh.db.selectFrom("latest_values").selectAll()
      .where("agency", "=", "大通区人民政府办公室").where("key", "=", "requests.denied.internal_affairs.natural_person").executeTakeFirstOrThrow();
    expect(denied).toMatchObject({ table: "requests", row_key: "denied.internal_affairs", column_key: "natural_person", value: "1", year: 2023, template: "2021" });
    const inForce = await fresh.db.selectFrom("latest_values").select("value")
      .where("agency", "=", "大通区人民政府办公室").where("key", "=", "active.normative_documents.in_force").executeTakeFirstOrThrow();
    expect(inForce.value).toBe("27");

    // Every version: its capture linked, the report's sighting window, search terms indexed.
    expect(await count("version_captures")).toBe(6);
    const report = await fresh.db.selectFrom("latest_versions").selectAll().where("agency", "=", "淮安市人民政府").executeTakeFirstOrThrow();
    expect(report.year).toBe(2024);
    expect(report.failed_checks).toEqual([]);
    expect(report.extractor_version).toMatch(/^nianbao-extract\//);
    const hits = await sql<{ n: number }>`select count(*)::int as n from report_versions
      where search @@ phraseto_tsquery('simple', '政府 府信 信息 息公 公开')`.execute(fresh.db);
    expect(hits.rows[0].n).toBe(6);
  });

  it("re-ingesting the same documents makes no new version, only new captures", async () => {
    const before = await count("captures");
    for (const doc of corpus()) {
      const r = archived(await ingestDocument(fresh.db, { bytes: doc.bytes, url: `file://${doc.path}`, fetchedAt: day("2025-02-10"), origin: "ingest" }));
      expect(r.status).toBe("unchanged");
      expect(r.newReport).toBe(false);
    }
    expect(await count("report_versions")).toBe(6);
    expect(await count("reports")).toBe(6);
    expect(await count("blobs")).toBe(6);
    expect(await count("captures")).toBe(before + 6);
    expect(await count("version_captures")).toBe(12);
    const v = await fresh.db.selectFrom("latest_versions").select(["first_seen", "last_seen"]).where("agency", "=", "淮安市人民政府").executeTakeFirstOrThrow();
    expect(v.first_seen.toISOString()).toBe("2025-01-10T00:00:00.000Z");
    expect(v.last_seen.toISOString()).toBe("2025-02-10T00:00:00.000Z");
  });

  it("one changed number makes exactly one new version, differing in exactly that cell", async () => {
    const doc = corpus().find((d) => d.name.includes("003_"))!;
    const text = new TextDecoder().decode(doc.bytes);
    expect(text.match(/^\t27$/gm)).toHaveLength(1);
    const changed = text.replace(/^\t27$/m, "\t28");
    const r = archived(await ingestDocument(fresh.db, { bytes: enc(changed), url: "https://example.gov.cn/003-v2.html", fetchedAt: day("2025-03-01"), origin: "crawl" }));
    expect(r.status).toBe("new");
    expect(r.newReport).toBe(false);
    expect(await count("report_versions")).toBe(7);

    const versions = await fresh.db.selectFrom("report_versions").select(["id", "last_seen"]).where("report_id", "=", r.reportId).orderBy("id").execute();
    expect(versions).toHaveLength(2);
    const values = async (versionId: string) => Object.fromEntries(
      (await fresh.db.selectFrom("report_values").select(["key", "value"]).where("version_id", "=", versionId).execute()).map((v) => [v.key, v.value]),
    );
    const [oldValues, newValues] = [await values(versions[0].id), await values(versions[1].id)];
    expect(Object.keys(newValues).sort()).toEqual(Object.keys(oldValues).sort());
    const differing = Object.keys(oldValues).filter((k) => oldValues[k] !== newValues[k]);
    expect(differing).toEqual(["active.normative_documents.in_force"]);
    expect([oldValues[differing[0]], newValues[differing[0]]]).toEqual(["27", "28"]);

    // The new version is the latest; the report's source_url follows the latest sighting.
    const latest = await fresh.db.selectFrom("latest_versions").select(["version_id", "source_url"]).where("report_id", "=", r.reportId).executeTakeFirstOrThrow();
    expect(latest).toEqual({ version_id: r.versionId, source_url: "https://example.gov.cn/003-v2.html" });
  });

  it("two concurrent ingests of the same new report end with one version", async () => {
    const report = syntheticReport({ seed: 4242, agency: "并发镇人民政府", year: 2022 });
    const bytes = enc(canonicalText(report));
    const results = (await Promise.all([0, 1, 2, 3].map(() =>
      ingestDocument(fresh.db, { bytes, url: "https://example.gov.cn/concurrent.html", fetchedAt: day("2025-04-01"), origin: "crawl" }),
    ))).map(archived);
    expect(new Set(results.map((r) => r.versionId)).size).toBe(1);
    expect(results.filter((r) => r.status === "new")).toHaveLength(1);
    expect(results.filter((r) => r.newReport)).toHaveLength(1);
    const versions = await fresh.db.selectFrom("report_versions").select("id").where("report_id", "=", results[0].reportId).execute();
    expect(versions).toHaveLength(1);
    const agencies = await fresh.db.selectFrom("agencies").select("id").where("name", "=", "并发镇人民政府").execute();
    expect(agencies).toHaveLength(1);
    const links = await fresh.db.selectFrom("version_captures").select("capture_id").where("version_id", "=", results[0].versionId).execute();
    expect(links).toHaveLength(4);
    const stored = await fresh.db.selectFrom("report_values").select(["key", "value"]).where("version_id", "=", results[0].versionId).execute();
    expect(Object.fromEntries(stored.map((v) => [v.key, Number(v.value)]))).toEqual(report.values);
  });

  it("a non-report or unreadable document is recorded as skipped with the reason, never thrown", async () => {
    const notice = await ingestDocument(fresh.db, { bytes: enc("关于召开会议的通知\n\n各单位：定于明天开会。\n"), url: "https://example.gov.cn/notice.html", fetchedAt: day("2025-04-02"), origin: "crawl" });
    expect(notice.status).toBe("skipped");
    if (notice.status !== "skipped") return;
    expect(notice.reason).toMatch(/not an annual report/);
    const image = await ingestDocument(fresh.db, { bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), url: "https://example.gov.cn/x.png", fetchedAt: day("2025-04-02"), origin: "crawl" });
    expect(image).toMatchObject({ status: "skipped", reason: expect.stringMatching(/image/) });
    const rows = await fresh.db.selectFrom("skipped_captures").select(["capture_id", "reason", "extractor_version"]).orderBy("capture_id").execute();
    expect(rows.map((r) => r.capture_id)).toEqual([notice.captureId, image.captureId]);
    expect(rows[0].reason).toBe(notice.reason);
    // The bytes are kept all the same (the blob and the capture).
    const capture = await fresh.db.selectFrom("captures").select(["sha256", "url"]).where("id", "=", image.captureId).executeTakeFirstOrThrow();
    expect(capture).toEqual({ sha256: image.sha256, url: "https://example.gov.cn/x.png" });
  });

  it("a report without its agency in the text takes it from the caller, else is skipped with a reason", async () => {
    const text = canonicalText(syntheticReport({ seed: 7, agency: "无名镇人民政府", year: 2023 })).replaceAll("无名镇人民政府", "");
    const without = await ingestDocument(fresh.db, { bytes: enc(text), url: "file:///x.txt", fetchedAt: day("2025-04-03"), origin: "ingest" });
    expect(without).toMatchObject({ status: "skipped", reason: expect.stringMatching(/agency was not found.*--agency/) });
    const given = archived(await ingestDocument(fresh.db, { bytes: enc(text), url: "file:///x.txt", fetchedAt: day("2025-04-03"), origin: "ingest", agency: "指定镇人民政府", region: "某省/某市" }));
    expect(given).toMatchObject({ status: "new", newReport: true, agency: "指定镇人民政府", year: 2023 });
    const agency = await fresh.db.selectFrom("agencies").select(["name", "region"]).where("name", "=", "指定镇人民政府").executeTakeFirstOrThrow();
    expect(agency.region).toBe("某省/某市");
    // --year overrides the document's year: another report of the same agency.
    const other = archived(await ingestDocument(fresh.db, { bytes: enc(text), url: "file:///x.txt", fetchedAt: day("2025-04-03"), origin: "ingest", agency: "指定镇人民政府", year: 2022 }));
    expect(other).toMatchObject({ status: "new", newReport: true, year: 2022 });
    expect(other.reportId).not.toBe(given.reportId);
  });

  it("a document failing mid-way leaves nothing half-written", async () => {
    const before = { versions: await count("report_versions"), values: await count("report_values"), captures: await count("captures"), reports: await count("reports"), blobs: await count("blobs"), agencies: await count("agencies") };
    const bytes = enc(canonicalText(syntheticReport({ seed: 99, agency: "半途镇人民政府", year: 2023 })));
    for (const failAt of ["report", "version", "values"] as const) {
      await expect(ingestDocument(fresh.db, { bytes, url: "https://example.gov.cn/half.html", fetchedAt: day("2025-05-01"), origin: "crawl" }, {
        onStage: (stage) => { if (stage === failAt) throw new Error(`injected failure after ${stage}`); },
      })).rejects.toThrow(`injected failure after ${failAt}`);
      expect({ versions: await count("report_versions"), values: await count("report_values"), captures: await count("captures"), reports: await count("reports"), blobs: await count("blobs"), agencies: await count("agencies") }).toEqual(before);
    }
    const none = await fresh.db.selectFrom("report_versions as v").innerJoin("reports as r", "r.id", "v.report_id").innerJoin("agencies as a", "a.id", "r.agency_id")
      .select("v.id").where("a.name", "=", "半途镇人民政府").execute();
    expect(none).toEqual([]);
    // And the same document then goes in whole.
    const ok = archived(await ingestDocument(fresh.db, { bytes, url: "https://example.gov.cn/half.html", fetchedAt: day("2025-05-01"), origin: "crawl" }));
    expect(ok.status).toBe("new");
    expect(await count("report_versions")).toBe(before.versions + 1);
  });

  it("marks a report removed, keeps it, and a later sighting clears the mark", async () => {
    const bytes = enc(canonicalText(syntheticReport({ seed: 5, agency: "撤下镇人民政府", year: 2022 })));
    const first = archived(await ingestDocument(fresh.db, { bytes, url: "https://example.gov.cn/gone.html", fetchedAt: day("2025-06-01"), origin: "crawl" }));
    expect(await markRemoved(fresh.db, first.reportId, day("2025-06-15"))).toBe(true);
    expect(await markRemoved(fresh.db, "999999", day("2025-06-15"))).toBe(false);
    const removed = await fresh.db.selectFrom("latest_versions").select(["removed_at", "version_id"]).where("report_id", "=", first.reportId).executeTakeFirstOrThrow();
    expect(removed.removed_at?.toISOString()).toBe("2025-06-15T00:00:00.000Z");
    expect(removed.version_id).toBe(first.versionId);
    // Marking again keeps the first date.
    await markRemoved(fresh.db, first.reportId, day("2025-06-20"));
    expect((await fresh.db.selectFrom("reports").select("removed_at").where("id", "=", first.reportId).executeTakeFirstOrThrow()).removed_at?.toISOString()).toBe("2025-06-15T00:00:00.000Z");
    // An older capture ingested late does not bring it back; a newer sighting does.
    await ingestDocument(fresh.db, { bytes, url: "https://example.gov.cn/gone.html", fetchedAt: day("2025-05-20"), origin: "crawl" });
    expect((await fresh.db.selectFrom("reports").select("removed_at").where("id", "=", first.reportId).executeTakeFirstOrThrow()).removed_at).not.toBeNull();
    const again = archived(await ingestDocument(fresh.db, { bytes, url: "https://example.gov.cn/back.html", fetchedAt: day("2025-07-01"), origin: "crawl" }));
    expect(again.status).toBe("unchanged");
    const report = await fresh.db.selectFrom("reports").selectAll().where("id", "=", first.reportId).executeTakeFirstOrThrow();
    expect(report.removed_at).toBeNull();
    expect(report.first_seen.toISOString()).toBe("2025-05-20T00:00:00.000Z");
    expect(report.last_seen.toISOString()).toBe("2025-07-01T00:00:00.000Z");
    expect(report.source_url).toBe("https://example.gov.cn/back.html");
  });
});
