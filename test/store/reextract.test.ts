import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EXTRACTOR_VERSION } from "../../src/extract/version.ts";
import { ingestDocument } from "../../src/store/ingest-document.ts";
import { reextract, type ReextractProgress } from "../../src/store/reextract.ts";
import { canonicalText, syntheticReport } from "../support/synthetic-report.ts";
import { freshDatabase, type FreshDatabase } from "./support/index.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const at = new Date("2025-01-01T00:00:00Z");

describe("reextract", () => {
  let fresh: FreshDatabase;
  beforeAll(async () => { fresh = await freshDatabase(); });
  afterAll(async () => { await fresh?.drop(); });

  it("re-reads every capture; only changed content makes a new version, tagged with the current extractor", async () => {
    const a = syntheticReport({ seed: 11, agency: "甲镇人民政府", year: 2023 });
    const b = syntheticReport({ seed: 12, agency: "乙镇人民政府", year: 2023 });
    const ra = await ingestDocument(fresh.db, { bytes: enc(canonicalText(a)), url: "https://example.gov.cn/a.html", fetchedAt: at, origin: "crawl" });
    const rb = await ingestDocument(fresh.db, { bytes: enc(canonicalText(b)), url: "file:///b.txt", fetchedAt: at, origin: "ingest", agency: "乙镇政府（指定）" });
    await ingestDocument(fresh.db, { bytes: enc("不是报告的文字。\n"), url: "https://example.gov.cn/c.html", fetchedAt: at, origin: "crawl" });
    if (ra.status !== "new" || rb.status !== "new") throw new Error("expected two new versions");

    // Nothing changed: nothing new.
    const first = await reextract(fresh.db);
    expect(first).toEqual({ extractorVersion: EXTRACTOR_VERSION, captures: 3, newVersions: 0, newReports: 0, unchanged: 2, skipped: 1 });

    // Simulate an older extractor that read report A differently.
    await fresh.db.updateTable("report_versions").set({ extractor_version: "nianbao-extract/0.0.1", content_hash: "0".repeat(64) }).where("id", "=", ra.versionId).execute();
    await fresh.db.updateTable("report_values").set({ value: 999 }).where("version_id", "=", ra.versionId).where("key", "=", "requests.new.total").execute();

    const seen: ReextractProgress[] = [];
    const second = await reextract(fresh.db, { onProgress: (p) => seen.push(p) });
    expect(second).toMatchObject({ captures: 3, newVersions: 1, newReports: 0, unchanged: 1, skipped: 1 });
    expect(seen.map((p) => [p.done, p.total, p.status])).toEqual([[1, 3, "new"], [2, 3, "unchanged"], [3, 3, "skipped"]]);

    const versions = await fresh.db.selectFrom("report_versions").select(["id", "extractor_version"]).where("report_id", "=", ra.reportId).orderBy("id").execute();
    expect(versions.map((v) => v.extractor_version)).toEqual(["nianbao-extract/0.0.1", EXTRACTOR_VERSION]);
    const latest = await fresh.db.selectFrom("latest_values").select(["version_id", "value"]).where("report_id", "=", ra.reportId).where("key", "=", "requests.new.total").executeTakeFirstOrThrow();
    expect(latest).toEqual({ version_id: versions[1].id, value: String(a.values["requests.new.total"]) });
    // The capture is linked to both versions; nothing was fetched, no capture added.
    const links = await fresh.db.selectFrom("version_captures").select("version_id").where("capture_id", "=", ra.captureId).orderBy("version_id").execute();
    expect(links.map((l) => l.version_id)).toEqual(versions.map((v) => v.id));
    expect((await fresh.db.selectFrom("captures").select("id").execute()).length).toBe(3);

    // B keeps the agency it was filed under (--agency), not the one in its text.
    const bReports = await fresh.db.selectFrom("latest_versions").select(["agency", "version_id"]).where("report_id", "=", rb.reportId).execute();
    expect(bReports).toEqual([{ agency: "乙镇政府（指定）", version_id: rb.versionId }]);
    expect((await fresh.db.selectFrom("agencies").select("name").where("name", "=", "乙镇人民政府").execute())).toEqual([]);
  });
});
