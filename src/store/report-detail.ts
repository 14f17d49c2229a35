import type { Kysely } from "kysely";
import type { Check, Section } from "../extract/report-record.ts";
import type { Database } from "./database.ts";
import { formTables, type FormTable } from "./form-layout.ts";
import { loadValues } from "./version-snapshot.ts";

// Everything `nianbao show` prints about one report: metadata, the current version's tables
// and checks (or, asked for, a past version's), and every version with the captures it came from.

export interface CaptureRef { id: string; url: string; finalUrl: string | null; sha256: string; size: number; fetchedAt: Date; origin: string }
export interface VersionRef { id: string; extractorVersion: string; template: string; contentHash: string; firstSeen: Date; lastSeen: Date; failedChecks: string[]; captures: CaptureRef[] }

export interface ReportDetail {
  id: string;
  agency: { id: string; name: string; region: string | null; regionCode: string | null; level: string | null; portalUrl: string | null };
  year: number;
  title: string | null;
  template: string;
  sourceUrl: string | null;
  firstSeen: Date;
  lastSeen: Date;
  removedAt: Date | null;
  /** The version shown: the current one unless another was asked for. */
  versionId: string;
  /** The current version (the one seen last). */
  latestVersionId: string;
  values: Record<string, number>;
  tables: FormTable[];
  checks: Check[];
  warnings: string[];
  sections: Section[];
  versions: VersionRef[];
}

export async function reportDetail(db: Kysely<Database>, reportId: string, options: { versionId?: string } = {}): Promise<ReportDetail | null> {
  const wanted = options.versionId;
  const r = await db.selectFrom("reports as r")
    .innerJoin("agencies as a", "a.id", "r.agency_id")
    .innerJoin("report_versions as v", (j) => (wanted ? j.on("v.id", "=", wanted).onRef("v.report_id", "=", "r.id") : j.onRef("v.id", "=", "r.latest_version_id")))
    .select([
      "r.id", "r.year", "r.source_url", "r.first_seen", "r.last_seen", "r.removed_at",
      "a.id as agency_id", "a.name as agency", "a.region", "a.region_code", "a.level", "a.portal_url",
      "v.id as version_id", "r.latest_version_id", "v.title", "v.template", "v.record",
    ])
    .where("r.id", "=", reportId).executeTakeFirst();
  if (!r) return null;
  const versions = await db.selectFrom("report_versions")
    .select(["id", "extractor_version", "template", "content_hash", "first_seen", "last_seen", "failed_checks"])
    .where("report_id", "=", reportId).orderBy("first_seen").orderBy("id").execute();
  const captures = await db.selectFrom("version_captures as vc").innerJoin("captures as c", "c.id", "vc.capture_id")
    .select(["vc.version_id", "c.id", "c.url", "c.final_url", "c.sha256", "c.size", "c.fetched_at", "c.origin"])
    .where("vc.version_id", "in", versions.map((v) => v.id)).orderBy("c.fetched_at").orderBy("c.id").execute();
  const values = (await loadValues(db, [r.version_id])).get(r.version_id) ?? {};
  const record = (typeof r.record === "string" ? JSON.parse(r.record) : r.record) as { checks?: Check[]; warnings?: string[]; sections?: Section[] };
  return {
    id: r.id,
    agency: { id: r.agency_id, name: r.agency, region: r.region, regionCode: r.region_code, level: r.level, portalUrl: r.portal_url },
    year: r.year, title: r.title, template: r.template, sourceUrl: r.source_url,
    firstSeen: r.first_seen, lastSeen: r.last_seen, removedAt: r.removed_at, versionId: r.version_id, latestVersionId: r.latest_version_id ?? r.version_id,
    values, tables: formTables(r.template, values),
    checks: record.checks ?? [], warnings: record.warnings ?? [], sections: record.sections ?? [],
    versions: versions.map((v) => ({
      id: v.id, extractorVersion: v.extractor_version, template: v.template, contentHash: v.content_hash,
      firstSeen: v.first_seen, lastSeen: v.last_seen, failedChecks: v.failed_checks,
      captures: captures.filter((c) => c.version_id === v.id).map((c) => ({
        id: c.id, url: c.url, finalUrl: c.final_url, sha256: c.sha256, size: Number(c.size), fetchedAt: c.fetched_at, origin: c.origin,
      })),
    })),
  };
}
