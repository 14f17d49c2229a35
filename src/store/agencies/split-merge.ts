import type { Kysely, Transaction } from "kysely";
import type { Database } from "../database.ts";
import { StoreError } from "../store-error.ts";
import { lockAgencies, type MergeMoves } from "./merge-agencies.ts";
import { refreshReports } from "./refresh-reports.ts";

// Undoing a merge (nianbao agencies split CHANGE): every report and version the merge moved goes
// back where it was, the links it added are removed, B is its own identity again (with what had
// been merged into it) and A's former placement is restored. Recorded as a change of its own.
// What arrived after the merge stays where it was filed (a new report filed under A stays A's),
// and an unplaced key the merge stopped routing that a new agency has taken since stays with it.
// Refused when a later change moved the same things on: undo that one first.

export interface SplitResult {
  changeId: string;
  undone: string;
  kept: { id: string; name: string };
  restored: { id: string; name: string };
  moves: MergeMoves;
}

export async function splitMerge(db: Kysely<Database>, mergeChangeId: string, options: { by: string; note?: string }): Promise<SplitResult> {
  return db.transaction().execute((trx) => splitMergeIn(trx, mergeChangeId, options));
}

async function splitMergeIn(trx: Transaction<Database>, changeId: string, options: { by: string; note?: string }): Promise<SplitResult> {
  const change = await trx.selectFrom("agency_changes").selectAll().where("id", "=", changeId).forUpdate().executeTakeFirst();
  if (!change) throw new StoreError(`no agency change ${changeId}; run 'nianbao agencies changes' to list them`);
  if (change.kind !== "merge") throw new StoreError(`change ${changeId} is a split, not a merge; only a merge can be split`);
  if (change.undone_at) throw new StoreError(`merge ${changeId} was already undone (by change ${change.undone_by_change ?? "?"})`);
  const moves = (typeof change.moves === "string" ? JSON.parse(change.moves) : change.moves) as MergeMoves;
  const [keepId, otherId] = [change.agency_id, change.other_id];
  const agencies = await lockAgencies(trx, [keepId, otherId]);
  const a = agencies.find((r) => r.id === keepId)!, b = agencies.find((r) => r.id === otherId)!;

  const later = async () => {
    const next = await trx.selectFrom("agency_changes").select("id").where("kind", "=", "merge").where("undone_at", "is", null)
      .where("id", ">", changeId).where((eb) => eb.or([eb("other_id", "in", [keepId, otherId]), eb("agency_id", "in", [keepId, otherId])]))
      .orderBy("id", "desc").executeTakeFirst();
    return next ? `; undo the later merge ${next.id} first (nianbao agencies split ${next.id})` : "";
  };
  if (b.merged_into !== keepId || a.merged_into) throw new StoreError(`merge ${changeId} cannot be undone: ${b.name} is no longer merged into ${a.name}${await later()}`);
  const reportIds = moves.reports.map((m) => m.id);
  const stillReports = reportIds.length ? await trx.selectFrom("reports").select("id").where("id", "in", reportIds).where("agency_id", "=", keepId).execute() : [];
  const versionIds = moves.versions.map((m) => m.id);
  const stillVersions = versionIds.length ? await trx.selectFrom("report_versions").select(["id", "report_id"]).where("id", "in", versionIds).execute() : [];
  const movedOn = stillReports.length !== reportIds.length
    || moves.versions.some((m) => stillVersions.find((v) => v.id === m.id)?.report_id !== m.toReport);
  if (movedOn) throw new StoreError(`merge ${changeId} cannot be undone: some of its reports or versions were moved since${await later()}`);

  if (reportIds.length) await trx.updateTable("reports").set({ agency_id: otherId }).where("id", "in", reportIds).execute();
  for (const m of moves.versions) await trx.updateTable("report_versions").set({ report_id: m.fromReport }).where("id", "=", m.id).execute();
  for (const l of moves.links) await trx.deleteFrom("version_captures").where("version_id", "=", l.versionId).where("capture_id", "=", l.captureId).execute();
  await trx.updateTable("agencies").set({ merged_into: null }).where("id", "=", otherId).execute();
  if (moves.flattened.length) await trx.updateTable("agencies").set({ merged_into: otherId }).where("id", "in", moves.flattened).where("merged_into", "=", keepId).execute();
  if (moves.placement && a.region_code === b.region_code) {
    const p = moves.placement;
    await trx.updateTable("agencies").set({ region_code: p.regionCode, level: p.level, region: p.region, placement_note: p.note }).where("id", "=", keepId).execute();
  }
  // Unplaced keys the merge stopped routing lead to their agencies again, unless another took one since.
  for (const k of moves.keys ?? []) {
    const taken = await trx.selectFrom("agencies").select("id").where("identity_key", "=", k.key).executeTakeFirst();
    if (!taken) await trx.updateTable("agencies").set({ identity_key: k.key }).where("id", "=", k.id).execute();
  }
  const fromReports = await trx.selectFrom("reports").select("id").where("agency_id", "=", otherId).execute();
  await refreshReports(trx, [...new Set([...fromReports.map((r) => r.id), ...moves.versions.map((m) => m.toReport)])]);
  const split = await trx.insertInto("agency_changes").values({
    kind: "split", agency_id: keepId, other_id: otherId, made_by: options.by, note: options.note ?? null,
    moves: JSON.stringify({ undoes: changeId }),
  }).returning("id").executeTakeFirstOrThrow();
  await trx.updateTable("agency_changes").set({ undone_at: new Date(), undone_by: options.by, undone_by_change: split.id }).where("id", "=", changeId).execute();
  return { changeId: split.id, undone: changeId, kept: { id: a.id, name: a.name }, restored: { id: b.id, name: b.name }, moves };
}
