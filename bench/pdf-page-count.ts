/** Pages in a PDF written by pdfkit (uncompressed page dictionaries: one `/Type /Page` each). */
export function pdfPageCount(bytes: Uint8Array): number {
  return (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString("latin1").match(/\/Type\s*\/Page\b(?!s)/g) ?? []).length;
}
