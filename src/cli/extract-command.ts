import { parseArgs } from "node:util";
import { extractDocument } from "../extract/extract-document.ts";
import { describeError, UserError } from "./fail.ts";
import { readInput } from "./read-input.ts";

export const EXTRACT_USAGE = `usage: nianbao extract PATH|URL|- [more …] [--json | --text]

Reads annual-report documents (PDF, DOCX, DOC, RTF, HTML, text; detected from the bytes) and prints
the report record as JSON (--json, the default) or the canonical text (--text).
'-' reads standard input. With several inputs, one JSON record per line.`;

/** Runs `nianbao extract`; returns the exit code. */
export async function extractCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { json: { type: "boolean" }, text: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  if (values.help) { console.log(EXTRACT_USAGE); return 0; }
  if (positionals.length === 0) throw new UserError(`extract: no input given\n${EXTRACT_USAGE}`, 2);
  if (values.json && values.text) throw new UserError("extract: choose one of --json and --text", 2);
  const several = positionals.length > 1;
  let failed = 0;
  for (const arg of positionals) {
    try {
      const input = await readInput(arg);
      const { document, record } = await extractDocument(input.bytes, { name: input.name, contentType: input.contentType });
      if (values.text) {
        if (several) process.stdout.write(`==> ${input.name} <==\n`);
        process.stdout.write(document.text);
        for (const w of document.warnings) process.stderr.write(`nianbao: ${input.name}: ${w}\n`);
      } else {
        process.stdout.write(several ? `${JSON.stringify({ input: input.name, ...record })}\n` : `${JSON.stringify(record, null, 2)}\n`);
      }
    } catch (err) {
      failed++;
      process.stderr.write(`nianbao: ${describeError(err)}\n`);
      if (process.env.NIANBAO_DEBUG) console.error(err);
    }
  }
  return failed ? 1 : 0;
}
