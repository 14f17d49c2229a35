import type { Kysely } from "kysely";
import type { Database } from "../store/database.ts";
import type { AgencyRef } from "../store/find-agency.ts";
import type { ReportFilter } from "../store/list-reports.ts";
import { reportDetail, type ReportDetail } from "../store/report-detail.ts";
import { diffVersions } from "../store/version-diff.ts";
import { diffYears } from "../store/year-diff.ts";
import type { RecordDiff } from "../store/diff/record-diff.ts";
import { badRequest, notFound } from "./http-error.ts";
import * as P from "./params.ts";
import { resolveAgencyParam } from "./resolve-agency.ts";

// What the pages and the API both load, with the same checks and the same errors: the filter
// of a list (agency resolved), a report or version, a diff of two years or two versions.

export type Db = Kysely<Database>;

export async function listFilter(db: Db, q: P.Query): Promise<{ filter: ReportFilter; agency?: AgencyRef }> {
  const filter = P.reportFilter(q);
  const name = P.optionalText(q, "agency");
  if (!name) return { filter };
  const agency = await resolveAgencyParam(db, name);
  return { filter: { ...filter, agencyId: agency.id }, agency };
}

export async function loadReport(db: Db, idText: string | undefined, versionText?: string): Promise<ReportDetail> {
  const id = P.id(idText, "报告编号");
  const versionId = versionText === undefined ? undefined : P.id(versionText, "版本编号");
  const detail = await reportDetail(db, id, { versionId });
  if (!detail) throw notFound(versionId ? `报告 ${id} 没有编号为 ${versionId} 的版本` : `档案中没有编号为 ${id} 的报告`);
  return detail;
}

export interface DiffSide { year: number; reportId: string; versionId: string; template: string; label: string }
export interface LoadedDiff { agency: { id: string; name: string; region: string | null }; before: DiffSide; after: DiffSide; diff: RecordDiff; reportId?: string }

export async function loadYearDiff(db: Db, agency: AgencyRef, q: P.Query): Promise<LoadedDiff> {
  const from = P.year(q, "from"), to = P.year(q, "to");
  if (from === undefined || to === undefined) throw badRequest("请给出要比较的两个年度：from 与 to", { parameter: from === undefined ? "from" : "to" });
  const result = await diffYears(db, agency.id, from, to);
  if (!result.diff) {
    throw notFound(`档案中没有${agency.name} ${result.missing.join("、")} 年度的报告（已收录：${result.archived.join("、") || "无"}）`, { archived: result.archived });
  }
  const d = result.diff;
  const side = (s: typeof d.before) => ({ ...s, label: `${s.year} 年` });
  return { agency, before: side(d.before), after: side(d.after), diff: d };
}

export async function loadVersionDiff(db: Db, reportText: string | undefined, q: P.Query): Promise<LoadedDiff> {
  const reportId = P.id(reportText, "报告编号");
  const from = P.optionalId(q, "from"), to = P.optionalId(q, "to");
  if (!from || !to) throw badRequest("请给出要比较的两个版本编号：from 与 to", { parameter: !from ? "from" : "to" });
  const report = await reportDetail(db, reportId);
  if (!report) throw notFound(`档案中没有编号为 ${reportId} 的报告`);
  const d = await diffVersions(db, reportId, from, to);
  if (!d) throw notFound(`报告 ${reportId} 没有编号为 ${from} 或 ${to} 的版本（版本：${report.versions.map((v) => v.id).join("、")}）`);
  const side = (v: typeof d.before) => ({ year: report.year, reportId, versionId: v.versionId, template: v.template, label: `版本 ${v.versionId}` });
  return { agency: report.agency, before: side(d.before), after: side(d.after), diff: d, reportId };
}
