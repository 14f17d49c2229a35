import type { DocumentContext, DocumentMeta } from "../document-text.ts";
import { bodyName, completes, isBodyOrPlace, isZoneName, ORG_SUFFIX, sameBody, squashName } from "./body-name.ts";
import type { Row } from "./rows.ts";
import { signature } from "./signature.ts";
import { findBodyTitle } from "./title-lines.ts";
import { nameInTitle, plausibleYear, reportSegment, withoutSiteName, yearIn } from "./title-name.ts";

// Title, issuing body and reported year, each from the strongest evidence the document states,
// in the order docs/metadata.md gives; the record says which evidence each came from. A name is
// never composed beyond the one safe rule (a government's place → its 人民政府, a 街道 → its
// 办事处); when nothing states the body, the agency stays null.

export interface MetadataInput {
  meta?: DocumentMeta;
  context?: DocumentContext;
}

export interface Metadata {
  title: string | null;
  agency: string | null;
  year: number | null;
  /** Where each field came from (docs/metadata.md lists the values). */
  evidence: { title?: string; agency?: string; year?: string };
  /** Every name of the issuing body the document states, distinct, longest first. */
  names: string[];
  warnings: string[];
  /** The title of a notice or 函 the document opens with, if it opens with one. */
  notice: string | null;
  /** The titles the page states for the document (article title, <title>'s report segment). */
  pageTitles: string[];
}

interface Stated { text: string; evidence: string }

/** A name in a page field (来源：…, 发布机构：…), if it is one. */
function fieldName(value: string | undefined): string | null {
  const n = value === undefined ? "" : squashName(value).replace(/[。．.,，;；]+$/, "");
  return isBodyOrPlace(n) ? n : null;
}

/** The year of the statistics period the text states (2023年1月1日至…), if it states one. */
function periodYear(text: string): number | null {
  const m = text.replace(/[ \t]+/g, "").match(/((?:19|20)\d{2})年1月1日起?[至到—\-~－]/);
  return m && plausibleYear(Number(m[1])) ? Number(m[1]) : null;
}

/** The zone's 管委会 as the text writes it (青峰经济开发区管理委员会), if the text names it. */
function zoneBody(zone: string, text: string): string | null {
  const m = text.replace(/[ \t\u3000]+/g, "").match(new RegExp(`${zone.replace(/[()（）]/g, ".")}(?:党工委)?(?:管理委员会|管委会)`));
  return m ? m[0] : null;
}

export function readMetadata(rows: Row[], text: string, input: MetadataInput = {}): Metadata {
  const meta = input.meta ?? {};
  const context = input.context ?? {};
  const warnings: string[] = [];
  const body = findBodyTitle(rows);
  // A first line the HTML extractor took from <title> is the page's statement, not the body's.
  const bodyEvidence = body && meta.addedTitle === "page_title" && body.start === 0 ? "page_title" : body?.how ?? "title";

  const titles: Stated[] = [];
  if (body) titles.push({ text: withoutSiteName(body.title), evidence: bodyEvidence });
  if (meta.articleTitle?.trim()) titles.push({ text: withoutSiteName(meta.articleTitle.trim()), evidence: "article_title" });
  const segment = meta.pageTitle ? reportSegment(meta.pageTitle) : null;
  if (segment) titles.push({ text: segment, evidence: "page_title" });
  const contextTitle = context.title?.trim() ? { text: withoutSiteName(context.title.trim()), evidence: "context" } : null;

  // The report's title: the first that names both body and year, else the first with a year, else the first.
  const title = titles.find((t) => yearIn(t.text) !== null && nameInTitle(t.text) !== null)
    ?? titles.find((t) => yearIn(t.text) !== null) ?? titles[0] ?? contextTitle;
  const year = readYear(titles, contextTitle, text, warnings);

  // Names the document states, strongest first: its title's, the line over the title, a title
  // printed again, the page's titles, the signature, a zone's 管委会 in the text, the page's 来源
  // and 发布机构 fields.
  const titleNames = titles.flatMap((t) => { const n = nameInTitle(t.text); return n ? [{ text: n, evidence: t.evidence }] : []; });
  const stated: Stated[] = [];
  const before = body?.before ? squashName(body.before) : "";
  if (isBodyOrPlace(before)) stated.push({ text: before, evidence: bodyEvidence });
  for (const other of body?.others ?? []) { const n = nameInTitle(other); if (n) stated.push({ text: n, evidence: bodyEvidence }); }
  stated.push(...titleNames.slice(1));
  const signed = signature(rows);
  if (signed) stated.push({ text: signed, evidence: "signature" });
  // A zone's report names its 管委会 in its text more often than in its title.
  const zone = titleNames[0] && isZoneName(titleNames[0].text) ? zoneBody(titleNames[0].text, text) : null;
  if (zone) stated.push({ text: zone, evidence: "text" });
  const source = fieldName(meta.contentSource);
  if (source) stated.push({ text: source, evidence: "content_source" });
  const publisher = fieldName(meta.publisher);
  if (publisher) stated.push({ text: publisher, evidence: "publisher" });

  let agency = chooseAgency(titleNames[0] ?? null, stated);
  const contextNames: Stated[] = [];
  if (!agency) {
    const fromTitle = contextTitle ? nameInTitle(contextTitle.text) : null;
    const linked = fieldName(context.publisher);
    if (fromTitle) contextNames.push({ text: fromTitle, evidence: "context" });
    if (linked) contextNames.push({ text: linked, evidence: "context" });
    agency = chooseAgency(contextNames[0] ?? null, contextNames.slice(fromTitle ? 1 : 0));
  }
  if ((agency?.evidence === "content_source" || agency?.evidence === "publisher") && titleNames.length === 0) {
    warnings.push(`agency from the page's ${agency.evidence === "publisher" ? "发布机构" : "来源"} field: the report itself does not name its body`);
  } else if (agency?.evidence === "context") {
    warnings.push("agency from the page that linked the document: the document itself does not name its body");
  }
  if (title?.evidence === "context") warnings.push("title from the page that linked the document: the document itself states none");

  const names = agency ? nameList(agency.text, [...titleNames, ...stated, ...contextNames]) : [];
  const evidence: Metadata["evidence"] = {};
  if (title) evidence.title = title.evidence;
  if (agency) evidence.agency = agency.evidence;
  if (year) evidence.year = year.evidence;
  conflicts(titles, agency?.text ?? null, warnings);
  return {
    title: title?.text ?? null,
    agency: agency?.text ?? null,
    year: year?.value ?? null,
    evidence,
    names,
    warnings,
    notice: body?.notice ?? null,
    pageTitles: titles.filter((t) => t.evidence === "article_title" || t.evidence === "page_title").map((t) => t.text),
  };
}

