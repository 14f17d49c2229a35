import { sql, type Kysely, type Transaction } from "kysely";
import type { AgenciesTable, Database } from "../database.ts";
import { StoreError } from "../store-error.ts";
import { refreshReports } from "./refresh-reports.ts";

// Two identities found to be one body (by hand: nianbao agencies merge A B): B's reports join
// A's, recorded in agency_changes so that `nianbao agencies split CHANGE` undoes it exactly.
// Nothing is deleted and no version is altered:
// - a year only B has: B's report row moves to A, whole;
// - a year both have: B's versions move into A's report of that year (they are versions of the
//   same report, filed under another spelling), and A's current version becomes the one seen
//   last of them all. A version of B with the same content as one of A's (same spelling, same
//   text) stays in B's report and its captures are linked to A's version as sightings of it;
// - B is marked merged into A (and so is whatever had been merged into B): documents filed
//   under B's names or identity key from now on go to A; B's emptied reports drop out of lists.
// When A is unplaced and B placed, A takes B's place. Two identities placed at different
// divisions are refused unless forced (a renamed or moved division). When the merged identity is
// placed, the unplaced keys it absorbs stop leading to it: the next 高平镇人民政府 filed without a
// region may be another 高平镇, so it gets an unplaced identity of its own (never guessed).

export interface ChangeOptions {
  /** Who made it (recorded). */
  by: string;
  note?: string;
  /** Merge even when the two are placed at different divisions. */
  force?: boolean;
}

export interface MergeMoves {
  reports: { id: string; year: number; from: string; to: string }[];
  versions: { id: string; year: number; fromReport: string; toReport: string }[];
  links: { versionId: string; captureId: string }[];
  flattened: string[];
  /** Unplaced identity keys that stopped leading here: the agency and its former key. */
  keys: { id: string; key: string }[];
  placement: { regionCode: string | null; level: AgenciesTable["level"]; region: string | null; note: string | null } | null;
}

export interface MergeResult {
  changeId: string;
  kept: { id: string; name: string };
  merged: { id: string; name: string };
  moves: MergeMoves;
  /** Versions left in B's report because A's has the same content (their captures linked). */
  duplicates: number;
}

export async function lockAgencies(trx: Transaction<Database>, ids: string[]) {
  return trx.selectFrom("agencies").select(["id", "name", "region_code", "level", "region", "placement_note", "merged_into"])
    .where("id", "in", ids).orderBy("id").forUpdate().execute();
}

export async function mergeAgencies(db: Kysely<Database>, keepId: string, mergeId: string, options: ChangeOptions): Promise<MergeResult> {
  return db.transaction().execute((trx) => mergeAgenciesIn(trx, keepId, mergeId, options));
}

export async function mergeAgenciesIn(trx: Transaction<Database>, keepId: string, mergeId: string, options: ChangeOptions): Promise<MergeResult> {
  if (keepId === mergeId) throw new StoreError(`agency ${keepId} is already that identity; nothing to merge`);
  const rows = await lockAgencies(trx, [keepId, mergeId]);
  const a = rows.find((r) => r.id === keepId), b = rows.find((r) => r.id === mergeId);
  if (!a || !b) throw new StoreError(`no agency with id ${!a ? keepId : mergeId}; run 'nianbao agencies' to list them`);
  for (const x of [a, b]) if (x.merged_into) throw new StoreError(`agency ${x.id} (${x.name}) was merged into agency ${x.merged_into}; name that one`);
  if (a.region_code && b.region_code && a.region_code !== b.region_code && !options.force) {
    throw new StoreError(`${a.name} is placed at ${a.region_code} and ${b.name} at ${b.region_code}: different divisions; add --force if they are one body all the same`);
  }
  const moves: MergeMoves = { reports: [], versions: [], links: [], flattened: [], keys: [], placement: null };
  const reports = await trx.selectFrom("reports").select(["id", "agency_id", "year"]).where("agency_id", "in", [keepId, mergeId]).forUpdate().execute();
  const keptByYear = new Map(reports.filter((r) => r.agency_id === keepId).map((r) => [r.year, r.id]));
  let duplicates = 0;
  for (const r of reports.filter((x) => x.agency_id === mergeId)) {
    const into = keptByYear.get(r.year);
    if (!into) {
      moves.reports.push({ id: r.id, year: r.year, from: mergeId, to: keepId });
      continue;
    }
    const versions = await trx.selectFrom("report_versions as v")
      .leftJoin("report_versions as same", (j) => j.onRef("same.content_hash", "=", "v.content_hash").on("same.report_id", "=", into))
      .select(["v.id", "same.id as sameId"]).where("v.report_id", "=", r.id).execute();
    for (const v of versions) {
      if (!v.sameId) { moves.versions.push({ id: v.id, year: r.year, fromReport: r.id, toReport: into }); continue; }
      duplicates++;
      const { rows: linked } = await sql<{ capture_id: string }>`
        insert into version_captures (version_id, capture_id) select ${v.sameId}, capture_id from version_captures where version_id = ${v.id}
        on conflict do nothing returning capture_id`.execute(trx);
      moves.links.push(...linked.map((l) => ({ versionId: v.sameId!, captureId: l.capture_id })));
    }
  }
  if (moves.reports.length) await trx.updateTable("reports").set({ agency_id: keepId }).where("id", "in", moves.reports.map((m) => m.id)).execute();
  for (const m of moves.versions) await trx.updateTable("report_versions").set({ report_id: m.toReport }).where("id", "=", m.id).execute();
  const flattened = await trx.updateTable("agencies").set({ merged_into: keepId }).where("merged_into", "=", mergeId).returning("id").execute();
  moves.flattened = flattened.map((f) => f.id);
  await trx.updateTable("agencies").set({ merged_into: keepId }).where("id", "=", mergeId).execute();
  if (!a.region_code && b.region_code) {
    moves.placement = { regionCode: a.region_code, level: a.level, region: a.region, note: a.placement_note };
    await trx.updateTable("agencies").set({ region_code: b.region_code, level: b.level, region: b.region, placement_note: null }).where("id", "=", keepId).execute();
  }
  if (a.region_code || b.region_code) {
    const { rows: unrouted } = await sql<{ id: string; key: string }>`
      update agencies u set identity_key = u.identity_key || '#' || u.id
      from agencies o where o.id = u.id and (u.id = ${keepId} or u.merged_into = ${keepId}) and u.identity_key like '?%' and u.identity_key not like '%#%'
      returning u.id, o.identity_key as key`.execute(trx);
    moves.keys = unrouted;
  }
  const touched = new Set([...moves.versions.flatMap((m) => [m.fromReport, m.toReport]), ...reports.filter((r) => r.agency_id === mergeId).map((r) => r.id)]);
  await refreshReports(trx, [...touched]);
  const change = await trx.insertInto("agency_changes").values({
    kind: "merge", agency_id: keepId, other_id: mergeId, made_by: options.by, note: options.note ?? null, moves: JSON.stringify(moves),
  }).returning("id").executeTakeFirstOrThrow();
  return { changeId: change.id, kept: { id: a.id, name: a.name }, merged: { id: b.id, name: b.name }, moves, duplicates };
}
