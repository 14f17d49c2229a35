import { TextDecoder } from "node:util";
import { Parser } from "htmlparser2";
import { FIXTURES } from "../test/fixtures/html/make-html-fixtures.ts";
import type { CorpusEntry } from "./corpus-plan.ts";

// The HTML floor: decode the bytes with the charset known in advance (no detection) and run
// htmlparser2's tokenizer over the page with no handlers — what any HTML extractor pays at least.

const decoders = new Map<string, TextDecoder>();

function decoderFor(entry: CorpusEntry): TextDecoder {
  const encoding = entry.kind === "html" ? (FIXTURES.find((f) => f.file === entry.style)?.encoding ?? "utf-8") : "utf-8";
  const label = encoding === "utf-8" ? "utf-8" : "gb18030";
  let decoder = decoders.get(label);
  if (!decoder) decoders.set(label, (decoder = new TextDecoder(label)));
  return decoder;
}

/** Wall time of decoding and parsing one page, in ms. */
export function bareParseMs(entry: CorpusEntry, _path: string, bytes: Buffer): number {
  const start = performance.now();
  new Parser({}).end(decoderFor(entry).decode(bytes));
  return performance.now() - start;
}
