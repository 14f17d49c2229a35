import type { Link } from "./types.ts";
import { linkHref, type Page } from "./page.ts";
import type { ModuleResult } from "./module.ts";
import { NOTHING } from "./module.ts";
import { PRIORITY } from "./links.ts";
import { clean, squash, yearLabel } from "./text.ts";
import { areaLabelScore, columnLabelScore, isExcluded, isReportTitle, mentionsReport } from "./relevance.ts";
import { columnShape, detailShape, documentShape } from "./url-shapes.ts";
import { columnUrlScore, areaUrlScore, yearFromColumnUrl, isUtilityUrl, isPagerUrl } from "./nav-shapes.ts";

// From a homepage or a 政务公开 area to the 年报 column: links scored by what they say
// (政府信息公开年报 …, also split by markup, or only in `title=`/`alt=`) and by URL shape
// (zfxxgknb, xxgknb, gknb, /nb/, ndbg; the area: zwgk, xxgk …). The column, when present,
// outranks the area; links to the 信息公开 host on another domain are kept (scope is the
// crawler's). On a 年报 column: its sub-columns by year (gknb2022/, 2022n/, 2022nb/, nb_2022n/,
// xz/2022/, "2022年度") and by kind of body (县政府 / 部门 / 乡镇街道 …), with year hints.

const BODY_KIND = /^(?:本级|[县区市旗]级?|[县区市旗]?直?)?(?:人民)?(?:政府|政府办|政府办公室|政府部门|部门|直属部门|直部门|直单位|单位|乡镇|乡镇街道|镇街|街道|乡|镇|乡镇[（(]街道[)）]|开发区|园区|管委会|乡镇人民政府|街道办事处)(?:年报|年度报告|信息公开年报)?$/;

export function navigation(page: Page): ModuleResult {
  if (page.kind !== "nav" && page.kind !== "column") return NOTHING;
  const { $ } = page;
  const links: Link[] = [];
  const columnDir = page.kind === "column" ? directoryOf(page.url) : undefined;
  $("a[href], area[href]").each((_, a) => {
    const el = $(a);
    const url = page.resolve(linkHref($, a));
    if (!url || isUtilityUrl(url) || documentShape(url)) return;
    const labels = [clean(el.text()), clean(el.attr("title")), clean(el.find("img[alt]").first().attr("alt")), clean(el.attr("alt"))].filter(Boolean);
    if (labels.some((l) => isExcluded(l))) return;
    const label = labels[0] ?? "";
    const link = page.kind === "nav" ? fromNav(url, labels, label) : subColumn(page, url, labels, label, columnDir);
    if (link) links.push(link);
  });
  if (page.kind === "nav") links.push(...frameLinks(page));
  return { links };
}

/** A framed homepage's frames, and iframes on the same host: pages the browser shows as part of this one. */
function frameLinks(page: Page): Link[] {
  const { $ } = page;
  const host = new URL(page.url).host;
  const links: Link[] = [];
  $("frame[src], iframe[src]").each((_, f) => {
    const url = page.resolve($(f).attr("src"));
    if (!url || isUtilityUrl(url) || documentShape(url)) return;
    if (f.type === "tag" && f.name === "iframe" && new URL(url).host !== host) return;
    links.push({ url, kind: "nav", family: "navigation", why: `${f.type === "tag" ? f.name : "frame"} of the page`, priority: PRIORITY.area });
  });
  return links;
}

function fromNav(url: string, labels: string[], label: string): Link | undefined {
  if (detailShape(url)) return undefined; // a report item, not a column: list-rows takes it
  const byText = Math.max(0, ...labels.map(columnLabelScore));
  const byUrl = columnShape(url) ? columnUrlScore(url) : 0; // the column itself, not any page under it
  const year = labels.map(yearLabel).find((y) => y !== undefined) ?? yearFromColumnUrl(url);
  // A report title or "2023年年报" linking to a list (…/2023/index.html): a year column.
  const yearReport = (l: string) => isReportTitle(l) || (yearLabel(l) !== undefined && mentionsReport(l));
  if (byText === 0 && labels.some(yearReport) && year !== undefined && columnShape(url)) {
    return { url, kind: "column", text: label, year, family: "navigation", why: `report title linking to a list`, priority: PRIORITY.column };
  }
  if (byText > 0 || byUrl > 0) {
    const score = Math.max(byText, byUrl);
    const why = byText >= byUrl ? `link text ${squash(labels.find((l) => columnLabelScore(l) === byText) ?? label)}` : `URL shape ${new URL(url).pathname}`;
    return { url, kind: "column", text: label, year, family: "navigation", why, priority: PRIORITY.column + Math.round(score / 10) };
  }
  const area = Math.max(0, ...labels.map(areaLabelScore));
  const areaUrl = areaUrlScore(url, label);
  if (area > 0 || areaUrl > 0) {
    const why = area >= areaUrl ? `area link text ${squash(label)}` : `area URL shape ${new URL(url).host}${new URL(url).pathname}`;
    return { url, kind: "nav", text: label, family: "navigation", why, priority: PRIORITY.area + Math.round(Math.max(area, areaUrl) / 10) };
  }
  return undefined;
}

function subColumn(page: Page, url: string, labels: string[], label: string, columnDir: string | undefined): Link | undefined {
  if (detailShape(url) || isPagerUrl(url, page.url)) return undefined;
  const year = labels.map(yearLabel).find((y) => y !== undefined) ?? yearFromColumnUrl(url);
  const under = columnDir !== undefined && url.startsWith(columnDir) && url.length > columnDir.length && squash(label).length <= 20;
  const kindOfBody = labels.some((l) => BODY_KIND.test(squash(l)));
  const columnLike = columnShape(url) || columnUrlScore(url) > 0;
  const yearText = labels.some((l) => yearLabel(l) !== undefined);
  if (yearText && (columnLike || under)) return column(url, label, year, "year sub-column");
  if (year !== undefined && yearFromColumnUrl(url) !== undefined && columnLike && !isReportTitle(label)) return column(url, label, year, "year sub-column (URL)");
  if (kindOfBody && (columnLike || under)) return column(url, label, year, "sub-column by kind of body");
  if (under && columnLike) return column(url, label, year, "sub-column under the column");
  // The column page's own navigation may name another 年报 column (a sibling year or the parent).
  if (columnLabelScore(label) > 0) return column(url, label, year, `link text ${squash(label)}`);
  return undefined;
}

function column(url: string, text: string, year: number | undefined, why: string): Link {
  return { url, kind: "column", text, year, family: "navigation", why, priority: PRIORITY.column };
}

/** The directory a column page lists (`…/zfxxgknb/index.html` → `…/zfxxgknb/`). */
function directoryOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    u.search = "";
    u.hash = "";
    return u.href.replace(/[^/]*$/, "");
  } catch {
    return undefined;
  }
}
