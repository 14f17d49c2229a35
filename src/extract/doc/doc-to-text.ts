import WordExtractor from "word-extractor";
import type { DocumentText, ExtractHints } from "../document-text.ts";
import { ExtractError } from "../extract-error.ts";
import { collapseCellText } from "../docx/cell-text.ts";
import { renderBlocks, type TextBlock } from "../docx/text-blocks.ts";
import { looksLikeZip } from "../zip/zip-directory.ts";
import { CfbError, isCfb, readCfb } from "./cfb.ts";
import { readDocBody } from "./doc-body.ts";
import { isEncryptedOle } from "./encrypted-ole.ts";
import { DocFormatError } from "./fib.ts";

// Legacy Word (97–2003 .doc) → canonical text. The body is read by our own reader of the piece
// table and paragraph properties, which keeps the table geometry; word-extractor's plain body
// text is the fallback when that reader meets a structure it does not understand (tables then
// come out as runs of tab-separated cells, without their grid).

export async function docToText(bytes: Uint8Array, hints?: ExtractHints): Promise<DocumentText> {
  const name = hints?.name ?? "document";
  if (looksLikeZip(bytes)) throw new ExtractError(`${name}: not a legacy .doc but a zip file (a DOCX?); extract it as DOCX`);
  if (!isCfb(bytes)) throw new ExtractError(`${name}: not a Word 97–2003 document (no OLE2 signature); check that the download is complete and really a .doc`);
  if (isEncryptedOle(bytes)) {
    throw new ExtractError(`${name}: DOC is password-protected (encrypted); remove the password in Word (File › Info › Protect Document) and extract it again`);
  }
  let wd: Uint8Array | undefined;
  let cfb: ReturnType<typeof readCfb>;
  try {
    cfb = readCfb(bytes);
    wd = cfb.stream("WordDocument");
  } catch (err) {
    if (err instanceof CfbError) throw new ExtractError(`${name}: DOC is damaged (${err.message}); download it again or re-save it in Word`);
    throw err;
  }
  if (!wd) throw new ExtractError(`${name}: OLE2 file without a WordDocument stream (an Excel or PowerPoint file?); check that it is a Word .doc`);

  const warnings: string[] = [];
  let blocks: TextBlock[];
  try {
    blocks = readDocBody(wd, (s) => cfb.stream(s));
  } catch (err) {
    // Any failure of our reader (a structure it does not expect) falls back to word-extractor.
    if (err instanceof ExtractError || !(err instanceof Error)) throw err;
    const why = err instanceof DocFormatError || err instanceof CfbError ? err.message : `${err.name}: ${err.message}`;
    warnings.push(`DOC table structure not recovered (${why}); text read with word-extractor`);
    blocks = await fallbackBlocks(bytes, name);
  }
  const text = renderBlocks(blocks);
  if (!text.trim()) warnings.push("DOC has no text in its main document");
  return { format: "doc", text, warnings };
}

async function fallbackBlocks(bytes: Uint8Array, name: string): Promise<TextBlock[]> {
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = doc.getBody({ filterUnicode: false });
  } catch (err) {
    throw new ExtractError(`${name}: DOC is damaged or not a Word document (${(err as Error).message}); open it in Word and save it again`);
  }
  // word-extractor ends each cell with a tab and most rows with "\t\n".
  return body.split("\n").map((line): TextBlock => line.includes("\t")
    ? { type: "table", rows: [line.replace(/\t$/, "").split("\t").map(collapseCellText)] }
    : { type: "paragraph", text: line });
}
