import type { BoundedZip } from "../zip/bounded-unzip.ts";
import { ZipError } from "../zip/zip-error.ts";
import { decodeXml } from "./decode-xml.ts";
import { createListLabeler, type ListLabeler } from "./list-labels.ts";
import { readNumbering } from "./numbering.ts";
import { partRelationships, relsPathOf } from "./part-rels.ts";
import { readStyles } from "./styles.ts";

// Finds the main part's list definitions (numbering.xml) and styles (styles.xml) through its
// relationships, reads them through the bounded zip, and returns the labeler that writes the
// automatic paragraph numbers. A document without lists, or whose list parts are damaged or
// oversized, gets no labeler (its text is still read, with a warning).

/** Larger list or style parts are skipped: real ones are well under 1 MB. */
export const MAX_LIST_PART_BYTES = 16 * 1024 * 1024;

export function listLabeler(zip: BoundedZip, mainPart: string, warnings: string[]): ListLabeler | undefined {
  const dir = mainPart.slice(0, mainPart.lastIndexOf("/") + 1);
  let rels = new Map<string, string>();
  const read = (name: string | undefined): string | undefined => {
    const entry = name === undefined ? undefined : zip.find(name);
    if (!entry) return undefined;
    if (entry.uncompressedSize > MAX_LIST_PART_BYTES) {
      warnings.push(`${entry.name} is larger than ${MAX_LIST_PART_BYTES / (1024 * 1024)} MB and was skipped; automatic list numbers may be missing`);
      return undefined;
    }
    try {
      return decodeXml(zip.read(entry));
    } catch (err) {
      if (!(err instanceof ZipError)) throw err;
      warnings.push(`${entry.name} unreadable (${err.message}) and was skipped; automatic list numbers may be missing`);
      return undefined;
    }
  };
  const relsXml = read(relsPathOf(mainPart));
  if (relsXml !== undefined) rels = partRelationships(relsXml, mainPart);
  const numberingXml = read(rels.get("numbering") ?? `${dir}numbering.xml`);
  if (numberingXml === undefined) return undefined;
  const numbering = readNumbering(numberingXml);
  if (!numbering.instances.size) return undefined;
  const stylesXml = read(rels.get("styles") ?? `${dir}styles.xml`);
  return createListLabeler(numbering, stylesXml === undefined ? undefined : readStyles(stylesXml));
}
