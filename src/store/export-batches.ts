import { sql, type Kysely } from "kysely";
import { compareKeys } from "./form-layout.ts";
import type { Database } from "./database.ts";
import { reportWhere, type ReportFilter } from "./list-reports.ts";

// The current version of every report (or of those a filter selects), in batches by report id
// (keyset pagination), so that an export of the whole archive streams instead of loading it: for
// `nianbao export` and the web's downloads.

export interface ExportReport {
  reportId: string;
  versionId: string;
  agency: string;
  region: string | null;
  regionCode: string | null;
  year: number;
  template: string;
  sourceUrl: string | null;
  record: Record<string, unknown>;
}

export interface ValueRow { versionId: string; key: string; table: string; rowKey: string; columnKey: string; value: string }

export async function* latestReportBatches(db: Kysely<Database>, options: { batchSize?: number; withRecord?: boolean; filter?: ReportFilter } = {}): AsyncGenerator<ExportReport[]> {
  const size = options.batchSize ?? 500;
  let after = "0";
  for (;;) {
    const rows = await db.selectFrom("reports as r")
      .innerJoin("agencies as a", "a.id", "r.agency_id")
      .innerJoin("report_versions as v", (j) => j.onRef("v.id", "=", "r.latest_version_id"))
      .select([
        "r.id as reportId", "v.id as versionId", "a.name as agency", "a.region", "a.region_code as regionCode", "r.year",
        "v.template", "r.source_url as sourceUrl",
        options.withRecord === false ? sql<unknown>`null`.as("record") : "v.record",
      ])
      .where((eb) => reportWhere(eb, options.filter ?? {}))
      .where(sql<boolean>`r.id > ${after}::bigint`).orderBy(sql`r.id`).limit(size).execute();
    if (rows.length === 0) return;
    yield rows.map((r) => ({ ...r, record: (typeof r.record === "string" ? JSON.parse(r.record) : r.record ?? {}) as Record<string, unknown> }));
    after = rows[rows.length - 1].reportId;
    if (rows.length < size) return;
  }
}

/** The value rows of some versions, each version's in form order. */
export async function valueRows(db: Kysely<Database>, versionIds: readonly string[]): Promise<Map<string, ValueRow[]>> {
  const out = new Map<string, ValueRow[]>(versionIds.map((id) => [id, []]));
  if (versionIds.length === 0) return out;
  const rows = await db.selectFrom("report_values")
    .select(["version_id as versionId", "key", "table", "row_key as rowKey", "column_key as columnKey", "value"])
    .where("version_id", "in", versionIds).execute();
  for (const r of rows) out.get(r.versionId)!.push(r);
  for (const list of out.values()) list.sort((a, b) => compareKeys(a.key, b.key));
  return out;
}

/** Every key shown in the current version of any report, in form order: the columns of a wide export. */
export async function latestKeys(db: Kysely<Database>, filter: ReportFilter = {}): Promise<string[]> {
  const filtered = Object.values(filter).some((v) => v !== undefined && v !== false && v !== "");
  let q = db.selectFrom("reports as r")
    .innerJoin("report_values as rv", (j) => j.onRef("rv.version_id", "=", "r.latest_version_id"))
    .select("rv.key").distinct();
  if (filtered) {
    q = q.innerJoin("agencies as a", "a.id", "r.agency_id")
      .innerJoin("report_versions as v", (j) => j.onRef("v.id", "=", "r.latest_version_id"))
      .where((eb) => reportWhere(eb, filter));
  }
  const rows = await q.execute();
  return rows.map((r) => r.key).sort(compareKeys);
}
