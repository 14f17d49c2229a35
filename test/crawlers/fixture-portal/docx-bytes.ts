import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { renderDocx } from "../../fixtures/docx/make-docx-fixtures.ts";
import type { SyntheticReport } from "../../support/synthetic-report.ts";

// A synthetic report as a DOCX whose bytes depend on its content only: the docx package stamps
// the time of rendering into docProps/core.xml and the zip entries, which would give the same
// report a new ETag every time a portal starts.

const STAMP = "2024-01-20T08:00:00Z";

export async function stableDocx(report: SyntheticReport): Promise<Buffer> {
  const files = unzipSync(await renderDocx(report, {}));
  const core = strFromU8(files["docProps/core.xml"]).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*/g, `$1${STAMP}`);
  files["docProps/core.xml"] = strToU8(core);
  return Buffer.from(zipSync(files, { mtime: new Date(STAMP) }));
}
