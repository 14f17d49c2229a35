import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { expect } from "vitest";

// Every API answer checked against the OpenAPI document the server serves: the operation found
// by method and path template, the schema of the answered status compiled by Ajv (JSON Schema
// 2020-12, as OpenAPI 3.1 uses it, with formats). The document itself is checked against the
// official OpenAPI 3.1 schema by @seriousme/openapi-schema-validator.

type Doc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>> };

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export async function documentProblems(doc: unknown): Promise<unknown[]> {
  const result = await new Validator().validate(doc as Parameters<Validator["validate"]>[0]);
  return result.valid ? [] : (result.errors as unknown[]) ?? ["invalid"];
}

export function apiChecker(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc as object, "openapi.json");
  const templates = Object.keys(doc.paths).map((t) => ({ t, re: new RegExp(`^${t.replace(/\{[^}]+\}/g, "[^/]+")}$`) }));
  const seen = new Set<string>();
  return {
    seen,
    /** Fetches the answer's JSON and checks it against the document; returns the body. */
    async check(res: Response, method = "get"): Promise<any> {
      const url = new URL(res.url);
      const template = templates.find((x) => x.re.test(url.pathname))?.t;
      expect(template, `no path of the OpenAPI document matches ${url.pathname}`).toBeDefined();
      const op = doc.paths[template!][method];
      expect(op, `${method} ${template} is not in the document`).toBeDefined();
      const status = String(res.status);
      expect(Object.keys(op.responses), `status ${status} of ${template} is not documented`).toContain(status);
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      const body = await res.json();
      const pointer = `openapi.json#/paths/${template!.replace(/~/g, "~0").replace(/\//g, "~1")}/${method}/responses/${status}/content/application~1json/schema`;
      const validate = ajv.getSchema(pointer);
      expect(validate, `no schema at ${pointer}`).toBeDefined();
      const ok = validate!(body);
      expect(ok ? [] : validate!.errors, `${res.url} answered against its schema`).toEqual([]);
      seen.add(`${method} ${template} ${status}`);
      return body;
    },
  };
}
