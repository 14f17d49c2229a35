import type { Findings, Link, PageInput } from "./types.ts";
import { buildPage, type Page } from "./page.ts";
import type { DiscoveryModule, ModuleResult } from "./module.ts";
import { mergeLinks } from "./links.ts";
import { collapse } from "./text.ts";
import { navigation } from "./navigation.ts";
import { genericList } from "./generic-list.ts";
import { attachments } from "./attachments.ts";
import { trs } from "./trs.ts";
import { trsApi } from "./trs-api.ts";
import { hanweb } from "./hanweb.ts";
import { jpaas } from "./jpaas.ts";
import { gkmlpt } from "./gkmlpt.ts";
import { ucap } from "./ucap.ts";
import { epoint } from "./epoint.ts";
import { aspnet } from "./aspnet.ts";
import { redirectTarget } from "./redirects.ts";
import { softNotFound } from "./soft-404.ts";
import { challengeReason } from "./challenge.ts";
import { jsonItemLinks, jsonList } from "./json-list.ts";

// One page in, what to fetch next out. Every family module looks at the page; their links are
// merged (deduplicated by URL + method + body, the highest priority kept, the page itself
// dropped). Pure: no network, no clock, no disk — the same input gives the same findings.

const PAGE_MODULES: DiscoveryModule[] = [navigation, trs, trsApi, hanweb, jpaas, gkmlpt, ucap, epoint, aspnet, genericList, attachments];
const API_MODULES: DiscoveryModule[] = [hanweb, jpaas, gkmlpt, trsApi];

export function discoverPage(input: PageInput): Findings {
  if (isDocumentBody(input)) return { links: [] };
  const page = buildPage(input);
  const results = input.kind === "list-api" ? apiResults(page) : PAGE_MODULES.map((m) => m(page));
  let links = mergeLinks(results.flatMap((r) => r.links), input.url);
  const notes = results.flatMap((r) => r.notes ?? []);
  const shown = Math.max(0, ...results.map((r) => r.rows ?? 0));
  if (input.kind === "list" && shown === 0 && links.some((l) => l.kind === "list")) {
    // Deep list pages can come back as tiny stubs that still carry the pager: not followed.
    links = links.filter((l) => l.kind !== "list");
    notes.push("list page shows no rows: its pager is not followed");
  }
  const findings: Findings = { links, encoding: page.encoding };

  const family = results.flatMap((r) => (r.family ? [r.family] : [])).sort((a, b) => b.evidence - a.evidence)[0];
  if (family) findings.family = family.name;
  const title = pageTitle(page);
  if (title) findings.title = title;
  const challenge = challengeReason(page);
  if (challenge) findings.challenge = challenge;
  const redirect = input.kind === "list-api" || challenge ? undefined : redirectTarget(page);
  if (redirect) findings.redirect = redirect;
  const notFound = input.kind === "list-api" || redirect || challenge ? undefined : softNotFound(page);
  if (notFound) findings.softNotFound = notFound;

  const declared = results.map((r) => r.declaredRecords).find((n) => n !== undefined);
  if (declared !== undefined) findings.declaredRecords = declared;
  const needs = results.map((r) => r.needsBrowser).find((s) => s !== undefined) ?? scriptOnlyList(page, results, links, declared, shown);
  if (needs && !notFound && !redirect && !challenge) findings.needsBrowser = needs;
  if (notes.length) findings.notes = notes;
  return findings;
}

/** A list-API answer: the module whose API it is; else any JSON list, else the answer as HTML rows. */
function apiResults(page: Page): ModuleResult[] {
  const results = API_MODULES.map((m) => m(page)).filter((r) => r.links.length || r.family || r.rows);
  if (results.length) return results;
  const json = page.json();
  if (json !== undefined) {
    const list = jsonList(json);
    const found = jsonItemLinks(page, list, "generic", true);
    return [{ links: found.links, rows: found.rows, declaredRecords: list.total }];
  }
  return [genericList(page), attachments(page)];
}

/**
 * A list that exists only once its scripts run: it declares more records than it shows (or shows
 * none and has client-side templates or requests) and offers no further page of itself and no
 * data source discovery could read. Links to other columns (sub-columns by kind of body or year,
 * a sidebar's siblings) do not continue this list: they are no reason to leave it unread.
 */
function scriptOnlyList(page: Page, results: ModuleResult[], links: Link[], declared: number | undefined, shown: number): string | undefined {
  if (page.kind !== "column" && page.kind !== "list") return undefined;
  if (results.some((r) => r.paged) || links.some((l) => l.kind === "list" || l.kind === "list-api")) return undefined;
  if (declared !== undefined && declared > shown) {
    return `list declares ${declared} records, shows ${shown}, and has no static next page or readable list API`;
  }
  if (shown === 0 && SCRIPT_BUILT.test(page.text)) {
    return "list shows no rows and builds them with scripts (template placeholders or an ajax call)";
  }
  return undefined;
}

/** Client-side templates (avalon, Vue, Angular, mustache-like placeholders) and script requests (jQuery, fetch, XHR, axios). */
const SCRIPT_BUILT = /\bms-repeat|\bv-for=|\{\{\s*[\w.]+\s*\}\}|\bng-repeat|\blayui\.laypage|\$\.(?:ajax|getJSON|post)\s*\(|\bfetch\s*\(\s*["'`\w]|\bnew\s+XMLHttpRequest\b|\baxios(?:\.(?:get|post))?\s*\(/;

/** The page's title as it states it: the article title meta, <ucaptitle>, an <h1>, else <title>. */
function pageTitle(page: Page): string | undefined {
  const { $ } = page;
  const candidates = [$('meta[name="ArticleTitle"]').attr("content"), $("ucaptitle").first().text(), $("h1").first().text(), $("title").first().text()];
  return candidates.map((c) => collapse(c)).find((c) => c.length > 0);
}

/** A document file (PDF, OLE, ZIP-based Office, OFD) needs no discovery. */
function isDocumentBody(input: PageInput): boolean {
  const b = input.bytes;
  const type = (input.contentType ?? "").toLowerCase();
  if (/application\/(?:pdf|msword|vnd\.|ofd|zip)/.test(type)) return true;
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return true; // %PDF
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return true; // OLE (doc, wps, xls)
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return true; // ZIP (docx, ofd)
  if (b[0] === 0x7b && b[1] === 0x5c && b[2] === 0x72 && b[3] === 0x74) return true; // {\rt (rtf)
  return false;
}
