import { readFileSync } from "node:fs";
import { parse as parseYaml } from "yaml";
import { parseCsv } from "../export/csv.ts";
import type { PortalInput } from "../store/portals.ts";
import { UserError } from "./fail.ts";

// Portal lists for `nianbao portals import FILE`: CSV (a header row naming the columns) or YAML (a
// list of portals, or `portals:` holding one). Fields: name, start_url (or url), region
// (省/市/县), code (行政区划代码, 6 or 9 digits), hosts (YAML list; in CSV separated by spaces or
// semicolons), column_url, needs_browser (true/false), delay_ms, max_pages. docs/portals.md
// describes them; examples/portals.yaml and examples/portals.csv are samples.

type Raw = Record<string, unknown>;

export function readPortalFile(path: string): PortalInput[] {
  let text: string;
  try {
    text = readFileSync(path, "utf8").replace(/^\ufeff/, "");
  } catch (err) {
    throw new UserError(`${path}: cannot read it (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}); give a CSV or YAML file of portals`);
  }
  const rows = /\.csv$/i.test(path) ? csvRecords(text, path) : yamlRecords(text, path);
  if (rows.length === 0) throw new UserError(`${path}: no portals in it; see docs/portals.md for the format`);
  return rows.map((row, i) => toPortal(row, `${path}: portal ${i + 1}`));
}

function yamlRecords(text: string, path: string): Raw[] {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    throw new UserError(`${path}: not valid YAML (${(err as Error).message.split("\n")[0]}); or give a .csv file`);
  }
  const list = Array.isArray(doc) ? doc : (doc as { portals?: unknown } | null)?.portals;
  if (!Array.isArray(list) || list.some((x) => typeof x !== "object" || x === null)) {
    throw new UserError(`${path}: expected a list of portals (or 'portals:' holding one), each with name and start_url`);
  }
  return list as Raw[];
}

/** A CSV file's records: a header row naming the columns (case and spaces ignored), blank lines skipped. */
export function csvRecords(text: string, path = "csv"): Raw[] {
  const { rows, unclosed } = parseCsv(text);
  if (unclosed) throw new UserError(`${path}: a quoted field is not closed`);
  const [header, ...body] = rows.filter((row) => row.some((c) => c.trim() !== ""));
  if (!header) return [];
  const names = header.map((h) => h.trim().toLowerCase());
  return body.map((cells) => Object.fromEntries(names.map((n, i) => [n, (cells[i] ?? "").trim()])));
}

function toPortal(raw: Raw, where: string): PortalInput {
  const str = (k: string) => {
    const v = raw[k];
    return v === undefined || v === null || String(v).trim() === "" ? undefined : String(v).trim();
  };
  const name = str("name");
  const startUrl = str("start_url") ?? str("url");
  if (!name || !startUrl) throw new UserError(`${where}: needs a name and a start_url`);
  const int = (k: string) => {
    const v = str(k);
    if (v === undefined) return undefined;
    if (!/^\d+$/.test(v)) throw new UserError(`${where}: ${k} must be a whole number, not '${v}'`);
    return Number(v);
  };
  const hostsRaw = raw.hosts;
  const hosts = Array.isArray(hostsRaw) ? hostsRaw.map(String) : (str("hosts") ?? "").split(/[\s;]+/).filter(Boolean);
  const browser = str("needs_browser");
  return {
    name,
    startUrl: checkUrl(startUrl, where),
    region: str("region"),
    regionCode: checkCode(str("code") ?? str("region_code"), where),
    hosts: hosts.map((h) => checkHost(h, where)),
    columnUrl: str("column_url") === undefined ? undefined : checkUrl(str("column_url")!, where),
    needsBrowser: browser === undefined ? undefined : /^(true|yes|1|是)$/i.test(browser),
    delayMs: int("delay_ms"),
    maxPages: int("max_pages"),
  };
}

export function checkUrl(url: string, where: string): string {
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(url) ? url : `http://${url}`);
  } catch {
    throw new UserError(`${where}: '${url}' is not a URL; give the portal's homepage or 年报 column, e.g. http://www.example.gov.cn/`, 2);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new UserError(`${where}: '${url}' is not an http(s) URL`, 2);
  return parsed.href;
}

export function checkCode(code: string | undefined, where: string): string | undefined {
  if (code === undefined) return undefined;
  if (!/^\d{6}(\d{3})?$/.test(code)) throw new UserError(`${where}: code '${code}' is not a 6- or 9-digit 行政区划代码 (e.g. 141181)`, 2);
  return code;
}

export function checkHost(host: string, where: string): string {
  const h = host.replace(/^https?:\/\//i, "").replace(/\/.*$/, "");
  if (!/^[a-z0-9.-]+(:\d+)?$/i.test(h)) throw new UserError(`${where}: '${host}' is not a host name (e.g. xxgk.example.gov.cn)`, 2);
  return h.toLowerCase();
}