/**
 * The agency: the first title's body — as named, or completed by a stated name that adds only a
 * place before it and its body's ending after it (西安镇 → 海原县西安镇人民政府; 青峰经济开发区 →
 * 青峰经济开发区管理委员会), or by the one safe rule. Without a title's name, the first stated name.
 */
function chooseAgency(titleName: Stated | null, stated: Stated[]): Stated | null {
  if (titleName) {
    const raw = titleName.text;
    if (ORG_SUFFIX.test(raw)) return titleName;
    const composed = { text: bodyName(raw), evidence: titleName.evidence };
    // A stated name that says no more than the safe rule confirms the title's evidence; it does not replace it.
    const fuller = stated.find((s) => s.text !== raw && s.text !== composed.text && completes(s.text, raw));
    return fuller ?? composed;
  }
  const first = stated[0];
  return first ? { text: bodyName(first.text), evidence: first.evidence } : null;
}

function readYear(titles: Stated[], contextTitle: Stated | null, text: string, warnings: string[]): { value: number; evidence: string } | null {
  const period = periodYear(text);
  for (const t of titles) {
    const y = yearIn(t.text);
    if (y === null) continue;
    if (period !== null && period !== y) warnings.push(`the title says ${y} but the statistics period ${period}: the title's year kept`);
    return { value: y, evidence: t.evidence };
  }
  if (period !== null) return { value: period, evidence: "period" };
  const y = contextTitle ? yearIn(contextTitle.text) : null;
  if (y === null) return null;
  warnings.push("reported year from the page that linked the document: the document itself states none");
  return { value: y, evidence: "context" };
}

/** The names of the agency's body among those stated (a title's place taken as its body), longest first. */
function nameList(agency: string, stated: Stated[]): string[] {
  const all = [agency, ...stated.map((s) => bodyName(s.text))].filter((n) => sameBody(agency, n));
  return [...new Set(all)].sort((a, b) => b.length - a.length);
}

/** Warns when the page's titles name another year or body than the document's title does. */
function conflicts(titles: Stated[], agency: string | null, warnings: string[]): void {
  const [own, ...page] = titles;
  if (!own || own.evidence === "article_title" || own.evidence === "page_title") return;
  for (const t of page) {
    const label = t.evidence === "article_title" ? "article title" : "<title>";
    const y = yearIn(t.text);
    if (y !== null && yearIn(own.text) !== null && y !== yearIn(own.text)) warnings.push(`the page's ${label} says ${y}, the report's title ${yearIn(own.text)}`);
    const n = nameInTitle(t.text);
    if (n && agency && !sameBody(agency, bodyName(n))) warnings.push(`the page's ${label} names ${bodyName(n)}, the report ${agency}`);
  }
}
