import type { ExtractHints } from "./document-text.ts";
import { extractDocument, type Extraction } from "./extract-document.ts";
import { ExtractError } from "./extract-error.ts";

/** Extraction that never throws for bad input: an ExtractError (or an extractor bug) becomes a reason. */
export async function tryExtract(bytes: Uint8Array, name: string, contentType?: string, context?: ExtractHints["context"]): Promise<Extraction | { reason: string }> {
  try {
    return await extractDocument(bytes, { name, contentType, context });
  } catch (err) {
    if (err instanceof ExtractError) return { reason: err.message };
    return { reason: `extractor failed: ${err instanceof Error ? err.message.split("\n")[0] : String(err)}` };
  }
}
