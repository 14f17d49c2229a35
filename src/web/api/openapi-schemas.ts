// The JSON Schemas (2020-12, as OpenAPI 3.1 uses them) of the API's answers: components.schemas
// of /api/openapi.json. Tests validate every answer against them.

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const str = { type: "string" };
const nstr = { type: ["string", "null"] };
const id = { type: "string", pattern: "^[0-9]+$", description: "a database id (bigint, as a string)" };
const url = { type: "string", format: "uri" };
const time = { type: "string", format: "date-time" };
const ntime = { type: ["string", "null"], format: "date-time" };
const year = { type: "integer", minimum: 1990, maximum: 2100 };
const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ type: "object", required: Object.keys(properties), properties, additionalProperties: false, ...extra });
const list = (item: string) => obj({ items: { type: "array", items: ref(item) }, next_cursor: { type: ["string", "null"], description: "pass as cursor= for the next page; null on the last" } });
const piece = obj({ text: str, changed: { type: "boolean" } });
const checkState = { oneOf: [{ type: "null" }, obj({ ok: { type: "boolean" }, detail: str })] };

export const SCHEMAS = {
  Error: obj({ error: { type: "string", description: "what is wrong, in one line" }, detail: { description: "which parameter, candidates for an ambiguous agency, …" } }, { required: ["error"] }),
  Agency: obj({ id, name: str, region: nstr, html_url: url }),
  ReportSummary: obj({
    id, html_url: url, agency: ref("Agency"), year, template: { enum: ["2021", "2019", "none"] }, title: nstr, version_id: id,
    versions: { type: "integer", minimum: 1 }, failed_checks: { type: "array", items: str }, removed_at: ntime, source_url: nstr,
  }),
  ReportList: list("ReportSummary"),
  Check: obj({ rule: str, ok: { type: "boolean" }, detail: str }),
  Section: obj({ number: str, title: str, text: str }),
  Capture: obj({ id, url: str, final_url: nstr, sha256: { type: "string", pattern: "^[0-9a-f]{64}$" }, size: { type: "integer" }, fetched_at: time, origin: { enum: ["ingest", "crawl"] }, download_url: url }),
  Version: obj({
    id, html_url: url, extractor_version: str, template: str, content_hash: str, first_seen: time, last_seen: time,
    failed_checks: { type: "array", items: str }, captures: { type: "array", items: ref("Capture") },
  }),
  Report: obj({
    id, html_url: url,
    agency: obj({ id, name: str, region: nstr, html_url: url, region_code: nstr, level: nstr, portal_url: nstr }),
    year, title: nstr, template: str, source_url: nstr, first_seen: time, last_seen: time, removed_at: ntime,
    version_id: id, current_version_id: id, current: { type: "boolean", description: "whether version_id is the current version" },
    values: { type: "object", additionalProperties: { type: "number" }, description: "cell key → value; a cell the document does not show is absent (never 0)" },
    checks: { type: "array", items: ref("Check") }, warnings: { type: "array", items: str }, sections: { type: "array", items: ref("Section") },
    versions: { type: "array", items: ref("Version") },
  }),
  DiffSide: obj({ year, report_id: id, version_id: id, template: str, html_url: url }),
  Diff: obj({
    html_url: url, agency: ref("Agency"), before: ref("DiffSide"), after: ref("DiffSide"),
    cells: { type: "array", items: obj({ key: str, label: str, status: { enum: ["changed", "only_before", "only_after"] }, before: { type: ["number", "null"] }, after: { type: ["number", "null"] }, delta: { type: ["number", "null"] } }) },
    checks: { type: "array", items: obj({ rule: str, before: checkState, after: checkState }) },
    sections: { type: "array", items: obj({ number: str, title: str, status: { enum: ["same", "changed", "only_before", "only_after"] }, changes: { type: "array", items: obj({ line_before: { type: "integer" }, line_after: { type: "integer" }, before: { type: "array", items: piece }, after: { type: "array", items: piece } }) } }) },
  }),
  Value: obj({ report_id: id, html_url: url, agency: ref("Agency"), year, key: str, value: { type: "number" } }),
  ValueList: { ...list("Value"), required: ["key", "label", "items", "next_cursor"], properties: { key: str, label: str, ...list("Value").properties } },
  Hit: obj({ id, html_url: url, version_id: id, agency: ref("Agency"), year, title: nstr, rank: { type: "number" }, snippet: { oneOf: [{ type: "null" }, obj({ before: str, hit: str, after: str })] } }),
  HitList: {
    ...list("Hit"), required: ["query", "mode", "limited", "items", "next_cursor"],
    properties: {
      query: str, mode: { enum: ["phrase", "any", "substring"] },
      limited: { type: "boolean", description: "more than 1,000 reports hold every term of the query: the hits are the best of the newest 1,000 of them (narrow the search by year or region to rank them all)" },
      ...list("Hit").properties,
    },
  },
};
