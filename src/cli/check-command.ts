import { parseArgs } from "node:util";
import { checkContinuity, type AgencyContinuity } from "../store/continuity.ts";
import { snakeKeys } from "./cli-args.ts";
import { UserError } from "./fail.ts";
import { colorEnabled, paint, type Paint } from "./format/ansi.ts";
import { resolveAgency } from "./resolve-agency.ts";
import { QUERY_OPTIONS, STORE_USAGE, withStore } from "./with-store.ts";

export const USAGE = `usage: nianbao check --continuity [--agency NAME] [--json]

Cross-year identity (carry.continuity): for each agency and each two consecutive years both
archived, this year's 上年结转 (requests.carried_over.<column>) must equal last year's
结转下年度继续办理 (requests.carried_forward.<column>). Columns shown in only one of the two
reports are not compared. Reports per agency with the failing columns; exits 1 when any fails.
--json prints one JSON object per agency per line.

${STORE_USAGE}`;

export function formatContinuity(results: readonly AgencyContinuity[], p: Paint): string {
  const out: string[] = [];
  let pairs = 0, failed = 0, incomparable = 0;
  for (const a of results) {
    out.push(p.bold(a.region ? `${a.agency} (${a.region})` : a.agency));
    for (const pair of a.pairs) {
      pairs++;
      const years = `${pair.yearBefore} → ${pair.yearAfter}`;
      if (pair.status === "ok") out.push(`  ${years}  ${p.green("ok")} (${pair.compared} column${pair.compared === 1 ? "" : "s"})`);
      else if (pair.status === "not_comparable") { incomparable++; out.push(p.dim(`  ${years}  not comparable (no column shown in both)`)); }
      else {
        failed++;
        const cols = pair.failing.map((f) => `${f.column}: carried_forward ${pair.yearBefore} = ${f.carriedForward}, carried_over ${pair.yearAfter} = ${f.carriedOver}`);
        out.push(`  ${years}  ${p.red("FAILED")} ${cols.join("; ")}`);
      }
    }
  }
  out.push("", `${results.length} agenc${results.length === 1 ? "y" : "ies"}, ${pairs} pair${pairs === 1 ? "" : "s"} of consecutive years: ${failed} failed, ${incomparable} not comparable`);
  return out.join("\n") + "\n";
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { ...QUERY_OPTIONS, continuity: { type: "boolean" }, agency: { type: "string" } },
  });
  if (values.help) { console.log(USAGE); return 0; }
  if (positionals.length) throw new UserError(`check: unexpected argument '${positionals[0]}'`, 2);
  if (!values.continuity) throw new UserError("check: say which check to run: --continuity", 2);
  const results = await withStore(values, async (db) => {
    const agency = values.agency ? await resolveAgency(db, values.agency) : undefined;
    return checkContinuity(db, { agencyId: agency?.id });
  });
  const failed = results.some((a) => a.pairs.some((p) => p.status === "failed"));
  if (values.json) {
    for (const a of results) process.stdout.write(`${JSON.stringify(snakeKeys(a))}\n`);
  } else if (results.length === 0) {
    process.stdout.write("no agency has reports for two consecutive years\n");
  } else {
    process.stdout.write(formatContinuity(results, paint(colorEnabled())));
  }
  return failed ? 1 : 0;
}
