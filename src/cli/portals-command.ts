import { parseArgs } from "node:util";
import { addPortal, listPortals, type PortalListing } from "../store/portals.ts";
import { parseWhole, snakeKeys } from "./cli-args.ts";
import { UserError } from "./fail.ts";
import { colorEnabled, paint } from "./format/ansi.ts";
import { truncate } from "./format/display-width.ts";
import { textTable } from "./format/text-table.ts";
import { formatTime } from "./format/time.ts";
import { checkCode, checkHost, checkUrl, readPortalFile } from "./portal-file.ts";
import { parseCount } from "./cli-args.ts";
import { QUERY_OPTIONS, STORE_USAGE, withStore } from "./with-store.ts";

export const USAGE = `usage: nianbao portals [--json]
       nianbao portals add URL --name NAME [--region 省/市/县] [--code CODE] [--host HOST …]
                           [--column URL] [--browser] [--delay MS] [--max-pages N]
       nianbao portals import FILE.csv|FILE.yaml

The portal registry: where crawls start. 'portals' lists each portal with its last crawl (when,
what it found, failures, blocked hosts). 'add' registers one (or updates the one with that start
URL): URL is its homepage or its 年报 column; --region names the 省/市/县 it serves (reports found
on it are placed there), --code its 6-digit 行政区划代码; --host (repeatable) adds a host that
belongs to it (its 信息公开 platform, an attachment host); --column, --browser, --delay and
--max-pages override discovery and politeness. 'import' adds every portal of a CSV or YAML file
(format: docs/portals.md; samples in examples/).

${STORE_USAGE}`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...QUERY_OPTIONS,
      name: { type: "string" }, region: { type: "string" }, code: { type: "string" }, host: { type: "string", multiple: true },
      column: { type: "string" }, browser: { type: "boolean" }, delay: { type: "string" }, "max-pages": { type: "string" },
    },
  });
  if (values.help) { console.log(USAGE); return 0; }
  const [sub, ...rest] = positionals;
  if (sub === undefined || sub === "list") return list(values);
  if (sub === "add") {
    if (rest.length !== 1) throw new UserError("portals add: give one URL (the portal's homepage or 年报 column)", 2);
    if (!values.name) throw new UserError("portals add: --name is required (the portal's name, e.g. 孝义市人民政府)", 2);
    const input = {
      name: values.name,
      startUrl: checkUrl(rest[0], "portals add"),
      region: values.region,
      regionCode: checkCode(values.code, "portals add"),
      hosts: (values.host ?? []).map((h) => checkHost(h, "portals add")),
      columnUrl: values.column === undefined ? undefined : checkUrl(values.column, "portals add --column"),
      needsBrowser: values.browser,
      delayMs: parseWhole(values.delay, "--delay", 600_000),
      maxPages: parseCount(values["max-pages"], "--max-pages", 1_000_000),
    };
    const { portal, created } = await withStore(values, (db) => addPortal(db, input));
    console.log(`${created ? "added" : "updated"} portal ${portal.id}: ${portal.name} ${portal.startUrl}`);
    return 0;
  }
  if (sub === "import") {
    if (rest.length !== 1) throw new UserError("portals import: give one CSV or YAML file", 2);
    const inputs = readPortalFile(rest[0]);
    const results = await withStore(values, async (db) => {
      const out = [];
      for (const input of inputs) out.push(await addPortal(db, input));
      return out;
    });
    const added = results.filter((r) => r.created).length;
    console.log(`imported ${results.length} portals from ${rest[0]}: ${added} added, ${results.length - added} updated`);
    return 0;
  }
  throw new UserError(`portals: unknown subcommand '${sub}'; use add, import, or no subcommand to list`, 2);
}

async function list(values: { storage?: string; json?: boolean }): Promise<number> {
  const portals = await withStore(values, (db) => listPortals(db));
  if (values.json) {
    for (const p of portals) process.stdout.write(`${JSON.stringify(snakeKeys(p))}\n`);
    return 0;
  }
  if (portals.length === 0) {
    process.stderr.write("nianbao: no portals registered; add one with 'nianbao portals add URL --name NAME' or try 'nianbao crawl --demo'\n");
    return 0;
  }
  process.stdout.write(formatPortalList(portals, colorEnabled()));
  return 0;
}

export function formatPortalList(portals: readonly PortalListing[], color: boolean): string {
  const p = paint(color);
  const rows = portals.map((x) => {
    const c = x.lastCrawl;
    return [
      x.id, truncate(x.name, 24), truncate(x.region ?? x.regionCode ?? "", 20), x.startUrl,
      c ? formatTime(c.at) : "never", c ? String(c.reportsNew + c.reportsChanged + c.reportsUnchanged) : "", String(x.reports),
      c ? (c.failures ? p.red(String(c.failures)) : "0") : "", c?.blockedHosts.length ? p.red(c.blockedHosts.join(" ")) : "",
    ];
  });
  return textTable(["id", "name", "region", "start", "last crawl", "reports seen", "reports held", "failures", "blocked"], rows, { right: [0, 5, 6, 7], header: p.bold });
}
