// CSV per RFC 4180: a field is quoted when it holds a comma, quote, CR or LF (or starts or ends
// with a space), quotes doubled; null and undefined are empty fields (never 0); CRLF line ends.

export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvLine = (fields: readonly (string | number | null | undefined)[]) => fields.map(csvField).join(",") + "\r\n";
