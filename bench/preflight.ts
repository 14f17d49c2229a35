import { existsSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { FONT } from "../test/fixtures/pdf/make-pdf-fixtures.ts";

// The tools the benchmark needs outside node_modules; a missing one stops it with the fix.

function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

export function requireTools(): void {
  if (!existsSync(FONT)) fail(`missing CJK font ${FONT} (needed to render the PDF corpus): apt-get install fonts-noto-cjk`);
  if (spawnSync("pdftotext", ["-v"]).error) fail("missing pdftotext (the PDF baseline): apt-get install poppler-utils");
}

/** Whether GNU time is there to measure another program's peak RSS. */
export function hasGnuTime(): boolean {
  return existsSync("/usr/bin/time") && spawnSync("/usr/bin/time", ["-f", "%M", "true"]).status === 0;
}
