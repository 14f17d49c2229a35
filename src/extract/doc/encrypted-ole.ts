import { CfbError, isCfb, readCfb } from "./cfb.ts";

// Password protection, as the kind detector and the DOC/DOCX extractors see it:
// an encrypted DOCX (or XLSX, PPTX) is an OLE2 container holding `EncryptedPackage`
// ([MS-OFFCRYPTO]); an encrypted DOC is an OLE2 `WordDocument` whose FIB has fEncrypted set.

/** Whether the bytes are an OLE2 container that holds a password-protected Office document. */
export function isEncryptedOle(bytes: Uint8Array): boolean {
  if (!isCfb(bytes)) return false;
  try {
    const cfb = readCfb(bytes);
    if (cfb.entries.some((e) => e.name === "EncryptedPackage" || e.name === "EncryptionInfo")) return true;
    const word = cfb.stream("WordDocument");
    return word !== undefined && word.length >= 12 && isFibEncrypted(word);
  } catch (err) {
    if (err instanceof CfbError) return false;
    throw err;
  }
}

/** FibBase.fEncrypted (bit 8 of the flags word at offset 0x0A). */
export function isFibEncrypted(wordDocument: Uint8Array): boolean {
  if ((wordDocument[0] | (wordDocument[1] << 8)) !== 0xa5ec) return false;
  return ((wordDocument[0x0a] | (wordDocument[0x0b] << 8)) & 0x0100) !== 0;
}
