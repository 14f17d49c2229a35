import { createHash } from "node:crypto";
import type { ReportRecord } from "../extract/report-record.ts";

// The identity of a version's content: sha256 of a canonical JSON of what the report says
// (agency, year, template, title, sections, values). Warnings, check wording and the extractor
// version are left out, so a new extractor that reads the same content makes no new version.

export interface VersionIdentity {
  agency: string;
  year: number;
}

function canonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
}

export function contentHash(record: ReportRecord, identity: VersionIdentity): string {
  const values = Object.fromEntries(Object.entries(record.values).filter(([, v]) => typeof v === "number" && Number.isFinite(v)));
  const content = {
    agency: identity.agency,
    year: identity.year,
    template: record.template,
    title: record.title,
    sections: record.sections.map((s) => ({ number: s.number, title: s.title, text: s.text })),
    values,
  };
  return createHash("sha256").update(canonical(content)).digest("hex");
}
