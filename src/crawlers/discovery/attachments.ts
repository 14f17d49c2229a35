import type { CheerioAPI } from "cheerio/slim";
import type { Element } from "domhandler";
import type { Link } from "./types.ts";
import { linkHref, type Page } from "./page.ts";
import type { ModuleResult } from "./module.ts";
import { PRIORITY } from "./links.ts";
import { clean, yearIn } from "./text.ts";
import { documentShape, nameExtension } from "./url-shapes.ts";
import { isExcludedFile, isReportTitle, mentionsReport } from "./relevance.ts";
import { scriptAnchors, scriptDocumentPaths } from "./script-links.ts";

// Attachments: document files linked from a page — by extension (.pdf .doc .docx .wps .rtf .ofd,
// .xls/.xlsx only when named like a report) or by a download endpoint (downfile.jsp, download.jsp,
// DownLoad.aspx?…, fileDownload …) — including links written by scripts and PDFs embedded in
// viewers (<iframe src>, <embed>, pdf.js `viewer.html?file=`). The name a link states (text,
// `title`, `alt`; `点击下载` is no name) becomes `fileName`.

const GENERIC_NAME = /^(?:点击)?(?:下载|查看|浏览|打开|预览)(?:附件|文件|原文|全文)?(?:\s*[（(].*[)）])?$|^附件\d*[:：]?$|^(?:附件)?(?:下载|查看)$|^(?:pdf|doc|docx|word|原文|全文|here)$/i;

/** The name a link states for its file, if it states one. */
export function statedName($: CheerioAPI, a: Element): string | undefined {
  const el = $(a);
  const candidates = [el.attr("title"), el.attr("alt"), el.find("img[alt]").first().attr("alt"), el.attr("download"), el.text()].map((s) => clean(s));
  // A name with an extension first (title="年报.pdf" beats text "点击下载"), then any non-generic one.
  return candidates.find((c) => c && nameExtension(c) && !GENERIC_NAME.test(c)) ?? candidates.find((c) => c && c.length >= 2 && !GENERIC_NAME.test(c) && !/^\d+$/.test(c));
}

export interface AttachmentContext {
  /** Every document here is a candidate (a report's page, a 年报 column). */
  takeAll: boolean;
  family: string;
  /** The title of the item the link belongs to (a list row, a gkmlpt article), if known. */
  itemTitle?: string;
}

/** An attachment link for `url` named `name`, or undefined when it is not a candidate. */
export function attachmentLink(url: string, name: string | undefined, ctx: AttachmentContext, why: string): Link | undefined {
  const shape = documentShape(url);
  if (!shape) return undefined;
  if (isExcludedFile(name) || isExcludedFile(ctx.itemTitle)) return undefined;
  const ext = shape.ext ?? nameExtension(name);
  const reportNamed = isReportTitle(name) || isReportTitle(ctx.itemTitle) || mentionsReport(name) || mentionsReport(ctx.itemTitle);
  if ((ext === "xls" || ext === "xlsx" || ext === "et") && !reportNamed) return undefined;
  if (!ctx.takeAll && !reportNamed) return undefined;
  const strict = isReportTitle(name) || isReportTitle(ctx.itemTitle);
  return {
    url,
    kind: "attachment",
    text: name,
    fileName: name,
    year: yearIn(name) ?? yearIn(ctx.itemTitle),
    family: ctx.family,
    why,
    priority: strict ? PRIORITY.reportAttachment : PRIORITY.attachment,
  };
}

/** Attachments of the page itself (its anchors, script-written links, embedded viewers). */
export function attachments(page: Page): ModuleResult {
  const { $ } = page;
  const ctx: AttachmentContext = { takeAll: page.kind !== "nav", family: "attachments" };
  const links: Link[] = [];
  const add = (href: string | undefined, name: () => string | undefined, why: string) => {
    const url = page.resolve(href);
    if (!url || !documentShape(url)) return;
    const link = attachmentLink(url, name(), ctx, why);
    if (link) links.push(link);
  };
  const none = () => undefined;
  $("a[href]").each((_, a) => {
    add(linkHref($, a), () => statedName($, a), "document link");
  });
  $("iframe[src], embed[src], object[data]").each((_, el) => {
    const src = $(el).attr("src") ?? $(el).attr("data");
    add(viewerFile(src), none, "embedded document");
  });
  for (const a of scriptAnchors(page)) add(a.href, () => a.name, "document link written by a script");
  for (const path of scriptDocumentPaths(page)) add(path, none, "document path in a script");
  return { links };
}

/** pdf.js and similar viewers: `…/viewer.html?file=/a/b.pdf` → `/a/b.pdf`; anything else as is. */
function viewerFile(src: string | undefined): string | undefined {
  if (!src) return undefined;
  const m = /[?&]file=([^&#]+)/i.exec(src);
  if (!m) return src;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}
