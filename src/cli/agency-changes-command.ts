import { hostname, userInfo } from "node:os";
import { parseArgs } from "node:util";
import { listChanges, type AgencyChange } from "../store/agencies/agency-changes.ts";
import { mergeAgencies, type MergeResult } from "../store/agencies/merge-agencies.ts";
import { placeAgency } from "../store/agencies/place-agency.ts";
import { splitMerge } from "../store/agencies/split-merge.ts";
import { snakeKeys } from "./cli-args.ts";
import { UserError } from "./fail.ts";
import { formatTime } from "./format/time.ts";
import { resolveAgency } from "./resolve-agency.ts";
import { QUERY_OPTIONS, withStore } from "./with-store.ts";

// nianbao agencies merge / place / split / changes: the identity changes rules cannot settle,
// made by hand, recorded and reversible (src/store/agencies).

function actor(by?: string): string {
  if (by?.trim()) return by.trim();
  if (process.env.NIANBAO_USER?.trim()) return process.env.NIANBAO_USER.trim();
  let user = "unknown";
  try { user = userInfo().username; } catch { /* no passwd entry */ }
  return `${user}@${hostname()}`;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

function describeChange(c: AgencyChange): string {
  const when = `${formatTime(c.madeAt)} by ${c.madeBy}`;
  const what = c.kind === "merge"
    ? `merge ${c.id}: ${c.other} (agency ${c.otherId}) into ${c.agency} (agency ${c.agencyId})`
    : `split ${c.id}: ${c.other} (agency ${c.otherId}) out of ${c.agency} (agency ${c.agencyId}), undoing merge ${(c.moves as { undoes?: string }).undoes ?? "?"}`;
  const undone = c.undoneAt ? `; undone ${formatTime(c.undoneAt)} by ${c.undoneBy} (split ${c.undoneByChange})` : "";
  return `${what}, ${when}${c.note ? ` — ${c.note}` : ""}${undone}`;
}

function describeMerge(result: MergeResult, what: string): string {
  const m = result.moves;
  const years = [...new Set(m.versions.map((v) => v.year))].sort();
  return `${what}: change ${result.changeId}\n`
    + `  ${plural(m.reports.length, "report")} moved whole; ${plural(m.versions.length, "version")} joined the report of the same year${years.length ? ` (${years.join(", ")})` : ""}`
    + `${result.duplicates ? `; ${plural(result.duplicates, "version")} with content A already had stayed put, their captures linked` : ""}\n`
    + `  undo with: nianbao agencies split ${result.changeId}\n`;
}

export async function runChangeCommand(kind: "merge" | "place" | "split" | "changes", argv: string[], usage: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      ...QUERY_OPTIONS, note: { type: "string" }, by: { type: "string" }, force: { type: "boolean" },
      region: { type: "string" }, "region-code": { type: "string" },
    },
  });
  if (values.help) { console.log(usage); return 0; }
  const by = actor(values.by);
  if (kind === "changes") {
    if (positionals.length > 1) throw new UserError(`agencies changes: give at most one AGENCY\n${usage}`, 2);
    const changes = await withStore(values, async (db) => {
      const agency = positionals[0] ? await resolveAgency(db, positionals[0]) : undefined;
      return listChanges(db, { agencyId: agency?.id });
    });
    if (values.json) { for (const c of changes) process.stdout.write(`${JSON.stringify(snakeKeys(c))}\n`); return 0; }
    if (changes.length === 0) { process.stderr.write("nianbao: no merges or splits recorded\n"); return 0; }
    process.stdout.write(changes.map(describeChange).join("\n") + "\n");
    return 0;
  }
  if (kind === "merge") {
    if (positionals.length !== 2) throw new UserError(`agencies merge: give two agencies, A (kept) and B (merged into it)\n${usage}`, 2);
    const result = await withStore(values, async (db) => {
      const a = await resolveAgency(db, positionals[0]);
      const b = await resolveAgency(db, positionals[1]);
      if (a.id === b.id) throw new UserError(`agencies merge: '${positionals[0]}' and '${positionals[1]}' are already one agency (${a.name}, id ${a.id})`, 2);
      return mergeAgencies(db, a.id, b.id, { by, note: values.note, force: values.force });
    });
    if (values.json) { process.stdout.write(`${JSON.stringify(snakeKeys(result))}\n`); return 0; }
    process.stdout.write(describeMerge(result, `merged ${result.merged.name} (agency ${result.merged.id}) into ${result.kept.name} (agency ${result.kept.id})`));
    return 0;
  }
  if (kind === "place") {
    const region = values.region?.trim() || undefined, regionCode = values["region-code"]?.trim() || undefined;
    if (positionals.length !== 1 || (!region && !regionCode)) throw new UserError(`agencies place: give one AGENCY and --region PLACES or --region-code CODE\n${usage}`, 2);
    const result = await withStore(values, async (db) => placeAgency(db, (await resolveAgency(db, positionals[0])).id, { region, regionCode }, { by, note: values.note }));
    if (values.json) { process.stdout.write(`${JSON.stringify(snakeKeys(result))}\n`); return 0; }
    const at = `${result.identity.region} ${result.identity.regionCode} (${result.identity.level})`;
    process.stdout.write(describeMerge(result, `placed ${result.merged.name} (agency ${result.merged.id}) at ${at}, ${result.created ? "a new identity" : "joining"} ${result.kept.name} (agency ${result.kept.id})`));
    return 0;
  }
  if (positionals.length !== 1 || !/^\d+$/.test(positionals[0])) throw new UserError(`agencies split: give the id of the merge to undo (see 'nianbao agencies changes')\n${usage}`, 2);
  const result = await withStore(values, (db) => splitMerge(db, positionals[0], { by, note: values.note }));
  if (values.json) { process.stdout.write(`${JSON.stringify(snakeKeys(result))}\n`); return 0; }
  process.stdout.write(`split ${result.restored.name} (agency ${result.restored.id}) out of ${result.kept.name} (agency ${result.kept.id}), undoing merge ${result.undone}: change ${result.changeId}\n`
    + `  ${plural(result.moves.reports.length, "report")} and ${plural(result.moves.versions.length, "version")} moved back\n`);
  return 0;
}
