import type { DocumentText, ExtractHints } from "../document-text.ts";
import { ExtractError } from "../extract-error.ts";
import { MAX_UNZIPPED_BYTES } from "../limits.ts";
import { isCfb } from "../doc/cfb.ts";
import { isEncryptedOle } from "../doc/encrypted-ole.ts";
import { openZip, type BoundedZip } from "../zip/bounded-unzip.ts";
import { looksLikeZip } from "../zip/zip-directory.ts";
import { ZipError } from "../zip/zip-error.ts";
import { decodeXml } from "./decode-xml.ts";
import { readDocumentXml } from "./document-xml.ts";
import { listLabeler } from "./docx-lists.ts";
import { DEFAULT_MAIN_PART, mainPartFromRels } from "./main-part.ts";
import { renderBlocks } from "./text-blocks.ts";

// DOCX → canonical text: unzip (bounded) only the package relationships, the main document
// part and, for automatic list numbers, its numbering and styles parts; walk the XML, render
// paragraphs and tables. Headers, footers, notes and comments live in other parts and are not
// read.

const MB = MAX_UNZIPPED_BYTES / (1024 * 1024);

export function docxToText(bytes: Uint8Array, hints?: ExtractHints): DocumentText {
  const name = hints?.name ?? "document";
  if (isCfb(bytes)) {
    if (isEncryptedOle(bytes)) {
      throw new ExtractError(`${name}: DOCX is password-protected (encrypted); remove the password in Word (File › Info › Protect Document) and extract it again`);
    }
    throw new ExtractError(`${name}: not a DOCX but an OLE2 file (a legacy Word .doc?); extract it as DOC`);
  }
  if (!looksLikeZip(bytes)) throw new ExtractError(`${name}: not a DOCX (no zip signature); check that the download is complete and really a Word file`);

  try {
    const zip = openZip(bytes);
    const partName = mainPart(zip);
    const part = zip.find(partName);
    if (!part) {
      throw new ExtractError(`${name}: zip archive is not a Word document (no ${partName}); check that the file is a DOCX`);
    }
    const xml = decodeXml(zip.read(part));
    const warnings: string[] = [];
    const { blocks, textBoxes } = readDocumentXml(xml, listLabeler(zip, partName, warnings));
    if (textBoxes.length) warnings.push(`${textBoxes.length} text-box block(s) appended after the body`);
    return { format: "docx", text: renderBlocks([...blocks, ...textBoxes]), warnings };
  } catch (err) {
    if (!(err instanceof ZipError)) throw err;
    if (err.kind === "too-large") {
      throw new ExtractError(`${name}: DOCX expands beyond the ${MB} MB limit (zip bomb?); ${err.message} — refused without unpacking`);
    }
    if (err.kind === "unsupported") {
      throw new ExtractError(`${name}: DOCX cannot be unpacked (${err.message}); open it in Word and save it again as .docx`);
    }
    throw new ExtractError(`${name}: DOCX is damaged (${err.message}); download it again or re-save it in Word`);
  }
}

function mainPart(zip: BoundedZip): string {
  const rels = zip.find("_rels/.rels");
  if (rels && rels.uncompressedSize < 1024 * 1024) {
    const target = mainPartFromRels(decodeXml(zip.read(rels)));
    if (target && zip.find(target)) return target;
  }
  return DEFAULT_MAIN_PART;
}
