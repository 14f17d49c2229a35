import type { HeaderList } from "./types.ts";

// Named header lines, as HTTP messages and WARC record headers both write them: `Name: value`,
// a line that starts with a space or tab continuing the value above it (obsolete folding).

/**
 * The fields of header lines (start line already removed). `what` names the header in the error
 * for a line without a name; WARC field names are trimmed, HTTP header names kept as sent.
 */
export function parseHeaderLines(lines: string[], what: "HTTP" | "WARC", options: { trimNames?: boolean } = {}): HeaderList {
  const fields: HeaderList = [];
  for (const line of lines) {
    if (/^[ \t]/.test(line) && fields.length > 0) {
      const last = fields[fields.length - 1]!;
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const colon = line.indexOf(":");
    if (colon <= 0) throw new Error(`${what} header line without a name: ${JSON.stringify(line.slice(0, 80))}`);
    const name = line.slice(0, colon);
    fields.push([options.trimNames ? name.trim() : name, line.slice(colon + 1).trim()]);
  }
  return fields;
}
