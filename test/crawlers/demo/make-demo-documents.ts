// Renders the demo portal's attachments (src/crawlers/demo/site/) from the demo's own report
// models (src/crawlers/demo/demo-site.ts), with the fixtures' PDF and DOCX renderers.
// Run: npx node test/crawlers/demo/make-demo-documents.ts (needs the CJK font the PDF renderer names).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { attachmentFile } from "../../../src/crawlers/demo/demo-data.ts";
import { demoReports } from "../../../src/crawlers/demo/demo-site.ts";
import { renderPdf } from "../../fixtures/pdf/make-pdf-fixtures.ts";
import { stableDocx } from "../fixture-portal/docx-bytes.ts";

const SITE = fileURLToPath(new URL("../../../src/crawlers/demo/site/", import.meta.url));

for (const { spec, report } of demoReports()) {
  if (spec.format === "html") continue;
  const bytes = spec.format === "pdf" ? await renderPdf(report, { borders: "stroke", furniture: true }) : await stableDocx(report);
  writeFileSync(join(SITE, attachmentFile(spec)), bytes);
  console.log(`${attachmentFile(spec)} ${bytes.length} bytes — ${report.title}`);
}
