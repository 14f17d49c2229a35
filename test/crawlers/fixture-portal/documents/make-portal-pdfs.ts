// Renders the fixture portals' PDF reports (documents/catalog.ts PDF_REPORTS) with the PDF
// fixtures' renderer, each beside an .expected.json. Run: npx node test/crawlers/fixture-portal/documents/make-portal-pdfs.ts
import { writeFileSync } from "node:fs";
import { renderPdf } from "../../../fixtures/pdf/make-pdf-fixtures.ts";
import { syntheticReport } from "../../../support/synthetic-report.ts";
import { PDF_REPORTS, SYNTHETIC } from "./catalog.ts";

for (const name of PDF_REPORTS) {
  const options = SYNTHETIC[name];
  const report = syntheticReport(options);
  const bytes = await renderPdf(report, { borders: "stroke", furniture: true });
  writeFileSync(new URL(`./${name}.pdf`, import.meta.url), bytes);
  const expected = { source: `synthetic seed ${options.seed}`, agency: report.agency, year: report.year, template: report.template, title: report.title, values: report.values };
  writeFileSync(new URL(`./${name}.expected.json`, import.meta.url), JSON.stringify(expected, null, 1) + "\n");
  console.log(`${name}.pdf ${bytes.length} bytes`);
}
