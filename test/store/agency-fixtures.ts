import type { Kysely } from "kysely";
import type { Database } from "../../src/store/database.ts";
import { archiveDocument, tryExtract, type IngestResult } from "../../src/store/ingest-document.ts";
import { canonicalText, syntheticReport } from "../support/synthetic-report.ts";
import { CARRIED_OVER_ROW, setCell } from "./read-side-fixtures.ts";

// Synthetic reports filed under a given spelling, optionally with the other names the document
// gives the body (record.source.names, as the extractor reports them) and a caller's region:
// for the identity tests.

export interface Spelled {
  seed: number;
  agency: string;
  year: number;
  names?: string[];
  region?: string;
  regionCode?: string;
  /** This year's 上年结转 row (table 三), to make consecutive years agree. */
  carriedOver?: number[];
  fetchedAt?: Date;
}

export type Archived = Extract<IngestResult, { status: "new" | "unchanged" }> & { values: Record<string, number> };

export const COLUMNS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other", "total"];

export async function ingestSpelled(db: Kysely<Database>, s: Spelled): Promise<Archived> {
  const report = syntheticReport({ seed: s.seed, agency: s.agency, year: s.year });
  let text = canonicalText(report);
  if (s.carriedOver) text = s.carriedOver.reduce((t, v, i) => setCell(t, CARRIED_OVER_ROW, 3 + i, v), text);
  const bytes = new TextEncoder().encode(text);
  const extraction = await tryExtract(bytes, "report.txt");
  if ("reason" in extraction) throw new Error(extraction.reason);
  if (s.names) extraction.record.source = { ...extraction.record.source!, names: s.names };
  const result = await archiveDocument(db, {
    bytes, url: `https://example.gov.cn/${encodeURIComponent(s.agency)}/${s.year}-${s.seed}.html`,
    fetchedAt: s.fetchedAt ?? new Date("2024-03-01T00:00:00Z"), origin: "crawl", region: s.region, regionCode: s.regionCode,
  }, extraction);
  if (result.status === "skipped") throw new Error(`skipped: ${result.reason}`);
  return { ...result, values: report.values };
}

/** Last year's carried_forward row of a report: next year's carried_over when they agree. */
export const forwardOf = (a: Archived) => COLUMNS.map((c) => a.values[`requests.carried_forward.${c}`]);
