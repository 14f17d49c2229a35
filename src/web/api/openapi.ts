import { SCHEMAS } from "./openapi-schemas.ts";

// The API's description, served at /api/openapi.json (OpenAPI 3.1).

const p = (name: string, description: string, schema: Record<string, unknown> = { type: "string" }, required = false) =>
  ({ name, in: "query", required, description, schema });
const path = (name: string, description: string) => ({ name, in: "path", required: true, description, schema: { type: "string", pattern: "^[0-9]+$" } });
const json = (schema: string, description: string) => ({ description, content: { "application/json": { schema: { $ref: `#/components/schemas/${schema}` } } } });
const errors = {
  "400": json("Error", "a malformed parameter (named in detail.parameter), or an agency name that fits several (detail.candidates)"),
  "404": json("Error", "no such report, version or agency"),
  "503": json("Error", "the database did not answer in time, or could not be reached"),
};
const ok = (schema: string, description: string) => ({ "200": json(schema, description), "304": { description: "not modified (If-None-Match matched the ETag)" }, ...errors });

const YEAR = p("year", "the year reported on", { type: "integer", minimum: 1990, maximum: 2100 });
const REGION = p("region", "a part of the agency's region (e.g. 吕梁市)", { type: "string", maxLength: 100 });
const AGENCY = p("agency", "an agency id, its exact name, or a unique part of its name", { type: "string", maxLength: 100 });
const CURSOR = p("cursor", "next_cursor of the previous page");
const LIMIT = p("limit", "page size", { type: "integer", minimum: 1, maximum: 100, default: 50 });
const TEMPLATE = p("template", "the national table format", { enum: ["2021", "2019", "none"] });
const FAILED = p("failed_checks", "'any': reports failing some accounting identity; or one rule name (e.g. requests.balance)");

export function openApiDocument(serverUrl: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "nianbao: 政府信息公开工作年度报告档案 API",
      version: "1",
      description: "The archive's reports, versions, values and text, read-only. Lists answer {items, next_cursor}; pass next_cursor back as cursor= for the next page. Every answer carries an ETag (send If-None-Match for a 304). Errors are {error, detail}.",
    },
    servers: [{ url: serverUrl }],
    paths: {
      "/api/reports": { get: { operationId: "listReports", summary: "reports (current versions), by agency name, year, id", parameters: [YEAR, REGION, AGENCY, TEMPLATE, FAILED, CURSOR, LIMIT], responses: ok("ReportList", "a page of reports") } },
      "/api/reports/{id}": { get: { operationId: "getReport", summary: "one report: its current record, checks, sections, and every version with its captures", parameters: [path("id", "report id")], responses: ok("Report", "the report") } },
      "/api/reports/{id}/versions/{version}": { get: { operationId: "getReportVersion", summary: "a version of a report (current or past), as its record was", parameters: [path("id", "report id"), path("version", "version id")], responses: ok("Report", "the report as of that version") } },
      "/api/diff": {
        get: {
          operationId: "diff", summary: "two years of one agency (agency, from, to: years), or two versions of one report (report, from, to: version ids): changed cells with deltas, checks whose status changed, text changes",
          parameters: [AGENCY, p("report", "a report id (then from and to are version ids)", { type: "string", pattern: "^[0-9]+$" }), p("from", "year (or version id)", { type: "string" }, true), p("to", "year (or version id)", { type: "string" }, true)],
          responses: ok("Diff", "what changed"),
        },
      },
      "/api/values": { get: { operationId: "values", summary: "one cell key across agencies (current versions), long form", parameters: [p("key", "a cell key, e.g. requests.new.total", { type: "string" }, true), YEAR, REGION, TEMPLATE, CURSOR, LIMIT], responses: ok("ValueList", "a page of values") } },
      "/api/search": { get: { operationId: "search", summary: "full-text search (Chinese-aware) over the current versions, best first, with the text around each hit", parameters: [p("q", "the words to find", { type: "string", maxLength: 200 }, true), YEAR, REGION, TEMPLATE, FAILED, CURSOR, LIMIT], responses: ok("HitList", "a page of hits") } },
    },
    components: { schemas: SCHEMAS },
  };
}
