import type { FormTable } from "../../store/form-layout.ts";
import type { ReportDetail } from "../../store/report-detail.ts";
import type { Paint } from "./ansi.ts";
import { formatValue } from "./numbers.ts";
import { textTable } from "./text-table.ts";
import { formatTime } from "./time.ts";

// `nianbao show` on the terminal: metadata, tables 二/三/四 as rows × columns (blank where the
// document shows nothing), checks, warnings and versions with their captures.

const indent = (text: string, by = "  ") => text.split("\n").map((l) => (l ? by + l : l)).join("\n");

export function formatTables(tables: readonly FormTable[], p: Paint): string {
  const out: string[] = [];
  let title = "";
  for (const t of tables) {
    if (t.title !== title) { out.push(p.bold(t.title)); title = t.title; }
    const rows = t.rows.map((r) => [r.label, ...r.cells.map(formatValue)]);
    out.push(indent(textTable(["", ...t.columns.map((c) => c.label)], rows, { right: t.columns.map((_, i) => i + 1) })));
  }
  return out.join("\n");
}

export function formatReport(r: ReportDetail, p: Paint): string {
  const out: string[] = [];
  out.push(p.bold(`${r.agency.name} ${r.year} (report ${r.id})`));
  const meta: [string, string][] = [
    ["title", r.title ?? ""],
    ["region", [r.agency.region, r.agency.regionCode, r.agency.level && `(${r.agency.level})`].filter(Boolean).join(" ")],
    ["template", r.template],
    ["source", r.sourceUrl ?? ""],
    ["first seen", formatTime(r.firstSeen)],
    ["last seen", formatTime(r.lastSeen)],
    ["removed", r.removedAt ? p.yellow(formatTime(r.removedAt)) : ""],
    ["version", `${r.versionId} (current; ${r.versions.length} version${r.versions.length === 1 ? "" : "s"} in all)`],
  ];
  for (const [k, v] of meta) if (v) out.push(`  ${k.padEnd(11)}${v}`);
  out.push("");
  if (r.tables.length) out.push(formatTables(r.tables, p));
  else out.push(p.dim(`no table values (template ${r.template}: free-form statistics)`), "");
  out.push(p.bold("checks"));
  if (r.checks.length === 0) out.push(p.dim("  none evaluated (not every cell of an identity is shown)"));
  for (const c of r.checks) out.push(`  ${c.ok ? p.green("ok    ") : p.red("FAILED")} ${c.rule}: ${c.detail}`);
  if (r.warnings.length) {
    out.push("", p.bold("warnings"));
    for (const w of r.warnings) out.push(`  ${w}`);
  }
  out.push("", p.bold("versions"));
  for (const v of r.versions) {
    const current = v.id === r.versionId ? p.green(" (current)") : "";
    out.push(`  ${v.id}${current}  extractor ${v.extractorVersion}  first seen ${formatTime(v.firstSeen)}  last seen ${formatTime(v.lastSeen)}${v.failedChecks.length ? p.red(`  failed: ${v.failedChecks.join(",")}`) : ""}`);
    for (const c of v.captures) out.push(p.dim(`    ${c.url}  sha256 ${c.sha256}  ${c.size} bytes  fetched ${formatTime(c.fetchedAt)}`));
  }
  return out.join("\n") + "\n";
}
