// CSV per RFC 4180: a field is quoted when it holds a comma, quote, CR or LF (or starts or ends
// with a space), quotes doubled; null and undefined are empty fields (never 0); CRLF line ends.

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (fields: readonly (string | number | null | undefined)[]) => fields.map(csvField).join(",") + "\r\n";

/**
 * Reads RFC 4180 CSV: a field that starts with a quote may hold commas, line breaks and doubled
 * quotes; lines end with CRLF, LF or CR. Rows come as read (a final line break ends the last row,
 * blank lines are empty rows); `unclosed` says a quoted field ran to the end of the text.
 */
export function parseCsv(text: string): { rows: string[][]; unclosed: boolean } {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === "") quoted = true;
    else if (ch === ",") { row.push(field); field = ""; }
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  if (field !== "" || row.length > 0 || quoted) rows.push([...row, field]);
  return { rows, unclosed: quoted };
}
