import { vi } from "vitest";
import type { Kysely } from "kysely";
import type { Database } from "../../src/store/database.ts";
import { ingestDocument, type IngestResult } from "../../src/store/ingest-document.ts";
import { canonicalText, syntheticReport, type SyntheticOptions } from "../support/synthetic-report.ts";

// Helpers for the read-side tests (reports, show, diff, history, search, export, check):
// synthetic reports ingested through ingestDocument, one-cell edits, and stdout capture for
// running a command in-process.

export interface SyntheticIngest extends SyntheticOptions {
  /** Edits the canonical text before ingesting (e.g. setCell). */
  edit?: (text: string) => string;
  fetchedAt?: Date;
  url?: string;
}

export async function ingestSynthetic(db: Kysely<Database>, opts: SyntheticIngest): Promise<IngestResult & { values: Record<string, number> }> {
  const report = syntheticReport(opts);
  const text = (opts.edit ?? ((t) => t))(canonicalText(report));
  const result = await ingestDocument(db, {
    bytes: new TextEncoder().encode(text),
    url: opts.url ?? `https://example.gov.cn/${encodeURIComponent(report.agency)}/${report.year}-${opts.seed}.txt`,
    contentType: "text/plain; charset=utf-8",
    fetchedAt: opts.fetchedAt ?? new Date("2024-03-01T00:00:00Z"),
    origin: "crawl",
  });
  if (result.status === "skipped") throw new Error(`synthetic report skipped: ${result.reason}`);
  return { ...result, values: report.values };
}

/** Sets slot `index` of the table row whose first cell starts with `label` (canonical text). */
export function setCell(text: string, label: string, index: number, value: string | number): string {
  const lines = text.split("\n");
  const i = lines.findIndex((l) => l.startsWith(label));
  if (i < 0) throw new Error(`no row starting with ${label}`);
  const cells = lines[i].split("\t");
  cells[index] = String(value);
  lines[i] = cells.join("\t");
  return lines.join("\n");
}

/** Row 一 of table 三: label in slot 0 (spanning 3), applicant columns from slot 3. */
export const NEW_ROW = "一、本年新收政府信息公开申请数量";
export const CARRIED_OVER_ROW = "二、上年结转政府信息公开申请数量";

/** Runs fn with process.stdout/stderr captured; returns its result and what it wrote. */
export async function capture<T>(fn: () => Promise<T>): Promise<{ result: T; stdout: string; stderr: string }> {
  let stdout = "", stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => { stdout += String(chunk); return true; });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => { stderr += String(chunk); return true; });
  const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => { stdout += `${args.join(" ")}\n`; });
  try {
    return { result: await fn(), stdout, stderr };
  } finally {
    out.mockRestore(); err.mockRestore(); log.mockRestore();
  }
}
