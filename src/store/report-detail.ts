import { sql, type Kysely } from "kysely";
import type { Check, Section } from "../extract/report-record.ts";
import type { Database } from "./database.ts";
import { formTables, type FormTable } from "./form-layout.ts";

// Everything `nianbao show` prints about one report: metadata, the current version's tables
// and checks (or, asked for, a past version's), and every version with the captures it came
// from. One statement (versions, captures and values aggregated as JSON beside the row): one
// round trip per report, which is what a web page showing it waits for.

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

interface VersionJson {
  id: string; extractor_version: string; template: string; content_hash: string; first_seen: string; last_seen: string; failed_checks: string[];
  captures: { id: string; url: string; final_url: string | null; sha256: string; size: number; fetched_at: string; origin: string }[];
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
      sql<Record<string, number>>`(select coalesce(json_object_agg(rv.key, rv.value), '{}') from report_values rv where rv.version_id = v.id)`.as("values"),
      sql<VersionJson[]>`(select coalesce(json_agg(json_build_object(
          'id', pv.id::text, 'extractor_version', pv.extractor_version, 'template', pv.template, 'content_hash', pv.content_hash,
          'first_seen', pv.first_seen, 'last_seen', pv.last_seen, 'failed_checks', pv.failed_checks,
          'captures', (select coalesce(json_agg(json_build_object(
              'id', c.id::text, 'url', c.url, 'final_url', c.final_url, 'sha256', c.sha256, 'size', c.size, 'fetched_at', c.fetched_at, 'origin', c.origin
            ) order by c.fetched_at, c.id), '[]') from version_captures vc join captures c on c.id = vc.capture_id where vc.version_id = pv.id)
        ) order by pv.first_seen, pv.id), '[]') from report_versions pv where pv.report_id = r.id)`.as("versions"),
    ])
    .where("r.id", "=", reportId).executeTakeFirst();
  if (!r) return null;
  const values = Object.fromEntries(Object.entries(r.values).map(([k, v]) => [k, Number(v)]));
  const record = (typeof r.record === "string" ? JSON.parse(r.record) : r.record) as { checks?: Check[]; warnings?: string[]; sections?: Section[] };
  return {
    id: r.id,
    agency: { id: r.agency_id, name: r.agency, region: r.region, regionCode: r.region_code, level: r.level, portalUrl: r.portal_url },
    year: r.year, title: r.title, template: r.template, sourceUrl: r.source_url,
    firstSeen: r.first_seen, lastSeen: r.last_seen, removedAt: r.removed_at, versionId: r.version_id, latestVersionId: r.latest_version_id ?? r.version_id,
    values, tables: formTables(r.template, values),
    checks: record.checks ?? [], warnings: record.warnings ?? [], sections: record.sections ?? [],
    versions: r.versions.map((v) => ({
      id: v.id, extractorVersion: v.extractor_version, template: v.template, contentHash: v.content_hash,
      firstSeen: new Date(v.first_seen), lastSeen: new Date(v.last_seen), failedChecks: v.failed_checks,
      captures: v.captures.map((c) => ({
        id: c.id, url: c.url, finalUrl: c.final_url, sha256: c.sha256, size: Number(c.size), fetchedAt: new Date(c.fetched_at), origin: c.origin,
      })),
    })),
  };
}
