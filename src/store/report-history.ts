import type { Kysely } from "kysely";
import type { Database } from "./database.ts";
import { diffRecords, type RecordDiff } from "./diff/record-diff.ts";
import { loadSnapshots } from "./version-snapshot.ts";

// The versions of one report in the order they appeared, each with what changed since the one
// before it (cells, checks, text) and when it was first and last seen.

export interface HistoryEntry {
  versionId: string;
  extractorVersion: string;
  template: string;
  firstSeen: Date;
  lastSeen: Date;
  /** Changes from the previous version; null for the first. */
  changes: RecordDiff | null;
}

export async function reportHistory(db: Kysely<Database>, reportId: string): Promise<HistoryEntry[]> {
  const ids = await db.selectFrom("report_versions").select("id").where("report_id", "=", reportId)
    .orderBy("first_seen").orderBy("id").execute();
  const snaps = await loadSnapshots(db, ids.map((r) => r.id));
  return snaps.map((s, i) => ({
    versionId: s.versionId, extractorVersion: s.extractorVersion, template: s.template, firstSeen: s.firstSeen, lastSeen: s.lastSeen,
    changes: i === 0 ? null : diffRecords(snaps[i - 1], s),
  }));
}
