// Run as a child process by long-documents.test.ts: reads the PDF named on the command line once
// and prints the process's peak resident set size, so that the measure is this PDF's alone.
import { readFileSync } from "node:fs";
import { pdfToText } from "../../../src/extract/pdf/pdf-to-text.ts";

const result = await pdfToText(new Uint8Array(readFileSync(process.argv[2]!)));
const maxRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ pages: result.pages, chars: result.text.length, maxRssMb }));
