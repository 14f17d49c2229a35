import { parseArgs } from "node:util";
import { listAgencies, type AgencySummary } from "../store/agencies/list-agencies.ts";
import { runChangeCommand } from "./agency-changes-command.ts";
import { snakeKeys } from "./cli-args.ts";
import { UserError } from "./fail.ts";
import { colorEnabled, paint } from "./format/ansi.ts";
import { truncate } from "./format/display-width.ts";
import { textTable } from "./format/text-table.ts";
import { QUERY_OPTIONS, STORE_USAGE, withStore } from "./with-store.ts";

export const USAGE = `usage: nianbao agencies [NAME] [--region CODE|PLACES] [--json]
       nianbao agencies merge AGENCY_A AGENCY_B [--note TEXT] [--by WHO] [--force]
       nianbao agencies place AGENCY (--region PLACES | --region-code CODE) [--note TEXT] [--by WHO]
       nianbao agencies split CHANGE_ID [--note TEXT] [--by WHO]
       nianbao agencies changes [AGENCY] [--json]

Every agency identity: one per body, whatever spellings its reports use (海原县西安镇人民政府,
西安镇人民政府), with its aliases, its 行政区划代码 and level (province, city, county, township,
department) when its names and the regions given at ingest settle them, and the years it has
reports for. NAME matches a part of a name or alias; --region a code prefix (6405) or a part of
the place names (海原). --json prints one JSON object per line.

  merge A B   A and B are one body: B's reports join A's (a year both have becomes one report
              holding the versions of both); recorded, and undone by split
  place A     an unplaced A whose names the region given settles (高平镇人民政府 --region
              甘肃省/平凉市/泾川县): it joins the identity placed there (made if none), as a merge
  split ID    undo merge ID (listed by merge, place and 'changes'): what it moved goes back
  changes     the merges and splits made: who, when, what moved

An AGENCY is an id, an exact name or alias, or a unique part of one. --by names who made the
change (default: $NIANBAO_USER, else the login name and host).

${STORE_USAGE}`;

/** The identities as a terminal table. */
export function formatAgencyList(agencies: readonly AgencySummary[], color: boolean): string {
  const p = paint(color);
  const rows = agencies.map((a) => [
    a.id, truncate(a.name, 28), a.level ?? p.yellow("unplaced"), a.regionCode ?? "", truncate(a.region ?? "", 30),
    yearsText(a.years), truncate(a.aliases.join("、"), 40),
  ]);
  return textTable(["id", "name", "level", "code", "region", "years", "aliases"], rows, { right: [0], header: p.bold });
}

/** 2019–2023 for runs, commas between. */
export function yearsText(years: readonly number[]): string {
  const out: string[] = [];
  for (let i = 0; i < years.length; i++) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    out.push(j > i ? `${years[i]}–${years[j]}` : String(years[i]));
    i = j;
  }
  return out.join(", ");
}

export async function run(argv: string[]): Promise<number> {
  const sub = argv[0];
  if (sub === "merge" || sub === "place" || sub === "split" || sub === "changes") return runChangeCommand(sub, argv.slice(1), USAGE);
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...QUERY_OPTIONS, region: { type: "string" } } });
  if (values.help) { console.log(USAGE); return 0; }
  if (positionals.length > 1) throw new UserError(`agencies: give at most one NAME (got ${positionals.length} arguments); or merge, split, changes\n${USAGE}`, 2);
  const agencies = await withStore(values, (db) => listAgencies(db, { region: values.region, name: positionals[0] }));
  if (values.json) {
    for (const a of agencies) process.stdout.write(`${JSON.stringify(snakeKeys(a))}\n`);
    return 0;
  }
  if (agencies.length === 0) { process.stderr.write("nianbao: no agency matches\n"); return 0; }
  process.stdout.write(formatAgencyList(agencies, colorEnabled()));
  const unplaced = agencies.filter((a) => !a.regionCode).length;
  process.stdout.write(`${agencies.length} agenc${agencies.length === 1 ? "y" : "ies"}${unplaced ? `, ${unplaced} not placed (place them with 'nianbao agencies place AGENCY --region …', or merge them)` : ""}\n`);
  return 0;
}
