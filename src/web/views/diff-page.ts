import { html, type Html } from "../html.ts";
import { templateLabel } from "../labels.ts";
import { agencyUrl, reportUrl, versionUrl } from "../links.ts";
import type { LoadedDiff } from "../loaders.ts";
import { diffView } from "./diff-view.ts";
import { page } from "./layout.ts";
import { regionCrumbs } from "./report-view.ts";

// The page around a diff: of two years of an agency, or of two versions of a report.

export function diffPage(d: LoadedDiff, api: string, csv: string): Html {
  const versions = d.reportId !== undefined;
  const title = versions
    ? `${d.agency.name} ${d.before.year} 年度报告：版本 ${d.before.versionId} → ${d.after.versionId}`
    : `${d.agency.name}：${d.before.year} → ${d.after.year} 年`;
  const link = (s: LoadedDiff["before"]) => (versions ? versionUrl(s.reportId, s.versionId) : reportUrl(s.reportId));
  const body = html`
<p>比较 <a href="${link(d.before)}">${d.before.label}</a>（${templateLabel(d.before.template)}）与 <a href="${link(d.after)}">${d.after.label}</a>（${templateLabel(d.after.template)}）。
${d.before.template !== d.after.template ? html`<strong>两者表格格式不同</strong>，部分数据项不可直接比较。` : ""}</p>
${diffView(d.diff, { before: d.before.label, after: d.after.label })}`;
  const crumbs = [{ href: "/", label: "首页" }, ...regionCrumbs(d.agency.region), { href: agencyUrl(d.agency.id), label: d.agency.name }, { label: "比较" }];
  return page({ title, crumbs, json: api, csv, nav: "reports" }, body);
}
