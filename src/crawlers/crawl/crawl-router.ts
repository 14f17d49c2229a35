import { createCheerioRouter } from "@crawlee/cheerio";
import { handleDocumentRequest } from "./handle-document.ts";
import { handlePage } from "./handle-page.ts";
import type { RunContext } from "./run-context.ts";

// Crawlee's router: one thin handler per kind of page (the label each request was queued with).
// Pages are read for links; detail pages and attachments are the candidates for reports.

export function crawlRouter(rc: RunContext) {
  const router = createCheerioRouter();
  for (const label of ["nav", "column", "list", "list-api"]) router.addHandler(label, ({ request }) => handlePage(rc, request));
  for (const label of ["detail", "attachment"]) router.addHandler(label, ({ request }) => handleDocumentRequest(rc, request));
  router.addDefaultHandler(({ request }) => handlePage(rc, request));
  return router;
}
